// Conversion between JS bigint and CPython's PyLongObject digit layout.
//
// CPython 3.11 stores an int as `ob_size` (the number of 30-bit digits, negated
// for negative numbers, 0 for zero) followed by |ob_size| little-endian
// `digit`s (uint32, values < 2**30) — see Include/cpython/longintrepr.h. The
// heap `int` of pynogil keeps that layout so that C extensions can read it.
//
// Going through `bigint.toString(16)` / `BigInt('0x…')` makes both directions
// linear: V8 converts power-of-two radixes in linear time, and a block of 15
// hex characters is exactly 60 bits = two 30-bit digits. No per-bit loops and
// no repeated shifting of the whole number (which would be quadratic).

import { type PyInt, normInt } from './pyint.js';
import { bitLengthBig } from './float-bits.js';

export const PYLONG_SHIFT = 30;
export const PYLONG_MASK = 0x3fffffff;

/** Number of 30-bit digits needed for |v| (0 for 0). */
export function longDigitCount(v: bigint | number): number {
  if (typeof v === 'number') {
    let a = Math.abs(v);
    let n = 0;
    while (a > 0) {
      a = Math.floor(a / 1073741824);
      n++;
    }
    return n;
  }
  if (v === 0n) return 0;
  return Math.ceil(bitLengthBig(v) / 30);
}

/**
 * Write the digits of `v` into `out[off .. off + longDigitCount(v))` and
 * return CPython's `ob_size` (negative for negative `v`). `out` must be large
 * enough; nothing past the digits is written.
 */
export function longWriteDigits(v: bigint | number, out: Uint32Array, off: number): number {
  if (typeof v === 'number') {
    const neg = v < 0;
    let a = Math.abs(v);
    let n = 0;
    while (a > 0) {
      out[off + n] = a % 1073741824;
      a = Math.floor(a / 1073741824);
      n++;
    }
    return neg ? -n : n;
  }
  const neg = v < 0n;
  if (neg) v = -v;
  if (v === 0n) return 0;
  const hex = v.toString(16);
  let end = hex.length;
  let n = 0;
  // Each step consumes up to 15 hex characters = two digits.
  while (end > 0) {
    const loStart = end > 8 ? end - 8 : 0;
    const lo32 = parseInt(hex.substring(loStart, end), 16);
    const hiStart = loStart > 7 ? loStart - 7 : 0;
    const hi28 = loStart > 0 ? parseInt(hex.substring(hiStart, loStart), 16) : 0;
    out[off + n++] = lo32 & PYLONG_MASK;
    const d1 = (lo32 >>> 30) | (hi28 << 2);
    end = hiStart;
    if (d1 !== 0 || end > 0) out[off + n++] = d1;
  }
  // Drop a zero top digit produced by the last partial block.
  while (n > 0 && out[off + n - 1] === 0) n--;
  return neg ? -n : n;
}

/** `v` as a fresh (ob_size, digits) pair. */
export function bigintToLongDigits(v: bigint | number): { size: number; digits: Uint32Array } {
  const digits = new Uint32Array(longDigitCount(v));
  const size = longWriteDigits(v, digits, 0);
  return { size, digits };
}

/**
 * The value of a PyLongObject as a normalised `PyInt` (a number when it is a
 * safe integer): the fast path for the heap int, which reads one or two
 * digits without touching bigint.
 */
export function longReadValue(obSize: number, src: Uint32Array, off: number): PyInt {
  const n = obSize < 0 ? -obSize : obSize;
  if (n === 0) return 0;
  if (n === 1) return obSize < 0 ? -src[off]! : src[off]!;
  if (n === 2) {
    const v = src[off]! + src[off + 1]! * 1073741824; // < 2**60, exact if < 2**53
    if (v <= 9007199254740991) return obSize < 0 ? -v : v;
  }
  return normInt(longReadDigits(obSize, src, off));
}

/** The value of |obSize| digits at `src[off ..]` with the sign of `obSize`. */
export function longReadDigits(obSize: number, src: Uint32Array, off: number): bigint {
  const n = Math.abs(obSize);
  if (n === 0) return 0n;
  if (n === 1) {
    const v = BigInt(src[off]!);
    return obSize < 0 ? -v : v;
  }
  // Build the hex string from the top: pairs (d1:d0) = 60 bits = 15 hex chars.
  const parts: string[] = [];
  let i = n;
  if (n & 1) {
    i = n - 1;
    parts.push(src[off + i]!.toString(16));
  }
  while (i > 0) {
    const d1 = src[off + i - 1]!;
    const d0 = src[off + i - 2]!;
    const hi28 = d1 >>> 2;
    const lo32 = (((d1 & 3) << 30) | d0) >>> 0;
    const h = hi28.toString(16);
    const l = lo32.toString(16);
    parts.push(parts.length === 0 ? h : h.padStart(7, '0'));
    parts.push(l.padStart(8, '0'));
    i -= 2;
  }
  const v = BigInt('0x' + parts.join(''));
  return obSize < 0 ? -v : v;
}
