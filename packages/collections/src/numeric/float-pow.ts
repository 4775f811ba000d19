// A correctly rounded pow() for finite positive bases (the core of
// float ** float after floatPow's special cases).
//
// V8's Math.pow is not correctly rounded: measured here, about 9% of random
// cases differ from CPython's (glibc's pow, < 0.52 ulp error). This file
// rounds correctly (ties to even), which matches glibc except in the ~1 in
// 5 000–13 000 cases where glibc is off and in exact ties, which glibc breaks
// either way (docs/internals/numbers.md). Paths:
//   * y = 2, 1, -1, 0.5: one IEEE operation (x*x, x, 1/x, sqrt), exact rounding;
//   * integral |y| <= 64: exact bigint arithmetic on x = m * 2**e, rounded
//     once (float-bits.ts roundToDouble);
//   * everything else: first a fast evaluation to ~2**-70 with a rounding
//     test (Ziv's strategy, `powFast`); when the result is too close to a
//     midpoint (~0.3% of calls), x**y = exp(y * ln x) in double-double
//     arithmetic (~100 bits, `powAccurate`). ln: x = 2**k * c * (m/c) with c = 1 + i/64 from a table of
//     ln(c), and ln(m/c) = 2 atanh(s) by a short series. exp: t = (64n + j) *
//     ln2/64 + r, 2**(j/64) from a table, expm1(r) by a Taylor series. The
//     result is rounded to a double once (subnormal results exactly, via a
//     bigint). The tables are computed on first use by the plain series
//     (`ddLogSeries`, `ddExpSeries`: atanh on [sqrt(1/2), sqrt(2)), and exp
//     with ten squarings in expm1 form).
// Double-double building blocks follow Dekker / Knuth (TwoSum, TwoProd with
// Veltkamp splitting); results are passed in a two-element register array to
// avoid allocation.

import { decompose, roundToDouble, ldexpExact } from './float-bits.js';

// Result registers of the double-double helpers: (R[0], R[1]) = (hi, lo).
// A Float64Array, not module-level `let`s: V8 (11.x) boxes a double stored in
// a module variable, so every write would allocate a HeapNumber.
const R = new Float64Array(2);

function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  R[1] = a - (s - bb) + (b - bb);
  R[0] = s;
}

function quickTwoSum(a: number, b: number): void {
  const s = a + b;
  R[1] = b - (s - a);
  R[0] = s;
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
  R[1] = ah * bh - p + ah * bl + al * bh + al * bl;
  R[0] = p;
}

/** (ah, al) + (bh, bl), accurate version. */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const s1 = R[0];
  let s2 = R[1];
  twoSum(al, bl);
  const t1 = R[0];
  const t2 = R[1];
  s2 += t1;
  quickTwoSum(s1, s2);
  quickTwoSum(R[0], R[1] + t2);
}

function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = R[0];
  const e = R[1] + (ah * bl + al * bh);
  quickTwoSum(p, e);
}

function ddMulD(ah: number, al: number, b: number): void {
  twoProd(ah, b);
  const p = R[0];
  const e = R[1] + al * b;
  quickTwoSum(p, e);
}

/** (ah, al) / (bh, bl) by three correction steps. */
function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMulD(bh, bl, q1);
  ddAdd(ah, al, -R[0], -R[1]);
  let rh = R[0];
  let rl = R[1];
  const q2 = rh / bh;
  ddMulD(bh, bl, q2);
  ddAdd(rh, rl, -R[0], -R[1]);
  rh = R[0];
  rl = R[1];
  const q3 = rh / bh;
  quickTwoSum(q1, q2);
  ddAdd(R[0], R[1], q3, 0);
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
  INV_ODD_LO[k] = (1 - R[0] - R[1]) / d;
}

/**
 * Natural log of a positive finite x as a double-double in (R[0], R[1]), by the
 * plain atanh series (slow; used to build the tables below).
 */
function ddLogSeries(x: number): void {
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
  ddDiv(m - 1, 0, R[0], R[1]);
  const sh = R[0];
  const sl = R[1];
  ddMul(sh, sl, sh, sl);
  const zh = R[0];
  const zl = R[1];
  // Horner: sum_{k} z**k / (2k+1)
  let ph = INV_ODD_HI[ATANH_TERMS - 1]!;
  let pl = INV_ODD_LO[ATANH_TERMS - 1]!;
  for (let i = ATANH_TERMS - 2; i >= 0; i--) {
    ddMul(ph, pl, zh, zl);
    ddAdd(R[0], R[1], INV_ODD_HI[i]!, INV_ODD_LO[i]!);
    ph = R[0];
    pl = R[1];
  }
  ddMul(ph, pl, sh, sl);
  const lh = R[0] * 2;
  const ll = R[1] * 2;
  // + k * ln2
  twoProd(k, LN2_HI);
  const kh = R[0];
  const kl = R[1] + k * LN2_LO;
  ddAdd(kh, kl, lh, ll);
}

const EXP_SQUARINGS = 10;
const EXP_TERMS = 11;

/**
 * exp(th + tl) = (1 + q) * 2**n: sets (R[0], R[1]) to q (the expm1 part of the
 * reduced argument) and returns n.
 */
function ddExpSeries(th: number, tl: number): number {
  const n = Math.round(th / LN2_HI);
  // r = t - n*ln2
  twoProd(n, LN2_HI);
  const ah = R[0];
  const al = R[1] + n * LN2_LO;
  ddAdd(th, tl, -ah, -al);
  const scale = 1 / (1 << EXP_SQUARINGS);
  const rh = R[0] * scale;
  const rl = R[1] * scale;
  // expm1(r') = r'(1 + r'/2 (1 + r'/3 (1 + ...)))
  let ph = 1;
  let pl = 0;
  for (let k = EXP_TERMS; k >= 2; k--) {
    ddMul(ph, pl, rh, rl);
    ddDivD(R[0], R[1], k);
    ddAdd(R[0], R[1], 1, 0);
    ph = R[0];
    pl = R[1];
  }
  ddMul(ph, pl, rh, rl);
  let qh = R[0];
  let ql = R[1];
  // (1+q)**2 - 1 = q * (2 + q), ten times.
  for (let i = 0; i < EXP_SQUARINGS; i++) {
    ddAdd(qh, ql, 2, 0);
    ddMul(qh, ql, R[0], R[1]);
    qh = R[0];
    ql = R[1];
  }
  R[0] = qh;
  R[1] = ql;
  return n;
}

/** (ah, al) / b for a small integer b. */
function ddDivD(ah: number, al: number, b: number): void {
  const q1 = ah / b;
  twoProd(q1, b);
  // remainder (ah + al) - (R[0] + R[1])
  const r = ah - R[0] - R[1] + al;
  const q2 = r / b;
  quickTwoSum(q1, q2);
}


// Tables for the fast paths: ln(1 + i/64) and 2**(j/64) as double-doubles,
// computed once with the slow series above.
const LOG_TABLE_BITS = 6;
const LOG_N = 1 << LOG_TABLE_BITS;
const LOGC_HI = new Float64Array(LOG_N + 1);
const LOGC_LO = new Float64Array(LOG_N + 1);
const EXP2_HI = new Float64Array(LOG_N);
const EXP2_LO = new Float64Array(LOG_N);
let tablesReady = false;
/** Build the tables on first use (~1 ms; not at import, so workers start fast). */
function ensureTables(): void {
  if (tablesReady) return;
  for (let i = 1; i <= LOG_N; i++) {
    ddLogSeries(1 + i / LOG_N);
    LOGC_HI[i] = R[0]!;
    LOGC_LO[i] = R[1]!;
  }
  for (let j = 0; j < LOG_N; j++) {
    // 2**(j/64) = exp(j * ln2 / 64)
    ddMulD(LN2_HI, LN2_LO, j / LOG_N);
    const n = ddExpSeries(R[0]!, R[1]!);
    ddAdd(1, 0, R[0]!, R[1]!);
    EXP2_HI[j] = R[0]! * 2 ** n;
    EXP2_LO[j] = R[1]! * 2 ** n;
  }
  tablesReady = true;
}

/**
 * Natural log of a positive finite x as a double-double in (R[0], R[1]):
 * x = 2**k * m, m in [1, 2); m = c * (m/c) with c = 1 + i/64 nearest to m;
 * ln(m/c) = 2 atanh(s), s = (m - c)/(m + c), |s| <= 1/256, so eight series
 * terms suffice (the last four in plain double: they are below 2**-64).
 */
function ddLog(x: number): void {
  const dc = decompose(x);
  let k = dc.exp + 52;
  let m = dc.mant / 4503599627370496;
  while (m < 1) {
    m *= 2;
    k -= 1;
  }
  const i = Math.round((m - 1) * LOG_N);
  const c = 1 + i / LOG_N;
  // m - c is exact (Sterbenz); m + c as a double-double.
  twoSum(m, c);
  ddDiv(m - c, 0, R[0], R[1]);
  const sh = R[0];
  const sl = R[1];
  ddMul(sh, sl, sh, sl);
  const zh = R[0];
  const zl = R[1];
  // Tail sum_{j>=4} z**j/(2j+1), in double.
  const tail = zh * zh * zh * zh * (1 / 9 + zh * (1 / 11 + zh * (1 / 13 + zh / 15)));
  let ph = INV_ODD_HI[3]! + tail;
  let pl = INV_ODD_LO[3]!;
  for (let j = 2; j >= 0; j--) {
    ddMul(ph, pl, zh, zl);
    ddAdd(R[0], R[1], INV_ODD_HI[j]!, INV_ODD_LO[j]!);
    ph = R[0];
    pl = R[1];
  }
  ddMul(ph, pl, sh, sl);
  const lh = R[0] * 2;
  const ll = R[1] * 2;
  // + k * ln2 + ln(c)
  twoProd(k, LN2_HI);
  ddAdd(R[0], R[1] + k * LN2_LO, LOGC_HI[i]!, LOGC_LO[i]!);
  ddAdd(R[0], R[1], lh, ll);
}

const LN2_64_HI = LN2_HI / LOG_N;
const LN2_64_LO = LN2_LO / LOG_N;

/**
 * exp(th + tl) = 2**n * 2**(j/64) * (1 + q): sets (R[0], R[1]) to the double-double
 * 2**(j/64) * (1 + q) and returns n. The reduced argument |r| <= ln2/128, so
 * the Taylor series of expm1 needs terms up to r**11/11!, those from r**6 on
 * in plain double.
 */
function ddExp(th: number, tl: number): number {
  const N = Math.round((th / LN2_HI) * LOG_N);
  const j = N & (LOG_N - 1);
  const n = (N - j) / LOG_N;
  twoProd(N, LN2_64_HI);
  ddAdd(th, tl, -R[0], -(R[1] + N * LN2_64_LO));
  const rh = R[0];
  const rl = R[1];
  const tail = 1 + (rh / 7) * (1 + (rh / 8) * (1 + (rh / 9) * (1 + (rh / 10) * (1 + rh / 11))));
  // acc = 1 + r * tail / 6
  ddMulD(rh, rl, tail / 6);
  ddAdd(1, 0, R[0], R[1]);
  let ah = R[0];
  let al = R[1];
  for (let k = 5; k >= 2; k--) {
    ddMul(ah, al, rh, rl);
    ddDivD(R[0], R[1], k);
    ddAdd(1, 0, R[0], R[1]);
    ah = R[0];
    al = R[1];
  }
  ddMul(ah, al, rh, rl); // q = expm1(r)
  const qh = R[0];
  const ql = R[1];
  // 2**(j/64) * (1 + q) = T + T*q
  ddMul(EXP2_HI[j]!, EXP2_LO[j]!, qh, ql);
  ddAdd(EXP2_HI[j]!, EXP2_LO[j]!, R[0], R[1]);
  return n;
}

const MAX_EXACT_EXP = 64;

/**
 * x**y, correctly rounded, for finite x > 0 and finite y (no special cases:
 * floatPow handles 0, 1, negative bases, infinities and NaN first).
 * Returns Infinity on overflow.
 */
export function powPositive(x: number, y: number): number {
  // One IEEE operation is correctly rounded: these need no extra precision.
  if (y === 2) return x * x;
  if (y === 1) return x;
  if (y === -1) return 1 / x;
  if (y === 0.5) return Math.sqrt(x);
  if (Number.isInteger(y) && Math.abs(y) <= MAX_EXACT_EXP) return powExactInt(x, y);
  ensureTables();
  const fast = powFast(x, y);
  if (fast === fast) return fast; // NaN = "too close to call"
  return powAccurate(x, y);
}

/** The ~100-bit double-double path: always decides the rounding. */
function powAccurate(x: number, y: number): number {
  ddLog(x);
  const lh = R[0];
  const ll = R[1];
  ddMulD(lh, ll, y);
  const th = R[0];
  const tl = R[1];
  if (th > 710) return Infinity;
  if (th < -746) return 0;
  const n = ddExp(th, tl);
  return scaleDD(R[0], R[1], n);
}


// --- fast path (Ziv's strategy) ---------------------------------------------
// A cheaper evaluation to about 2**-70 relative error, followed by a rounding
// test: if hi + lo is farther than POW_FAST_ERR * |hi| from every midpoint
// between doubles, hi is the correctly rounded result; otherwise (about 1 call
// in 500) the accurate path decides. The error bound used is 2**-62, far above
// the analysed ~2**-70, and the tests compare both paths on random inputs.
const POW_FAST_ERR = 2 ** -62;

/** x**y by the fast path, or NaN when the rounding cannot be decided. */
function powFast(x: number, y: number): number {
  // ln x = k ln2 + ln c + 2 atanh(s), s = (m - c)/(m + c), |s| <= 2**-8.
  const dc = decompose(x);
  let k = dc.exp + 52;
  let m = dc.mant / 4503599627370496;
  while (m < 1) {
    m *= 2;
    k -= 1;
  }
  const i = Math.round((m - 1) * LOG_N);
  const c = 1 + i / LOG_N;
  const num = m - c; // exact (Sterbenz)
  twoSum(m, c);
  const ph = R[0]!;
  const pl = R[1]!;
  const sh = num / ph;
  twoProd(sh, ph);
  const sl = (num - R[0]! - R[1]! - sh * pl) / ph;
  const z = sh * sh;
  // 2 atanh(s) = 2s + 2 s**3 (1/3 + z/5 + z**2/7 + z**3/9); the tail is below
  // 2**-23 relative, so double precision is enough for it.
  const tail = 2 * sh * z * (1 / 3 + z * (1 / 5 + z * (1 / 7 + z / 9)));
  quickTwoSum(2 * sh, 2 * sl + tail);
  const mh = R[0]!;
  const ml = R[1]!;
  twoProd(k, LN2_HI);
  ddAdd(R[0]!, R[1]! + k * LN2_LO, LOGC_HI[i]!, LOGC_LO[i]!);
  ddAdd(R[0]!, R[1]!, mh, ml);
  ddMulD(R[0]!, R[1]!, y);
  const th = R[0]!;
  const tl = R[1]!;
  if (!(th < 709 && th > -708)) return NaN; // near overflow/underflow: accurate path
  // exp(t) = 2**n * 2**(j/64) * (1 + expm1(r)), |r| <= ln2/128.
  const N = Math.round((th / LN2_HI) * LOG_N);
  const j = N & (LOG_N - 1);
  const n = (N - j) / LOG_N;
  twoProd(N, LN2_64_HI);
  ddAdd(th, tl, -R[0]!, -(R[1]! + N * LN2_64_LO));
  const rh = R[0]!;
  const rl = R[1]!;
  // expm1(r) = r + r**2/2 + r**3 (1/6 + r/24 + r**2/120 + r**3/720 + r**4/5040)
  twoProd(rh, rh);
  const r2h = R[0]! / 2;
  const r2l = R[1]! / 2 + rh * rl;
  const poly = rh * rh * rh * (1 / 6 + rh * (1 / 24 + rh * (1 / 120 + rh * (1 / 720 + rh / 5040))));
  twoSum(rh, r2h);
  const qh = R[0]!;
  const ql = R[1]! + rl + r2l + poly;
  // 2**(j/64) * (1 + q) = T + T*q
  const Th = EXP2_HI[j]!;
  const Tl = EXP2_LO[j]!;
  twoProd(Th, qh);
  const wh = R[0]!;
  const wl = R[1]! + Th * ql + Tl * qh + Tl;
  twoSum(Th, wh);
  quickTwoSum(R[0]!, R[1]! + wl);
  const hi = R[0]!;
  const lo = R[1]!;
  // Rounding test: distance from hi + lo to the nearest midpoint.
  const d = decompose(hi);
  let halfUlp = 2 ** (d.exp - 1);
  if (lo < 0 && d.mant === 4503599627370496) halfUlp /= 2; // hi is a power of two: finer spacing below
  if (halfUlp - Math.abs(lo) <= POW_FAST_ERR * hi) return NaN;
  return ldexpExact(hi, n);
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

/**
 * Both evaluation paths for one input (fast result or NaN, accurate result);
 * for the tests that check the fast path's error bound. Not exported by the
 * package index.
 */
export function powPathsForTest(x: number, y: number): [number, number] {
  ensureTables();
  return [powFast(x, y), powAccurate(x, y)];
}
