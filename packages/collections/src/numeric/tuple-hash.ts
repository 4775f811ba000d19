// hash(tuple) and hash(frozenset) as CPython 3.11 computes them. tuplehash
// (Objects/tupleobject.c):
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

/**
 * hash(frozenset) (setobject.c frozenset_hash): an order-independent XOR of
 * shuffled item hashes, then a final mix:
 *   shuffle(h) = ((h ^ 89869747) ^ (h << 16)) * 3644798167
 *   acc = XOR of shuffle(h) over the items
 *   acc ^= (len + 1) * 1927868237
 *   acc ^= (acc >> 11) ^ (acc >> 25)
 *   acc = acc * 69069 + 907133923;  acc == 2**64 - 1 → 590923713
 * (CPython XORs over every table slot and cancels empty and dummy slots; the
 * result depends only on the active items, as here.) All mod 2**64.
 */
export class FrozensetHasher {
  private lo = 0;
  private hi = 0;

  reset(): void {
    this.lo = 0;
    this.hi = 0;
  }

  add(hLo: number, hHi: number): void {
    // (h ^ 89869747) ^ (h << 16)
    const xlo = ((hLo ^ 89869747) ^ (hLo << 16)) >>> 0;
    const xhi = (hHi ^ ((hHi << 16) | (hLo >>> 16))) >>> 0;
    mul64(xlo, xhi, 3644798167, 0);
    this.lo = (this.lo ^ MUL[0]!) >>> 0;
    this.hi = (this.hi ^ MUL[1]!) >>> 0;
  }

  finish(len: number, out: Uint32Array, off: number): void {
    mul64(len + 1, 0, 1927868237, 0);
    let lo = (this.lo ^ MUL[0]!) >>> 0;
    let hi = (this.hi ^ MUL[1]!) >>> 0;
    // acc ^= (acc >> 11) ^ (acc >> 25)
    const s11lo = ((lo >>> 11) | (hi << 21)) >>> 0;
    const s11hi = hi >>> 11;
    const s25lo = ((lo >>> 25) | (hi << 7)) >>> 0;
    const s25hi = hi >>> 25;
    lo = (lo ^ s11lo ^ s25lo) >>> 0;
    hi = (hi ^ s11hi ^ s25hi) >>> 0;
    mul64(lo, hi, 69069, 0);
    lo = MUL[0]! + 907133923;
    const carry = lo >= 4294967296 ? 1 : 0;
    lo >>>= 0;
    hi = (MUL[1]! + carry) >>> 0;
    if (lo === 0xffffffff && hi === 0xffffffff) {
      lo = 590923713;
      hi = 0;
    }
    out[off] = lo;
    out[off + 1] = hi;
  }
}
