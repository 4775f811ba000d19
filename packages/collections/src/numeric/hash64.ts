// The representation of a Python hash (Py_hash_t, signed 64-bit) in JS.
//
// A hash is two uint32 halves: `lo` (bits 0..31) and `hi` (bits 32..63, the
// two's complement sign in its top bit). Hash functions write them into a
// caller-supplied `Uint32Array` at [off] = lo, [off+1] = hi, so nothing is
// allocated per hash and the heap objects can cache the 8 bytes as they are.
// Why halves: dict/set probing needs `hash & mask` (the low half) and the
// unsigned 64-bit `perturb >>= 5` walk (probe.ts), both cheap on halves, while
// a bigint per hash would allocate and a double cannot hold 64 bits.
// `hashToPyInt` turns the pair into the Python-visible value of hash(x).

import { type PyInt, normInt } from './pyint.js';
import { TWO32 } from './float-bits.js';

/** The signed value of a hash pair, as returned by Python's hash(). */
export function hashToPyInt(lo: number, hi: number): PyInt {
  const shi = hi | 0;
  // Fits a double exactly when |value| < 2**53.
  if (shi >= -0x200000 && shi < 0x200000) return shi * TWO32 + (lo >>> 0);
  return normInt((BigInt(shi) << 32n) | BigInt(lo >>> 0));
}

/** A signed 64-bit bigint as a hash pair written to out[off], out[off+1]. */
export function bigintToHash(v: bigint, out: Uint32Array, off: number): void {
  out[off] = Number(BigInt.asUintN(32, v));
  out[off + 1] = Number(BigInt.asUintN(32, v >> 32n));
}

/** A signed integer |v| < 2**53 as a hash pair (no -1 adjustment). */
export function numberToHash(v: number, out: Uint32Array, off: number): void {
  out[off] = v >>> 0; // ToUint32 is v mod 2**32 for any integer double
  out[off + 1] = Math.floor(v / TWO32) >>> 0;
}

/**
 * Result of mul64: [0] = low half, [1] = high half. A typed array rather than
 * module variables so that storing a uint32 above 2**31 does not allocate.
 */
export const MUL = new Uint32Array(2);

/** (ahi:alo) * (bhi:blo) mod 2**64 into MUL (unsigned halves). */
export function mul64(alo: number, ahi: number, blo: number, bhi: number): void {
  alo >>>= 0;
  blo >>>= 0;
  const a0 = alo & 0xffff;
  const a1 = alo >>> 16;
  const b0 = blo & 0xffff;
  const b1 = blo >>> 16;
  const mid = a0 * b1 + a1 * b0; // < 2**33
  const low = a0 * b0 + (mid % 65536) * 65536; // < 2**33
  const lo32 = low % TWO32;
  const carry = Math.floor(low / TWO32);
  const hiPart = a1 * b1 + Math.floor(mid / 65536) + carry; // exact, < 2**34
  MUL[0] = lo32;
  MUL[1] = (hiPart % TWO32) + Math.imul(ahi, blo) + Math.imul(alo, bhi);
}
