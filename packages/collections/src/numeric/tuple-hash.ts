// hash(tuple) as CPython 3.11 computes it (Objects/tupleobject.c tuplehash):
// an xxHash64-style accumulation over the item hashes.
//
//   acc = P5
//   for each item hash h (as uint64): acc = rotl(acc + h * P2, 31) * P1
//   acc += len ^ (P5 ^ 3527539)
//   acc == 2**64 - 1 → 1546275796
// with P1 = 11400714785074694791, P2 = 14029467366897019727,
// P5 = 2870177450012600261. All arithmetic is mod 2**64, done on uint32 halves.

import { mul64, MUL } from './hash64.js';

const P1_LO = 0x85ebca87, P1_HI = 0x9e3779b1;
const P2_LO = 0x27d4eb4f, P2_HI = 0xc2b2ae3d;
const P5_LO = 0x165667c5, P5_HI = 0x27d4eb2f;

/**
 * Accumulator for one tuple hash. Usage: `reset()`, `add(lo, hi)` for each
 * item's hash pair, then `finish(len, out, off)`.
 */
export class TupleHasher {
  private lo = P5_LO;
  private hi = P5_HI;

  reset(): void {
    this.lo = P5_LO;
    this.hi = P5_HI;
  }

  add(laneLo: number, laneHi: number): void {
    mul64(laneLo, laneHi, P2_LO, P2_HI);
    let lo = this.lo + MUL[0]!;
    const carry = lo >= 4294967296 ? 1 : 0;
    lo >>>= 0;
    let hi = (this.hi + MUL[1]! + carry) >>> 0;
    // rotl 31
    const nlo = ((lo << 31) | (hi >>> 1)) >>> 0;
    const nhi = ((hi << 31) | (lo >>> 1)) >>> 0;
    lo = nlo;
    hi = nhi;
    mul64(lo, hi, P1_LO, P1_HI);
    this.lo = MUL[0]!;
    this.hi = MUL[1]!;
  }

  finish(len: number, out: Uint32Array, off: number): void {
    const xlo = ((len >>> 0) ^ (P5_LO ^ 3527539)) >>> 0;
    const xhi = P5_HI; // len < 2**32
    let lo = this.lo + xlo;
    const carry = lo >= 4294967296 ? 1 : 0;
    lo >>>= 0;
    const hi = (this.hi + xhi + carry) >>> 0;
    if (lo === 0xffffffff && hi === 0xffffffff) {
      out[off] = 1546275796;
      out[off + 1] = 0;
      return;
    }
    out[off] = lo;
    out[off + 1] = hi;
  }
}
