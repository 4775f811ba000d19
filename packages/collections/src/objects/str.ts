// str: PEP 393 compact strings in the shared heap (CPython 3.11 unicodeobject.c).
//
// A str is one block: the header (PyASCIIObject, or PyCompactUnicodeObject when
// not ASCII; layout.ts) followed by the code points, 1, 2 or 4 bytes each
// (kind = the smallest unit that holds the largest code point), and a NUL of the
// same width. Strings are immutable after creation except for the hash cache.
//
// Code points vs JS strings: a Python str is a sequence of code points, any of
// 0..0x10FFFF including lone surrogates. A JS string is UTF-16: a surrogate pair
// is one astral code point, a lone surrogate is itself. So `strFromJs` counts
// pairs as one code point, and `strToJs` re-encodes astral code points as pairs
// (a str holding the two lone surrogates D83D, DE00 as separate code points turns
// into the same JS string as U+1F600 — the one lossy direction, as with any
// UTF-16 host).
//
// Hash cache (`hash` field, -1 = not computed): SipHash-1-3 over the kind-sized
// storage (numeric/siphash.ts `hashStrData`), written by whichever thread first
// needs it without a lock — a benign race as in CPython: every thread computes
// the same value. The two words are written high first, then the low word with
// a SeqCst store; a reader loads the low word first (relaxed, atomics.ts) and,
// if it is 0xFFFFFFFF, treats the hash as not computed and recomputes it (this also covers the 1-in-2^32 hashes whose
// low word really is 0xFFFFFFFF, at the cost of a recomputation).

import { loadPtrRelaxed, storeSeqCst } from '../atomics.js';
import { hashStrData } from '../numeric/siphash.js';
import type { HashKey } from '../numeric/hash-secret.js';
import {
  STR_ASCII_DATA, STR_COMPACT_DATA, STR_HASH, STR_LENGTH, STR_STATE, STR_STATE_ASCII,
  STR_STATE_COMPACT, STR_STATE_KIND_SHIFT, STR_STATE_READY, STR_STATE_INTERNED_MASK,
  STR_UTF8, STR_UTF8_LENGTH, STR_WSTR, STR_WSTR_LENGTH,
} from '../layout.js';

/** What str needs from the calling thread (a collections thread context). */
export interface StrCtx {
  u8: Uint8Array;
  u16: Uint16Array;
  u32: Uint32Array;
  i32: Int32Array;
  ensure(ptr: number): void;
  newObject(size: number, type: number): number;
  readonly hashKey: HashKey;
  readonly strType: number;
}

const NON_LATIN1 = /[\u0100-\uffff]/;
const NON_ASCII = /[\u0080-\uffff]/;
const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;
const ASTRAL = /[\ud800-\udbff][\udc00-\udfff]/;

interface NodeBufferLike {
  write(s: string, offset: number, length: number, encoding: string): number;
  toString(encoding: string, start: number, end: number): string;
}
type BufferCtor = { from(ab: ArrayBufferLike, off?: number, len?: number): NodeBufferLike };
const NodeBuffer: BufferCtor | undefined = (globalThis as unknown as { Buffer?: BufferCtor }).Buffer;
let bufFor: ArrayBufferLike | null = null;
let buf: NodeBufferLike | null = null;
/** A Node Buffer over the whole heap (cached per buffer object), or null. */
function heapBuffer(u8: Uint8Array): NodeBufferLike | null {
  if (NodeBuffer === undefined) return null;
  if (bufFor !== u8.buffer) {
    buf = NodeBuffer.from(u8.buffer, 0, u8.byteLength);
    bufFor = u8.buffer;
  }
  return buf;
}

/** PEP 393 shape of a JS string: kind, number of code points, ASCII-ness. */
export interface StrShape {
  kind: 1 | 2 | 4;
  length: number;
  ascii: boolean;
}

export function strShape(s: string): StrShape {
  if (!NON_LATIN1.test(s)) return { kind: 1, length: s.length, ascii: !NON_ASCII.test(s) };
  if (!ASTRAL.test(s)) return { kind: 2, length: s.length, ascii: false };
  const pairs = s.match(SURROGATE_PAIR)?.length ?? 0;
  return { kind: 4, length: s.length - pairs, ascii: false };
}

/** Byte offset of the code points of the str at `p`. */
export function strData(u8: Uint8Array, p: number): number {
  return (u8[p + STR_STATE]! & STR_STATE_ASCII) !== 0 ? p + STR_ASCII_DATA : p + STR_COMPACT_DATA;
}

/** 1, 2 or 4. */
export function strKindOf(u8: Uint8Array, p: number): 1 | 2 | 4 {
  return ((u8[p + STR_STATE]! >>> STR_STATE_KIND_SHIFT) & 7) as 1 | 2 | 4;
}

export function strLength(u32: Uint32Array, p: number): number {
  return u32[(p + STR_LENGTH) >>> 2]!;
}

/** Makes this thread's views reach all of the str at `p` (an offset that may
 *  come from another thread, allocated after a memory growth). */
export function strEnsure(ctx: { ensure(ptr: number): void; u8: Uint8Array; u32: Uint32Array }, p: number): void {
  ctx.ensure(p + STR_COMPACT_DATA);
  const kind = (ctx.u8[p + STR_STATE]! >>> STR_STATE_KIND_SHIFT) & 7;
  ctx.ensure(p + strObjectSize(ctx.u32[(p + STR_LENGTH) >>> 2]!, kind, (ctx.u8[p + STR_STATE]! & STR_STATE_ASCII) !== 0) - 1);
}

/** Block size of a str of `length` code points of `kind`. */
export function strObjectSize(length: number, kind: number, ascii: boolean): number {
  return (ascii ? STR_ASCII_DATA : STR_COMPACT_DATA) + (length + 1) * kind;
}

/** Allocates an uninitialised-data str; the caller writes the code points (and
 *  the NUL is written here). Returns 0 when memory is exhausted. */
export function strAlloc(ctx: StrCtx, length: number, kind: 1 | 2 | 4, ascii: boolean): number {
  const p = ctx.newObject(strObjectSize(length, kind, ascii), ctx.strType);
  if (p === 0) return 0;
  ctx.ensure(p + strObjectSize(length, kind, ascii));
  const { u8, u32 } = ctx;
  u32[(p + STR_LENGTH) >>> 2] = length;
  u32[(p + STR_LENGTH + 4) >>> 2] = 0; // padding before the 8-byte hash
  u32[(p + STR_HASH) >>> 2] = 0xffffffff;
  u32[(p + STR_HASH + 4) >>> 2] = 0xffffffff;
  u32[(p + STR_STATE) >>> 2] =
    (kind << STR_STATE_KIND_SHIFT) | STR_STATE_COMPACT | STR_STATE_READY | (ascii ? STR_STATE_ASCII : 0);
  u32[(p + STR_WSTR) >>> 2] = 0;
  if (!ascii) {
    u32[(p + STR_UTF8_LENGTH) >>> 2] = 0;
    u32[(p + STR_UTF8) >>> 2] = 0;
    u32[(p + STR_WSTR_LENGTH) >>> 2] = 0;
    u32[(p + STR_WSTR_LENGTH + 4) >>> 2] = 0;
  }
  const d = strData(u8, p);
  if (kind === 1) u8[d + length] = 0;
  else if (kind === 2) ctx.u16[(d >>> 1) + length] = 0;
  else u32[(d >>> 2) + length] = 0;
  return p;
}

/** A new str holding the code points of the JS string `s`. 0 on out-of-memory. */
export function strFromJs(ctx: StrCtx, s: string): number {
  const { kind, length, ascii } = strShape(s);
  const p = strAlloc(ctx, length, kind, ascii);
  if (p === 0) return 0;
  const d = strData(ctx.u8, p);
  const nb = heapBuffer(ctx.u8);
  if (kind === 1) {
    if (nb !== null) nb.write(s, d, length, 'latin1');
    else for (let i = 0; i < length; i++) ctx.u8[d + i] = s.charCodeAt(i);
  } else if (kind === 2) {
    if (nb !== null) nb.write(s, d, length * 2, 'utf16le');
    else { const u16 = ctx.u16; const b = d >>> 1; for (let i = 0; i < length; i++) u16[b + i] = s.charCodeAt(i); }
  } else {
    const u32 = ctx.u32;
    let k = d >>> 2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const e = s.charCodeAt(i + 1);
        if (e >= 0xdc00 && e <= 0xdfff) {
          u32[k++] = ((c - 0xd800) << 10) + (e - 0xdc00) + 0x10000;
          i++;
          continue;
        }
      }
      u32[k++] = c;
    }
  }
  return p;
}

/** The JS string of the str at `p` (astral code points become surrogate pairs). */
export function strToJs(ctx: { u8: Uint8Array; u16: Uint16Array; u32: Uint32Array }, p: number): string {
  const { u8 } = ctx;
  const n = strLength(ctx.u32, p);
  const kind = strKindOf(u8, p);
  const d = strData(u8, p);
  if (n === 0) return '';
  if (kind === 1 || kind === 2) {
    const nb = heapBuffer(u8);
    if (nb !== null) return kind === 1 ? nb.toString('latin1', d, d + n) : nb.toString('utf16le', d, d + 2 * n);
    const arr = kind === 1 ? u8.subarray(d, d + n) : ctx.u16.subarray(d >>> 1, (d >>> 1) + n);
    let out = '';
    for (let i = 0; i < n; i += 8192) out += String.fromCharCode(...arr.subarray(i, Math.min(n, i + 8192)));
    return out;
  }
  const cps = ctx.u32.subarray(d >>> 2, (d >>> 2) + n);
  let out = '';
  for (let i = 0; i < n; i += 8192) out += String.fromCodePoint(...cps.subarray(i, Math.min(n, i + 8192)));
  return out;
}

/** Code point `i` (0 <= i < len), O(1). */
export function strCodePointAt(ctx: { u8: Uint8Array; u16: Uint16Array; u32: Uint32Array }, p: number, i: number): number {
  const d = strData(ctx.u8, p);
  const kind = strKindOf(ctx.u8, p);
  if (kind === 1) return ctx.u8[d + i]!;
  if (kind === 2) return ctx.u16[(d >>> 1) + i]!;
  return ctx.u32[(d >>> 2) + i]!;
}

function dataView(ctx: { u8: Uint8Array; u16: Uint16Array; u32: Uint32Array }, p: number): [Uint8Array | Uint16Array | Uint32Array, number] {
  const d = strData(ctx.u8, p);
  const kind = strKindOf(ctx.u8, p);
  if (kind === 1) return [ctx.u8, d];
  if (kind === 2) return [ctx.u16, d >>> 1];
  return [ctx.u32, d >>> 2];
}

/** hash(str): the cached value, computed and cached on first use. Writes (lo, hi)
 *  to out[off], out[off+1]. Lock-free, any thread (see the header comment). */
export function strHash(ctx: StrCtx, p: number, out: Uint32Array, off: number): void {
  const hw = (p + STR_HASH) >>> 2;
  const lo = loadPtrRelaxed(ctx.i32, hw);
  if (lo !== 0xffffffff) {
    out[off] = lo;
    out[off + 1] = ctx.u32[hw + 1]!;
    return;
  }
  const [arr, start] = dataView(ctx, p);
  hashStrData(ctx.hashKey, arr, start, strLength(ctx.u32, p), out, off);
  ctx.u32[hw + 1] = out[off + 1]!;
  storeSeqCst(ctx.i32, hw, out[off]! | 0);
}

/** True if the two strs have the same code points (unicode_eq). */
export function strEq(ctx: { u8: Uint8Array; u16: Uint16Array; u32: Uint32Array }, a: number, b: number): boolean {
  if (a === b) return true;
  const n = strLength(ctx.u32, a);
  if (n !== strLength(ctx.u32, b)) return false;
  const ka = strKindOf(ctx.u8, a);
  if (ka !== strKindOf(ctx.u8, b)) return false; // canonical kinds: equal strings have equal kinds
  const da = strData(ctx.u8, a);
  const db = strData(ctx.u8, b);
  const u8 = ctx.u8;
  const bytes = n * ka;
  let i = 0;
  if (((da | db) & 3) === 0) {
    const u32 = ctx.u32;
    const wa = da >>> 2;
    const wb = db >>> 2;
    const words = bytes >>> 2;
    for (; i < words; i++) if (u32[wa + i] !== u32[wb + i]) return false;
    i <<= 2;
  }
  for (; i < bytes; i++) if (u8[da + i] !== u8[db + i]) return false;
  return true;
}

/** Code-point order: negative, 0 or positive (unicode_compare). */
export function strCompare(ctx: { u8: Uint8Array; u16: Uint16Array; u32: Uint32Array }, a: number, b: number): number {
  if (a === b) return 0;
  const na = strLength(ctx.u32, a);
  const nb = strLength(ctx.u32, b);
  const n = Math.min(na, nb);
  const [xa, sa] = dataView(ctx, a);
  const [xb, sb] = dataView(ctx, b);
  for (let i = 0; i < n; i++) {
    const d = xa[sa + i]! - xb[sb + i]!;
    if (d !== 0) return d;
  }
  return na - nb;
}

function maxCharRange(arr: Uint8Array | Uint16Array | Uint32Array, start: number, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) { const c = arr[start + i]!; if (c > m) m = c; }
  return m;
}

function kindFor(maxChar: number): 1 | 2 | 4 {
  return maxChar < 0x100 ? 1 : maxChar < 0x10000 ? 2 : 4;
}

/** Writes n code points of src (any kind) into the str `dst` at index `at`. */
function copyCodePoints(
  ctx: { u8: Uint8Array; u16: Uint16Array; u32: Uint32Array }, dst: number, at: number,
  src: Uint8Array | Uint16Array | Uint32Array, start: number, n: number,
): void {
  const [arr, d] = dataView(ctx, dst);
  if (arr.BYTES_PER_ELEMENT === src.BYTES_PER_ELEMENT) arr.copyWithin(d + at, start, start + n);
  else for (let i = 0; i < n; i++) arr[d + at + i] = src[start + i]!;
}

/** a + b as a new str (the kind of the result is that of the wider operand). */
export function strConcat(ctx: StrCtx, a: number, b: number): number {
  const na = strLength(ctx.u32, a);
  const nb = strLength(ctx.u32, b);
  const kind = Math.max(strKindOf(ctx.u8, a), strKindOf(ctx.u8, b)) as 1 | 2 | 4;
  const ascii = (ctx.u8[a + STR_STATE]! & ctx.u8[b + STR_STATE]! & STR_STATE_ASCII) !== 0;
  const p = strAlloc(ctx, na + nb, kind, ascii);
  if (p === 0) return 0;
  const [xa, sa] = dataView(ctx, a);
  copyCodePoints(ctx, p, 0, xa, sa, na);
  const [xb, sb] = dataView(ctx, b);
  copyCodePoints(ctx, p, na, xb, sb, nb);
  return p;
}

/** s[start:stop] for 0 <= start <= stop <= len (the caller normalises indices and
 *  steps). The result has the canonical (narrowest) kind, as in CPython. */
export function strSlice(ctx: StrCtx, p: number, start: number, stop: number): number {
  const n = stop - start;
  const [x, s] = dataView(ctx, p);
  const maxc = strKindOf(ctx.u8, p) === 1 && (ctx.u8[p + STR_STATE]! & STR_STATE_ASCII) !== 0
    ? 0 : maxCharRange(x, s + start, n);
  const q = strAlloc(ctx, n, kindFor(maxc), maxc < 0x80);
  if (q === 0) return 0;
  const [y, t] = dataView(ctx, p); // views may have been re-created by the allocation
  copyCodePoints(ctx, q, 0, y, t + start, n);
  return q;
}

/** The interned state bits (0 not interned, 1 interned, 2 interned and immortal). */
export function strInternState(u8: Uint8Array, p: number): number {
  return u8[p + STR_STATE]! & STR_STATE_INTERNED_MASK;
}
