// IEEE-754 binary64 bit access and exact scaling.
//
// Every correctly rounded algorithm in this directory works on the exact
// value of a double, `mant * 2**exp` with an integer `mant < 2**53`. This file
// takes doubles apart (through one shared Float64Array/Uint32Array pair, so no
// allocation), scales by powers of two without double rounding, and rounds an
// exact binary fraction (a bigint mantissa, a sticky bit and a binary exponent)
// to the nearest double, ties to even — the one rounding primitive behind
// int→float, int/int, float.fromhex and friends.

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Little-endian hosts only (every platform Node and browsers run on today).
f64[0] = 1;
if (u32[1] !== 0x3ff00000) throw new Error('pynogil numeric: big-endian host is not supported');

export const TWO32 = 4294967296;
export const TWO52 = 4503599627370496;
export const TWO53 = 9007199254740992;

/** High 32 bits (sign, exponent, top of fraction) of `x`. */
export function doubleHighWord(x: number): number {
  f64[0] = x;
  return u32[1]!;
}

/** Low 32 bits of the fraction of `x`. */
export function doubleLowWord(x: number): number {
  f64[0] = x;
  return u32[0]!;
}

/** True if the sign bit of `x` is set (also for -0.0 and negative NaNs). */
export function signBit(x: number): boolean {
  f64[0] = x;
  return (u32[1]! & 0x80000000) !== 0;
}

/** The double with the given high and low words. */
export function doubleFromWords(hi: number, lo: number): number {
  u32[1] = hi >>> 0;
  u32[0] = lo >>> 0;
  return f64[0]!;
}

/**
 * The exact value of a finite `|x|` as `mant * 2**exp` (`mant` integer,
 * `0 <= mant < 2**53`; subnormals have `mant < 2**52`). For 0, mant = 0.
 * The result object is reused: copy its fields before the next call.
 */
export interface Decomposed {
  mant: number;
  exp: number;
}
const decomposed: Decomposed = { mant: 0, exp: 0 };
export function decompose(x: number): Decomposed {
  f64[0] = x;
  const hi = u32[1]!;
  const lo = u32[0]!;
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (hi & 0xfffff) * TWO32 + lo;
  if (biased === 0) {
    decomposed.mant = frac;
    decomposed.exp = -1074;
  } else {
    decomposed.mant = frac + TWO52;
    decomposed.exp = biased - 1075;
  }
  return decomposed;
}

/** Number of trailing zero bits of a positive integer-valued double < 2**53. */
export function ctzNumber(m: number): number {
  const lo = m % TWO32;
  if (lo !== 0) return 31 - Math.clz32(lo & -lo);
  const hi = Math.floor(m / TWO32);
  return 32 + 31 - Math.clz32(hi & -hi);
}

/** Bit length of a non-negative integer-valued double < 2**53. */
export function bitLengthNumber(m: number): number {
  if (m < TWO32) return 32 - Math.clz32(m);
  return 64 - Math.clz32(Math.floor(m / TWO32));
}

/**
 * `x * 2**n` computed exactly when the result is representable (C `ldexp`
 * for results that need no rounding). Steps go from large magnitude to small,
 * so an intermediate never loses bits the final value keeps.
 */
export function ldexpExact(x: number, n: number): number {
  while (n > 1023) {
    x *= 8.98846567431158e307; // 2**1023
    n -= 1023;
    if (!Number.isFinite(x)) return x;
  }
  while (n < -1022) {
    x *= 2.2250738585072014e-308; // 2**-1022
    n += 1022;
    if (x === 0) return x;
  }
  return x * pow2(n);
}

/** 2**n for -1022 <= n <= 1023, exactly. */
function pow2(n: number): number {
  return doubleFromWords(((n + 1023) << 20) >>> 0, 0);
}

/**
 * Bit length of |v| (0 for 0), without converting to a string: Number(v)
 * gives the exponent directly below 2**1024; above, shifts (cheap, linear,
 * no string) find an s with v >> s in [1, 2**1024) by doubling then
 * bisection — O(log(bits / 1024)) shifts. (toString(16) took ~2.6 µs for a
 * 3300-bit value against ~60 ns per shift.)
 */
export function bitLengthBig(v: bigint): number {
  if (v < 0n) v = -v;
  if (v < 9007199254740992n) return bitLengthNumber(Number(v));
  const f = Number(v);
  if (f !== Infinity) return bitLengthViaDouble(v, f, 0);
  let lo = 0; // v >> lo rounds to Infinity
  let hi = 2048;
  for (;;) {
    const w = v >> BigInt(hi);
    const g = Number(w);
    if (g === Infinity) {
      lo = hi;
      hi *= 2;
      continue;
    }
    if (g !== 0) return bitLengthViaDouble(w, g, hi);
    break;
  }
  // v >> lo is too large, v >> hi is 0; the ~1000 shifts in between that give
  // a finite nonzero double form one run, which bisection must hit.
  for (;;) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const w = v >> BigInt(mid);
    const g = Number(w);
    if (g === Infinity) lo = mid;
    else if (g === 0) hi = mid;
    else return bitLengthViaDouble(w, g, mid);
  }
}

/** Bit length of w (> 0) given g = Number(w), plus `shift`. */
function bitLengthViaDouble(w: bigint, g: number, shift: number): number {
  const d = decompose(g);
  let bits = bitLengthNumber(d.mant) + d.exp;
  // Rounding to the double can carry up to the next power of two.
  if (d.mant === TWO52 && g >= TWO53 && w < BigInt(g)) bits -= 1;
  return bits + shift;
}

/**
 * The double nearest to `(m + s) * 2**e`, ties to even, where `m > 0` is an
 * integer and `s` is "a little more" (0 < s < 1) when `sticky` is set, else 0.
 * Handles subnormal results (fewer mantissa bits) and returns Infinity when
 * the rounded value does not fit. With `sticky` set, `m` must have at least
 * two bits below the rounding point (callers give it 55+ bits).
 */
export function roundToDouble(m: bigint, sticky: boolean, e: number): number {
  const bl = bitLengthBig(m);
  const top = bl + e; // value in [2**(top-1), 2**top)
  if (top > 1024) return Infinity;
  // Bits of precision available at this magnitude.
  const p = Math.min(53, top + 1074);
  if (p < 0) return 0;
  const drop = bl - p;
  if (drop <= 0) {
    // Exact (sticky is only meaningful when bits are dropped).
    return ldexpExact(Number(m), e);
  }
  const d = BigInt(drop);
  let q = m >> d;
  const rem = m - (q << d);
  const half = 1n << (d - 1n);
  if (rem > half || (rem === half && (sticky || (q & 1n) === 1n))) q += 1n;
  const r = ldexpExact(Number(q), e + drop);
  return r;
}
