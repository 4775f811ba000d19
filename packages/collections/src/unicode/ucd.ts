// Per-code-point lookups in the Unicode 14.0 database of CPython 3.11: the str
// predicate flags and full case mappings (what CPython keeps in unicodetype_db.h,
// read through Objects/unicodectype.c) and the unicodedata properties (category,
// bidirectional, east_asian_width, mirrored, combining, decimal/digit/numeric).
//
// The data is src/unicode/tables.ts, generated from python3 by
// scripts/gen-unicode-tables.py. It is decoded on the first lookup, not at import,
// so importing the package costs only the parse of a few string literals.
// Node's own tables (\p{..}, toUpperCase) are Unicode 15 and must not be used here.
import * as T from './tables.js';

/** Flag bits of a type record (same values as the generator's F_* constants). */
export const F_ALPHA = 1;
export const F_DECIMAL = 2;
export const F_DIGIT = 4;
export const F_NUMERIC = 8;
export const F_LOWER = 16;
export const F_UPPER = 32;
export const F_TITLE = 64;
export const F_CASED = 128;
export const F_CASE_IGNORABLE = 256;
export const F_SPACE = 512;
export const F_PRINTABLE = 1024;
export const F_XID_START = 2048;
export const F_XID_CONTINUE = 4096;
export const F_LINEBREAK = 8192;

export const UNICODE_VERSION = T.UNICODE_VERSION;

/** A mapping delta that means "several code points: look in the multi table". */
export const MULTI = 0x7fffffff;

/** Two-level table geometry: block = top[cp >>> TYPE_SHIFT], entry cp & TYPE_MASK. */
export const TYPE_SHIFT = T.SHIFT;
export const TYPE_MASK = (1 << T.SHIFT) - 1;

/** Mapping kinds, in record order. */
export const MAP_UPPER = 0;
export const MAP_LOWER = 1;
export const MAP_TITLE = 2;
export const MAP_FOLD = 3;

/** The decoded type tables (read-only after decoding); see typeTables(). */
export interface TypeTables {
  top: Uint16Array;
  blocks: Uint16Array | Uint8Array;
  flags: Uint16Array;
  /** deltas[rec * 4 + kind]: single-code-point delta, or MULTI. */
  deltas: Int32Array;
  /** multi[rec * 4 + kind]: the code points of a multi-character mapping. */
  multi: Map<number, readonly number[]>;
  decimal: Int8Array;
  digit: Int8Array;
  numeric: Float64Array;
}

interface DbTables {
  top: Uint16Array;
  blocks: Uint16Array | Uint8Array;
  category: Uint8Array;
  bidi: Uint8Array;
  eaw: Uint8Array;
  mirrored: Uint8Array;
  combining: Uint8Array;
}

/** Base64 to bytes with the global atob (Node >= 16 and browsers; no Buffer). */
function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function decodeU16(s: string): Uint16Array {
  const b = decodeBase64(s);
  const out = new Uint16Array(b.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = b[2 * i]! | (b[2 * i + 1]! << 8);
  return out;
}

function decodeBlocks(s: string, width: number): Uint16Array | Uint8Array {
  return width === 1 ? decodeBase64(s) : decodeU16(s);
}

let typeTables: TypeTables | undefined;
let dbTables: DbTables | undefined;

function loadTypeTables(): TypeTables {
  type Mapping = number | number[];
  const recs = JSON.parse(T.TYPE_RECORDS) as [number, Mapping, Mapping, Mapping, Mapping, number, number, number][];
  const nums = (JSON.parse(T.NUMERIC_VALUES) as string[]).map(Number);
  const n = recs.length;
  const t: TypeTables = {
    top: decodeU16(T.TYPE_TOP),
    blocks: decodeBlocks(T.TYPE_BLOCKS, T.TYPE_BLOCK_WIDTH),
    flags: new Uint16Array(n),
    deltas: new Int32Array(n * 4),
    multi: new Map(),
    decimal: new Int8Array(n),
    digit: new Int8Array(n),
    numeric: new Float64Array(n),
  };
  for (let r = 0; r < n; r++) {
    const rec = recs[r]!;
    t.flags[r] = rec[0];
    for (let k = 0; k < 4; k++) {
      const m = rec[1 + k]!;
      if (typeof m === 'number') t.deltas[r * 4 + k] = m;
      else {
        t.deltas[r * 4 + k] = MULTI;
        t.multi.set(r * 4 + k, m);
      }
    }
    t.decimal[r] = rec[5];
    t.digit[r] = rec[6];
    t.numeric[r] = rec[7] < 0 ? NaN : nums[rec[7]]!;
  }
  return t;
}

function loadDbTables(): DbTables {
  const recs = JSON.parse(T.DB_RECORDS) as [number, number, number, number, number][];
  const n = recs.length;
  const d: DbTables = {
    top: decodeU16(T.DB_TOP),
    blocks: decodeBlocks(T.DB_BLOCKS, T.DB_BLOCK_WIDTH),
    category: new Uint8Array(n),
    bidi: new Uint8Array(n),
    eaw: new Uint8Array(n),
    mirrored: new Uint8Array(n),
    combining: new Uint8Array(n),
  };
  for (let r = 0; r < n; r++) {
    const rec = recs[r]!;
    d.category[r] = rec[0];
    d.bidi[r] = rec[1];
    d.eaw[r] = rec[2];
    d.mirrored[r] = rec[3];
    d.combining[r] = rec[4];
  }
  return d;
}

function types(): TypeTables {
  return (typeTables ??= loadTypeTables());
}

/** The decoded type tables, for loops that inline the lookup (case.ts, predicates.ts). */
export const typeTablesDecoded = types;

function db(): DbTables {
  return (dbTables ??= loadDbTables());
}

/** Type record index of a code point (0 <= cp <= 0x10FFFF). */
export function typeRecord(t: TypeTables, cp: number): number {
  return t.blocks[(t.top[cp >>> TYPE_SHIFT]! << TYPE_SHIFT) | (cp & TYPE_MASK)]!;
}

function dbRecord(d: DbTables, cp: number): number {
  return d.blocks[(d.top[cp >>> TYPE_SHIFT]! << TYPE_SHIFT) | (cp & TYPE_MASK)]!;
}

/** The F_* flags of a code point (Objects/unicodectype.c's gettyperecord()->flags). */
export function typeFlags(cp: number): number {
  const t = types();
  return t.flags[typeRecord(t, cp)]!;
}

/**
 * Full case mapping of one code point (_PyUnicode_ToUpperFull, ToLowerFull,
 * ToTitleFull, ToFoldedFull): pushes 1..3 code points onto `out`. The lower
 * mapping here is context-free; the final-sigma rule is in case.ts.
 */
export function pushMapping(cp: number, kind: number, out: number[]): void {
  const t = types();
  const key = typeRecord(t, cp) * 4 + kind;
  const d = t.deltas[key]!;
  if (d !== MULTI) out.push(cp + d);
  else for (const c of t.multi.get(key)!) out.push(c);
}

/** unicodedata.decimal(chr(cp)), or -1. */
export function decimalValue(cp: number): number {
  const t = types();
  return t.decimal[typeRecord(t, cp)]!;
}

/** unicodedata.digit(chr(cp)), or -1. */
export function digitValue(cp: number): number {
  const t = types();
  return t.digit[typeRecord(t, cp)]!;
}

/** unicodedata.numeric(chr(cp)), or NaN when it has none. */
export function numericValue(cp: number): number {
  const t = types();
  return t.numeric[typeRecord(t, cp)]!;
}

/** unicodedata.category(chr(cp)), e.g. 'Lu'. */
export function category(cp: number): string {
  const d = db();
  return T.CATEGORIES[d.category[dbRecord(d, cp)]!]!;
}

/** unicodedata.bidirectional(chr(cp)); '' for unassigned code points. */
export function bidirectional(cp: number): string {
  const d = db();
  return T.BIDI_CLASSES[d.bidi[dbRecord(d, cp)]!]!;
}

/** unicodedata.east_asian_width(chr(cp)): 'N', 'Na', 'A', 'W', 'H' or 'F'. */
export function eastAsianWidth(cp: number): string {
  const d = db();
  return T.EAST_ASIAN_WIDTHS[d.eaw[dbRecord(d, cp)]!]!;
}

/** unicodedata.mirrored(chr(cp)): 0 or 1. */
export function mirrored(cp: number): number {
  const d = db();
  return d.mirrored[dbRecord(d, cp)]!;
}

/** unicodedata.combining(chr(cp)): the canonical combining class. */
export function combining(cp: number): number {
  const d = db();
  return d.combining[dbRecord(d, cp)]!;
}
