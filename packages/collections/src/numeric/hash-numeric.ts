// hash() of int and float exactly as CPython 3.11 (Python/pyhash.c
// _Py_HashDouble, Objects/longobject.c long_hash).
//
// Numeric hashes are reductions modulo the Mersenne prime P = 2**61 - 1
// (sys.hash_info.modulus) so that equal numbers of different types hash
// alike: hash(n) = sign(n) * (|n| mod P); a finite float m * 2**e hashes to
// sign * (m * 2**(e mod 61) mod P) because 2**61 ≡ 1 (mod P); an integral
// float hashes like the int. inf → 314159, -inf → -314159, NaN → the
// identity hash of the object (3.10+), passed in by the caller. A result of
// -1 (the C error value) becomes -2.

import { type PyInt } from './pyint.js';
import { decompose } from './float-bits.js';
import { bigintToHash, numberToHash } from './hash64.js';
import { TWO32 } from './float-bits.js';

const TWO61 = 2305843009213693952;

export const HASH_MODULUS = (1n << 61n) - 1n;
export const HASH_INF = 314159;

/** hash(n) for an int, written as a hash pair to out[off], out[off+1]. */
export function hashInt(n: PyInt, out: Uint32Array, off: number): void {
  if (typeof n === 'number') {
    // |n| < 2**53 < P: the hash is n itself.
    numberToHash(n === -1 ? -2 : n, out, off);
    return;
  }
  let h = (n < 0n ? -n : n) % HASH_MODULUS;
  if (n < 0n) h = -h;
  if (h === -1n) h = -2n;
  bigintToHash(h, out, off);
}

/**
 * hash(x) for a float. `address` is used for NaN only: CPython hashes a NaN
 * by its object address (_Py_HashPointer); the heap float passes its offset.
 */
export function hashFloat(x: number, address: number, out: Uint32Array, off: number): void {
  if (x !== x) {
    hashPointer(address, out, off);
    return;
  }
  if (x === Infinity || x === -Infinity) {
    numberToHash(x > 0 ? HASH_INF : -HASH_INF, out, off);
    return;
  }
  if (Number.isInteger(x) && Math.abs(x) <= 9007199254740991) {
    numberToHash(x === -1 ? -2 : x === 0 ? 0 : x, out, off);
    return;
  }
  // m * 2**k mod P for m < 2**53 < P is a rotation left by k of the 61-bit
  // value m. Both halves of the rotation are exact doubles (they keep at most
  // m's 53 significant bits), but their sum may span 61 bits, so each is split
  // into 32-bit halves whose bits do not overlap.
  const d = decompose(x);
  const k = ((d.exp % 61) + 61) % 61;
  const m = d.mant;
  const left = (m * 2 ** k) % TWO61; // exact: fmod, and m * 2**k is exact
  const right = Math.floor(m / 2 ** (61 - k));
  let lo = (left % TWO32) + (right % TWO32);
  let hi = Math.floor(left / TWO32) + Math.floor(right / TWO32);
  if (x < 0) {
    // 64-bit two's complement negation.
    lo = (TWO32 - lo) % TWO32;
    hi = (~hi + (lo === 0 ? 1 : 0)) >>> 0;
    if (lo === 0xffffffff && hi === 0xffffffff) lo = 0xfffffffe; // -1 → -2
  }
  out[off] = lo;
  out[off + 1] = hi;
}

/**
 * _Py_HashPointer for identity hashes (object.__hash__, NaN): CPython
 * rotates the address right by 4 bits so that aligned pointers spread.
 * `address` is the heap offset of the object (a uint32).
 */
export function hashPointer(address: number, out: Uint32Array, off: number): void {
  // 64-bit rotate right by 4 of a value < 2**32: low bits move to the top.
  const a = address >>> 0;
  out[off] = a >>> 4;
  out[off + 1] = ((a & 15) << 28) >>> 0;
  if (out[off] === 0xffffffff && out[off + 1] === 0xffffffff) out[off] = 0xfffffffe;
}
