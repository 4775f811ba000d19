// Correctly rounded decimal digits of a double (the job of David Gay's
// `_Py_dg_dtoa` in CPython, Python/dtoa.c).
//
// Three modes, as CPython uses them:
//   * shortest round-trip digits (mode 0, for repr) — taken from
//     `Number.prototype.toExponential()`, which ECMA-262 specifies as the
//     shortest digit string that round-trips, closest to the exact value;
//   * `p` significant digits (mode 2, for 'e' and 'g');
//   * `n` digits after the point (mode 3, for 'f' and round()).
// Modes 2 and 3 round half-to-even on the EXACT binary value. JS's
// toFixed/toExponential round exact ties away from zero instead, so they are
// used only when the value provably is not a tie; ties and the cases JS cannot
// do (more than 100 digits, |x| >= 1e21 for toFixed) go through exact bigint
// arithmetic: x = mant * 2**e, scaled by 10**s, divided once.
//
// Digit results use dtoa's convention: value = 0.DIGITS * 10**decpt, and the
// digit string carries no trailing zeros (it is "" when the value rounds to 0).

import { decompose, ctzNumber } from './float-bits.js';

const pow10Cache: bigint[] = [1n];
/** 10**k as a bigint (k >= 0), memoised. */
export function pow10(k: number): bigint {
  let c = pow10Cache[k];
  if (c !== undefined) return c;
  for (let i = pow10Cache.length; i <= k; i++) pow10Cache[i] = pow10Cache[i - 1]! * 10n;
  c = pow10Cache[k]!;
  return c;
}

/** round-half-even(|x| * 10**s) as a bigint, exactly. `x` finite. */
export function roundScaledHalfEven(x: number, s: number): bigint {
  const d = decompose(x);
  if (d.mant === 0) return 0n;
  let num = BigInt(d.mant);
  let den = 1n;
  if (d.exp > 0) num <<= BigInt(d.exp);
  else if (d.exp < 0) den <<= BigInt(-d.exp);
  if (s > 0) num *= pow10(s);
  else if (s < 0) den *= pow10(-s);
  if (den === 1n) return num;
  let q = num / den;
  const r2 = (num - q * den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) q += 1n;
  return q;
}

/**
 * True if |x| * 10**s lies exactly halfway between two integers, i.e.
 * 2 * |x| * 10**s is an odd integer. With |x| = m * 2**b (m odd) that is
 * m * 5**s * 2**(b+1+s): for s >= 0 it needs b+1+s == 0; for s < 0 also
 * 5**-s must divide m.
 */
export function isHalfwayScaled(x: number, s: number): boolean {
  const d = decompose(x);
  if (d.mant === 0) return false;
  const tz = ctzNumber(d.mant);
  const m = d.mant / 2 ** tz;
  const b = d.exp + tz;
  if (b + 1 + s !== 0) return false;
  if (s >= 0) return true;
  if (-s > 22) return false; // 5**23 > 2**53 > m
  return m % 5 ** -s === 0;
}

function stripZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return end === digits.length ? digits : digits.slice(0, end);
}

/** Result of a digit generation: value = 0.digits * 10**decpt. */
export interface Digits {
  digits: string;
  decpt: number;
}

/** Shortest round-trip digits of a finite nonzero |x| (dtoa mode 0). */
export function shortestDigits(x: number): Digits {
  const s = Math.abs(x).toExponential();
  const e = s.indexOf('e');
  const mantissa = s.charCodeAt(1) === 46 ? s[0]! + s.slice(2, e) : s.slice(0, e);
  return { digits: stripZeros(mantissa), decpt: Number(s.slice(e + 1)) + 1 };
}

/**
 * |x| rounded to `p >= 1` significant digits, half-even (dtoa mode 2).
 * For x == 0 the result is digits "" ... callers treat 0 separately.
 */
export function significantDigits(x: number, p: number): Digits {
  const ax = Math.abs(x);
  if (ax === 0) return { digits: '', decpt: 1 };
  if (p <= 100) {
    const s = ax.toExponential(p - 1);
    const ei = s.indexOf('e');
    const e10 = Number(s.slice(ei + 1));
    // Tie candidates: the exponent JS chose, or one below it (a tie that
    // rounded up to the next power of ten).
    if (!isHalfwayScaled(ax, p - 1 - e10) && !isHalfwayScaled(ax, p - e10)) {
      const mant = p === 1 ? s[0]! : s[0]! + s.slice(2, ei);
      return { digits: stripZeros(mant), decpt: e10 + 1 };
    }
  }
  // Exact path. Estimate the decimal exponent, then correct it.
  let e10 = Math.floor(Math.log10(ax));
  for (;;) {
    const n = roundScaledHalfEven(ax, p - 1 - e10);
    const str = n.toString();
    if (str.length === p) return { digits: stripZeros(str), decpt: e10 + 1 };
    if (str.length > p) {
      // Either the estimate was low, or rounding carried into a new digit.
      if (str.length === p + 1 && /^10*$/.test(str)) return { digits: '1', decpt: e10 + 2 };
      e10 += str.length - p;
    } else {
      e10 -= p - str.length;
    }
  }
}

/**
 * |x| rounded to `n` digits after the decimal point, half-even (dtoa mode 3;
 * `n` may be negative: round to tens, hundreds, …). Zero results give digits
 * "" and decpt = -n, as dtoa does.
 */
export function fixedDigits(x: number, n: number): Digits {
  const ax = Math.abs(x);
  if (n >= 0 && n <= 100 && ax < 1e21 && !isHalfwayScaled(ax, n)) {
    const s = ax.toFixed(n);
    const dot = s.indexOf('.');
    let intPart = dot < 0 ? s : s.slice(0, dot);
    const frac = dot < 0 ? '' : s.slice(dot + 1);
    if (intPart === '0') intPart = '';
    let all = intPart + frac;
    // Remove leading zeros (they only move the decimal point).
    let lead = 0;
    while (lead < all.length && all.charCodeAt(lead) === 48) lead++;
    all = all.slice(lead);
    if (all.length === 0) return { digits: '', decpt: -n };
    return { digits: stripZeros(all), decpt: all.length - n };
  }
  const q = roundScaledHalfEven(ax, n);
  if (q === 0n) return { digits: '', decpt: -n };
  const str = q.toString();
  return { digits: stripZeros(str), decpt: str.length - n };
}
