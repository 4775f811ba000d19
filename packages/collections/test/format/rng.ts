// Seeded PRNG for the format tests (splitmix32): reproducible cases from a
// printed seed, with a long period.
const f64 = new Float64Array(1);
const dv = new DataView(f64.buffer);

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  u32(): number {
    this.s = (this.s + 0x9e3779b9) >>> 0;
    let z = this.s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }
  int(n: number): number {
    return this.u32() % n;
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)]!;
  }
  /** A double from 64 random bits (any finite or non-finite value). */
  double(): number {
    dv.setUint32(0, this.u32(), true);
    dv.setUint32(4, this.u32(), true);
    return f64[0]!;
  }
  /** A random bigint with up to `maxDigits` decimal digits, random sign. */
  bigint(maxDigits: number): bigint {
    const n = 1 + this.int(maxDigits);
    let s = String(1 + this.int(9));
    while (s.length < n) s += String(this.u32() % 1000000000).padStart(9, '0');
    const v = BigInt(s.slice(0, n));
    return this.int(2) ? -v : v;
  }
}
