// A correctly rounded pow() for finite positive bases (the core of
// float ** float after floatPow's special cases).
//
// V8's Math.pow is not correctly rounded (measured here: about 9% of random
// cases differ from CPython, whose glibc pow is correctly rounded in all but
// astronomically rare cases), so it cannot be used where results must match
// bit for bit. Two paths:
//   * integral exponents with |y| <= 64: exact bigint arithmetic on
//     x = m * 2**e, rounded once (float-bits.ts roundToDouble);
//   * everything else: x**y = exp(y * log x) in double-double arithmetic
//     (~100 bits): log by the atanh series on a mantissa in [sqrt(1/2),
//     sqrt(2)), exp by argument reduction (n*ln2, then /2**10), a Taylor
//     series and ten squarings kept in expm1 form. The 106-bit result is then
//     rounded to a double once (subnormal results exactly, via a bigint).
// Double-double building blocks follow Dekker / Knuth (TwoSum, TwoProd with
// Veltkamp splitting); results are passed in module-level registers to avoid
// allocation.

import { decompose, roundToDouble, ldexpExact } from './float-bits.js';

// Result registers of the double-double helpers.
let H = 0;
let L = 0;

function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  L = a - (s - bb) + (b - bb);
  H = s;
}

function quickTwoSum(a: number, b: number): void {
  const s = a + b;
  L = b - (s - a);
  H = s;
}

const SPLIT = 134217729; // 2**27 + 1
function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  L = ah * bh - p + ah * bl + al * bh + al * bl;
  H = p;
}

/** (ah, al) + (bh, bl), accurate version. */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const s1 = H;
  let s2 = L;
  twoSum(al, bl);
  const t1 = H;
  const t2 = L;
  s2 += t1;
  quickTwoSum(s1, s2);
  quickTwoSum(H, L + t2);
}

function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = H;
  const e = L + (ah * bl + al * bh);
  quickTwoSum(p, e);
}

function ddMulD(ah: number, al: number, b: number): void {
  twoProd(ah, b);
  const p = H;
  const e = L + al * b;
  quickTwoSum(p, e);
}

/** (ah, al) / (bh, bl) by three correction steps. */
function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMulD(bh, bl, q1);
  ddAdd(ah, al, -H, -L);
  let rh = H;
  let rl = L;
  const q2 = rh / bh;
  ddMulD(bh, bl, q2);
  ddAdd(rh, rl, -H, -L);
  rh = H;
  rl = L;
  const q3 = rh / bh;
  quickTwoSum(q1, q2);
  ddAdd(H, L, q3, 0);
}

// ln 2 as a double-double.
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;

// 1/(2k+1) as double-doubles for the atanh series.
const ATANH_TERMS = 24;
const INV_ODD_HI = new Float64Array(ATANH_TERMS);
const INV_ODD_LO = new Float64Array(ATANH_TERMS);
for (let k = 0; k < ATANH_TERMS; k++) {
  const d = 2 * k + 1;
  const hi = 1 / d;
  twoProd(hi, d);
  INV_ODD_HI[k] = hi;
  INV_ODD_LO[k] = (1 - H - L) / d;
}

/** Natural log of a positive finite x as a double-double in (H, L). */
function ddLog(x: number): void {
  const dc = decompose(x);
  // x = mant * 2**exp; bring the mantissa into [sqrt(1/2), sqrt(2)).
  let k = dc.exp + 52;
  let m = dc.mant / 4503599627370496; // in [1, 2) for normals, smaller for subnormals
  while (m < 1) {
    m *= 2;
    k -= 1;
  }
  if (m > Math.SQRT2) {
    m /= 2;
    k += 1;
  }
  // s = (m - 1) / (m + 1); m - 1 is exact (Sterbenz), m + 1 as a double-double.
  twoSum(m, 1);
  ddDiv(m - 1, 0, H, L);
  const sh = H;
  const sl = L;
  ddMul(sh, sl, sh, sl);
  const zh = H;
  const zl = L;
  // Horner: sum_{k} z**k / (2k+1)
  let ph = INV_ODD_HI[ATANH_TERMS - 1]!;
  let pl = INV_ODD_LO[ATANH_TERMS - 1]!;
  for (let i = ATANH_TERMS - 2; i >= 0; i--) {
    ddMul(ph, pl, zh, zl);
    ddAdd(H, L, INV_ODD_HI[i]!, INV_ODD_LO[i]!);
    ph = H;
    pl = L;
  }
  ddMul(ph, pl, sh, sl);
  const lh = H * 2;
  const ll = L * 2;
  // + k * ln2
  twoProd(k, LN2_HI);
  const kh = H;
  const kl = L + k * LN2_LO;
  ddAdd(kh, kl, lh, ll);
}

const EXP_SQUARINGS = 10;
const EXP_TERMS = 11;

/**
 * exp(th + tl) = (1 + q) * 2**n: sets (H, L) to q (the expm1 part of the
 * reduced argument) and returns n.
 */
function ddExpReduced(th: number, tl: number): number {
  const n = Math.round(th / LN2_HI);
  // r = t - n*ln2
  twoProd(n, LN2_HI);
  const ah = H;
  const al = L + n * LN2_LO;
  ddAdd(th, tl, -ah, -al);
  const scale = 1 / (1 << EXP_SQUARINGS);
  const rh = H * scale;
  const rl = L * scale;
  // expm1(r') = r'(1 + r'/2 (1 + r'/3 (1 + ...)))
  let ph = 1;
  let pl = 0;
  for (let k = EXP_TERMS; k >= 2; k--) {
    ddMul(ph, pl, rh, rl);
    ddDivD(H, L, k);
    ddAdd(H, L, 1, 0);
    ph = H;
    pl = L;
  }
  ddMul(ph, pl, rh, rl);
  let qh = H;
  let ql = L;
  // (1+q)**2 - 1 = q * (2 + q), ten times.
  for (let i = 0; i < EXP_SQUARINGS; i++) {
    ddAdd(qh, ql, 2, 0);
    ddMul(qh, ql, H, L);
    qh = H;
    ql = L;
  }
  H = qh;
  L = ql;
  return n;
}

/** (ah, al) / b for a small integer b. */
function ddDivD(ah: number, al: number, b: number): void {
  const q1 = ah / b;
  twoProd(q1, b);
  // remainder (ah + al) - (H + L)
  const r = ah - H - L + al;
  const q2 = r / b;
  quickTwoSum(q1, q2);
}

const MAX_EXACT_EXP = 64;

/**
 * x**y, correctly rounded, for finite x > 0 and finite y (no special cases:
 * floatPow handles 0, 1, negative bases, infinities and NaN first).
 * Returns Infinity on overflow.
 */
export function powPositive(x: number, y: number): number {
  if (Number.isInteger(y) && Math.abs(y) <= MAX_EXACT_EXP) return powExactInt(x, y);
  ddLog(x);
  const lh = H;
  const ll = L;
  ddMulD(lh, ll, y);
  const th = H;
  const tl = L;
  if (th > 710) return Infinity;
  if (th < -746) return 0;
  const n = ddExpReduced(th, tl);
  // value = (1 + q) * 2**n
  ddAdd(1, 0, H, L);
  return scaleDD(H, L, n);
}

/** Round hi + lo (a normalised double-double) times 2**n to a double. */
function scaleDD(hi: number, lo: number, n: number): number {
  const r = ldexpExact(hi, n);
  if (r !== 0 && Math.abs(r) >= 2.2250738585072014e-308 && Number.isFinite(r)) return r;
  if (!Number.isFinite(r) && n > 0) {
    // hi * 2**n overflowed; it is the rounded value (lo cannot bring it back).
    return r;
  }
  // Subnormal or zero: round the exact sum hi + lo at the reduced precision.
  const a = decompose(hi);
  const ma = BigInt(a.mant);
  const ea = a.exp;
  if (lo === 0) return roundToDouble(ma, false, ea + n);
  const b = decompose(lo);
  const mb = BigInt(b.mant);
  const eb = b.exp;
  const e = Math.min(ea, eb);
  let sum = (ma << BigInt(ea - e)) + (lo < 0 ? -(mb << BigInt(eb - e)) : mb << BigInt(eb - e));
  if (sum <= 0n) sum = 0n;
  if (sum === 0n) return 0;
  return roundToDouble(sum, false, e + n);
}

/** x**y for an integer |y| <= 64, exactly rounded via bigints. */
function powExactInt(x: number, y: number): number {
  const d = decompose(x);
  const m = BigInt(d.mant);
  const e = d.exp;
  const k = Math.abs(y);
  const mk = m ** BigInt(k);
  if (y >= 0) return roundToDouble(mk, false, e * k);
  // 1 / (mk * 2**(e*k)): scale the numerator to get a 55+ bit quotient.
  const bl = mk.toString(2).length;
  const s = bl + 55;
  const num = 1n << BigInt(s);
  const q = num / mk;
  const sticky = q * mk !== num;
  return roundToDouble(q, sticky, -s - e * k);
}
