// str.upper, lower, casefold, title, capitalize and swapcase as CPython 3.11
// computes them (Objects/unicodeobject.c: do_upper, do_lower, do_casefold,
// do_title, do_capitalize, do_swapcase), over code points. Every mapping is the
// full (possibly multi-character) one; lower() of U+03A3 applies CPython's
// final-sigma rule (handle_capital_sigma), which also applies inside title(),
// capitalize() and swapcase(), since they all lower through lower_ucs4.
//
// The *CodePoints functions take any array of code points (a lone surrogate is a
// code point like any other). The string wrappers walk a JS string by code point;
// a surrogate pair in a JS string is one astral code point.
import {
  pushMapping, typeFlags, typeTablesDecoded, MULTI, TYPE_SHIFT, TYPE_MASK, MAP_UPPER, MAP_LOWER, MAP_TITLE, MAP_FOLD, F_CASED, F_CASE_IGNORABLE, F_UPPER, F_LOWER,
} from './ucd.js';
import { codePointsOf, stringOf, isAsciiString } from './code-points.js';

const CAPITAL_SIGMA = 0x3a3;
const SMALL_SIGMA = 0x3c3;
const FINAL_SIGMA = 0x3c2;

/**
 * handle_capital_sigma: U+03A3 at index i lowers to final sigma when a cased
 * character precedes it and none follows, skipping case-ignorable characters
 * both ways.
 */
function lowerSigma(cps: ArrayLike<number>, i: number): number {
  let j = i - 1;
  let c = 0;
  for (; j >= 0; j--) {
    c = cps[j]!;
    if (!(typeFlags(c) & F_CASE_IGNORABLE)) break;
  }
  let final = j >= 0 && (typeFlags(c) & F_CASED) !== 0;
  if (final) {
    j = i + 1;
    for (; j < cps.length; j++) {
      c = cps[j]!;
      if (!(typeFlags(c) & F_CASE_IGNORABLE)) break;
    }
    final = j === cps.length || !(typeFlags(c) & F_CASED);
  }
  return final ? FINAL_SIGMA : SMALL_SIGMA;
}

/** lower_ucs4: lower-case the code point at index i, in context. */
function pushLowerAt(cps: ArrayLike<number>, i: number, out: number[]): void {
  const c = cps[i]!;
  if (c === CAPITAL_SIGMA) out.push(lowerSigma(cps, i));
  else pushMapping(c, MAP_LOWER, out);
}

export function upperCodePoints(cps: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) pushMapping(cps[i]!, MAP_UPPER, out);
  return out;
}

export function lowerCodePoints(cps: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) pushLowerAt(cps, i, out);
  return out;
}

export function casefoldCodePoints(cps: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) pushMapping(cps[i]!, MAP_FOLD, out);
  return out;
}

/** do_title: titlecase after an uncased character, lowercase after a cased one. */
export function titleCodePoints(cps: ArrayLike<number>): number[] {
  const out: number[] = [];
  let previousIsCased = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (previousIsCased) pushLowerAt(cps, i, out);
    else pushMapping(c, MAP_TITLE, out);
    previousIsCased = (typeFlags(c) & F_CASED) !== 0;
  }
  return out;
}

/** do_capitalize (3.8+): the first character titlecased, the rest lowercased. */
export function capitalizeCodePoints(cps: ArrayLike<number>): number[] {
  const out: number[] = [];
  if (cps.length === 0) return out;
  pushMapping(cps[0]!, MAP_TITLE, out);
  for (let i = 1; i < cps.length; i++) pushLowerAt(cps, i, out);
  return out;
}

/** do_swapcase: upper characters lowered (with final sigma), lower ones uppered. */
export function swapcaseCodePoints(cps: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    const f = typeFlags(c);
    if (f & F_UPPER) pushLowerAt(cps, i, out);
    else if (f & F_LOWER) pushMapping(c, MAP_UPPER, out);
    else out.push(c);
  }
  return out;
}

/**
 * upper / lower / casefold of a JS string without an intermediate code point
 * array: one table lookup per code point, UTF-16 units written to a buffer.
 * `kind` must not be MAP_LOWER for a string containing U+03A3 (final sigma needs
 * context: those go through lowerCodePoints). Output is at most 3 units per input
 * unit (a mapping has at most 3 code points, and only an astral, 2-unit, code
 * point maps to astral ones).
 */
function mapContextFree(s: string, kind: number): string {
  const t = typeTablesDecoded();
  const top = t.top;
  const blocks = t.blocks;
  const deltas = t.deltas;
  const buf = scratch(s.length * 3);
  let o = 0;
  let lone = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const lo = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      } else lone = true;
    }
    // typeRecord(t, c), inlined
    const key = blocks[(top[c >>> TYPE_SHIFT]! << TYPE_SHIFT) | (c & TYPE_MASK)]! * 4 + kind;
    const d = deltas[key]!;
    if (d !== MULTI) {
      const m = c + d;
      if (m <= 0xffff) buf[o++] = m;
      else o = putCodePoint(buf, o, m);
    } else for (const m of t.multi.get(key)!) o = putCodePoint(buf, o, m);
  }
  return unitsToString(buf, o, lone);
}

/**
 * The output buffer, reused across calls (module state is per thread: each
 * worker has its own). Only mapContextFree uses it, and it does not re-enter.
 */
let scratchBuf = new Uint16Array(4096);
function scratch(n: number): Uint16Array {
  if (scratchBuf.length < n) scratchBuf = new Uint16Array(Math.max(n, scratchBuf.length * 2));
  return scratchBuf;
}

// ignoreBOM: otherwise a leading U+FEFF would be dropped.
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

function putCodePoint(buf: Uint16Array, o: number, c: number): number {
  if (c <= 0xffff) {
    buf[o] = c;
    return o + 1;
  }
  c -= 0x10000;
  buf[o] = 0xd800 + (c >> 10);
  buf[o + 1] = 0xdc00 + (c & 0x3ff);
  return o + 2;
}

/**
 * UTF-16 units to a string. TextDecoder is the fast native path, but it replaces
 * lone surrogates by U+FFFD, so a string that has any goes through fromCharCode.
 */
function unitsToString(buf: Uint16Array, n: number, lone: boolean): string {
  if (!lone) return utf16.decode(buf.subarray(0, n));
  const CHUNK = 8192;
  if (n <= CHUNK) return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  let s = '';
  for (let i = 0; i < n; i += CHUNK) {
    s += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  }
  return s;
}

// ASCII strings: JS's own ASCII case mapping is exactly Python's there.

export function strUpper(s: string): string {
  return isAsciiString(s) ? s.toUpperCase() : mapContextFree(s, MAP_UPPER);
}

export function strLower(s: string): string {
  if (isAsciiString(s)) return s.toLowerCase();
  return s.includes('\u03a3') ? stringOf(lowerCodePoints(codePointsOf(s))) : mapContextFree(s, MAP_LOWER);
}

export function strCasefold(s: string): string {
  return isAsciiString(s) ? s.toLowerCase() : mapContextFree(s, MAP_FOLD);
}

export function strTitle(s: string): string {
  return stringOf(titleCodePoints(codePointsOf(s)));
}

export function strCapitalize(s: string): string {
  return stringOf(capitalizeCodePoints(codePointsOf(s)));
}

export function strSwapcase(s: string): string {
  return stringOf(swapcaseCodePoints(codePointsOf(s)));
}
