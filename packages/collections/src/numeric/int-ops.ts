// Arithmetic on Python ints with CPython 3.11 semantics.
//
// A Python int is carried as `PyInt = number | bigint`: a `number` is always a
// safe integer (|n| <= 2**53 - 1), anything larger is a `bigint`. Results are
// normalised back (`normInt`) so that small values stay on the fast `number`
// path. Each operation tries exact `number` arithmetic first and falls back to
// `bigint` when the result could leave the safe range. Errors come back as
// `PyExc` values with CPython's messages (Objects/longobject.c).

import { PyExc, valueError, zeroDivision, overflowError } from './errors.js';
import { roundToDouble, bitLengthBig, bitLengthNumber, TWO52, TWO53, TWO32 } from './float-bits.js';
import { floatPow } from './float-ops.js';
import { type PyInt, MAX_SAFE, normInt, toBig } from './pyint.js';

/**
 * V8 limits a bigint to 2**30 bits and throws RangeError beyond; CPython would
 * try to allocate. Operations that can grow past the limit catch that and
 * return MemoryError, so no JS exception reaches Python code.
 */
export function bigintTooLarge(): PyExc {
  return new PyExc('MemoryError', '');
}


export function intAdd(a: PyInt, b: PyInt): PyInt | PyExc {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  try {
    return normInt(toBig(a) + toBig(b));
  } catch {
    return bigintTooLarge(); // V8's 2**30-bit BigInt limit (RangeError)
  }
}

export function intSub(a: PyInt, b: PyInt): PyInt | PyExc {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  try {
    return normInt(toBig(a) - toBig(b));
  } catch {
    return bigintTooLarge(); // V8's 2**30-bit BigInt limit (RangeError)
  }
}

export function intMul(a: PyInt, b: PyInt): PyInt | PyExc {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r === 0 ? 0 : r; // no -0
  }
  try {
    return normInt(toBig(a) * toBig(b));
  } catch {
    return bigintTooLarge(); // V8's 2**30-bit BigInt limit (RangeError)
  }
}

export function intNeg(a: PyInt): PyInt {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return normInt(-a);
}

export function intAbs(a: PyInt): PyInt {
  if (typeof a === 'number') return Math.abs(a);
  return normInt(a < 0n ? -a : a);
}

export function intInvert(a: PyInt): PyInt {
  if (typeof a === 'number') return -a - 1 >= -MAX_SAFE ? -a - 1 : normInt(~BigInt(a));
  return normInt(~a);
}

function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  // Truncated quotient: step down when the signs differ and there is a remainder.
  if ((a < 0n) !== (b < 0n) && q * b !== a) return q - 1n;
  return q;
}

function floorModBig(a: bigint, b: bigint): bigint {
  const r = a % b;
  if (r !== 0n && (r < 0n) !== (b < 0n)) return r + b;
  return r;
}

/** `a // b` (long_div). */
export function intFloorDiv(a: PyInt, b: PyInt): PyInt | PyExc {
  if (b === 0 || b === 0n) return zeroDivision('integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b; // exact, sign of a
    let q = (a - r) / b; // exact: a - r is a multiple of b with |a - r| <= |a|
    if (r !== 0 && (r < 0) !== (b < 0)) q -= 1;
    if (q <= MAX_SAFE && q >= -MAX_SAFE) return q === 0 ? 0 : q;
  }
  return normInt(floorDivBig(toBig(a), toBig(b)));
}

/** `a % b` (long_mod): the result has the sign of b. */
export function intMod(a: PyInt, b: PyInt): PyInt | PyExc {
  if (b === 0 || b === 0n) return zeroDivision('integer modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
    return r === 0 ? 0 : r;
  }
  return normInt(floorModBig(toBig(a), toBig(b)));
}

/** `divmod(a, b)` (long_divmod). */
export function intDivmod(a: PyInt, b: PyInt): [PyInt, PyInt] | PyExc {
  if (b === 0 || b === 0n) return zeroDivision('integer division or modulo by zero');
  const q = intFloorDiv(a, b) as PyInt;
  const r = intMod(a, b) as PyInt;
  return [q, r];
}

/** `float(a)` (PyLong_AsDouble): correctly rounded, ties to even. */
export function intToFloat(a: PyInt): number | PyExc {
  if (typeof a === 'number') return a;
  // Number(bigint) is specified as the nearest double, ties to even.
  const r = Number(a);
  if (!Number.isFinite(r)) return overflowError('int too large to convert to float');
  return r;
}

/** `a / b` for ints (long_true_divide): correctly rounded. */
export function intTrueDiv(a: PyInt, b: PyInt): number | PyExc {
  if (b === 0 || b === 0n) return zeroDivision('division by zero');
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) <= TWO53 && Math.abs(b) <= TWO53) {
    return a / b; // both exact as doubles; IEEE division is correctly rounded
  }
  let x = toBig(a);
  let y = toBig(b);
  const negate = (x < 0n) !== (y < 0n);
  if (x < 0n) x = -x;
  if (y < 0n) y = -y;
  if (x === 0n) return negate ? -0 : 0;
  if (x <= 9007199254740992n && y <= 9007199254740992n) {
    const r = Number(x) / Number(y);
    return negate ? -r : r;
  }
  const la = bitLengthBig(x);
  const lb = bitLengthBig(y);
  // Quick overflow / underflow decisions before the big division.
  if (la - lb > 1025) return overflowError('integer division result too large for a float');
  if (la - lb < -1080) return negate ? -0 : 0;
  // Scale so that the quotient has 55 or 56 bits, then round once.
  const s = lb - la + 55;
  let num = x;
  let den = y;
  try {
    if (s > 0) num <<= BigInt(s);
    else den <<= BigInt(-s);
  } catch {
    return bigintTooLarge(); // an operand within 55 bits of V8's BigInt limit
  }
  const q = num / den;
  const sticky = q * den !== num;
  const r = roundToDouble(q, sticky, -s);
  if (r === Infinity) return overflowError('integer division result too large for a float');
  return negate ? -r : r;
}

/** `a ** b` with two int arguments (long_pow); a negative `b` gives a float. */
export function intPow(a: PyInt, b: PyInt): PyInt | number | PyExc {
  if (b < 0) {
    const fa = intToFloat(a);
    if (fa instanceof PyExc) return fa;
    const fb = intToFloat(b);
    if (fb instanceof PyExc) return fb;
    const r = floatPow(fa, fb);
    if (typeof r === 'number' || r instanceof PyExc) return r;
    return valueError('unexpected complex result'); // unreachable: integral exponent
  }
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === 0) return b === 0 ? 1 : 0;
    if (a === 1) return 1;
    if (a === -1) return b % 2 === 0 ? 1 : -1;
    if (b < 64) {
      // Math.pow is only an estimate, but its relative error is far below
      // 2**-1: an estimate under 2**52 means the exact power is under 2**53,
      // so repeated multiplication (every partial product smaller) is exact.
      if (Math.abs(a ** b) < TWO52) return exactSmallPow(a, b);
    }
  }
  const bb = toBig(b);
  const ab = toBig(a);
  if (ab === 0n || ab === 1n) return bb === 0n ? 1 : Number(ab);
  if (ab === -1n) return (bb & 1n) === 0n ? 1 : -1;
  // V8 caps bigints at 2**30 bits; CPython would raise MemoryError later.
  const bits = bitLengthBig(ab);
  if (bb > 1n << 31n || Number(bb) * (bits - 1) > 1073741824) return bigintTooLarge();
  try {
    return normInt(ab ** bb);
  } catch {
    return bigintTooLarge();
  }
}

function exactSmallPow(a: number, b: number): number {
  let r = 1;
  for (let i = 0; i < b; i++) r *= a;
  return r;
}

/** `pow(a, b, m)` (long_pow with a modulus), including negative exponents. */
export function intPowMod(a: PyInt, b: PyInt, m: PyInt): PyInt | PyExc {
  let mod = toBig(m);
  if (mod === 0n) return valueError('pow() 3rd argument cannot be 0');
  const negativeOutput = mod < 0n;
  if (negativeOutput) mod = -mod;
  let base = toBig(a);
  let exp = toBig(b);
  if (exp < 0n) {
    const inv = modInverse(floorModBig(base, mod), mod);
    if (inv === null) return valueError('base is not invertible for the given modulus');
    base = inv;
    exp = -exp;
  }
  if (mod === 1n) return 0;
  base = floorModBig(base, mod);
  let result = 1n;
  // Left-to-right binary exponentiation.
  const bits = exp.toString(2);
  for (let i = 0; i < bits.length; i++) {
    result = (result * result) % mod;
    if (bits.charCodeAt(i) === 49) result = (result * base) % mod;
  }
  if (negativeOutput && result !== 0n) result -= mod;
  return normInt(result);
}

/** Inverse of `a` modulo `n` (0 <= a < n), or null if gcd(a, n) != 1. */
function modInverse(a: bigint, n: bigint): bigint | null {
  let r0 = n;
  let r1 = a;
  let t0 = 0n;
  let t1 = 1n;
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1n) return null;
  return floorModBig(t0, n);
}

const SHIFT_LIMIT_BITS = 1 << 30; // V8's BigInt size limit, in bits

/** `a << n` (long_lshift). */
export function intLshift(a: PyInt, n: PyInt): PyInt | PyExc {
  if (n < 0) return valueError('negative shift count');
  if (a === 0 || a === 0n) return 0;
  if (typeof n === 'bigint' && n >= 1n << 63n) return overflowError('too many digits in integer');
  const sh = Number(n);
  if (typeof a === 'number' && sh < 32) {
    const r = a * 2 ** sh;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  if (sh >= SHIFT_LIMIT_BITS) return bigintTooLarge();
  try {
    return normInt(toBig(a) << BigInt(sh));
  } catch {
    return bigintTooLarge(); // V8 throws RangeError before allocating a too-large result
  }
}

/** `a >> n` (long_rshift): floor division by 2**n. */
export function intRshift(a: PyInt, n: PyInt): PyInt | PyExc {
  if (n < 0) return valueError('negative shift count');
  if (typeof a === 'number') {
    if (n >= 53) return a < 0 ? -1 : 0;
    const r = Math.floor(a / 2 ** Number(n));
    return r === 0 ? 0 : r;
  }
  if (n >= SHIFT_LIMIT_BITS) return a < 0n ? -1 : 0;
  return normInt(a >> toBig(n));
}

/** `a & b`, `a | b`, `a ^ b`: bigint already has infinite two's complement. */
export function intAnd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a & b;
  return normInt(toBig(a) & toBig(b));
}
export function intOr(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a | b;
  return normInt(toBig(a) | toBig(b));
}
export function intXor(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a ^ b;
  return normInt(toBig(a) ^ toBig(b));
}

/** `int.bit_length()`. */
export function intBitLength(a: PyInt): number {
  if (typeof a === 'number') return bitLengthNumber(Math.abs(a));
  return bitLengthBig(a);
}

const NIBBLE_POP = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/** `int.bit_count()`: population count of |a|. */
export function intBitCount(a: PyInt): number {
  if (typeof a === 'number') {
    const v = Math.abs(a);
    return popcount32(v % TWO32) + popcount32(Math.floor(v / TWO32));
  }
  const hex = (a < 0n ? -a : a).toString(16);
  let c = 0;
  for (let i = 0; i < hex.length; i++) {
    const ch = hex.charCodeAt(i);
    c += NIBBLE_POP[ch <= 57 ? ch - 48 : ch - 87]!;
  }
  return c;
}

function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Compare an int with a float exactly (float_richcompare's int branch):
 * -1, 0 or 1, or NaN when `f` is NaN (every comparison is then False
 * except `!=`).
 */
export function compareIntFloat(a: PyInt, f: number): number {
  if (f !== f) return NaN;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  if (typeof a === 'number') return a < f ? -1 : a > f ? 1 : 0; // both exact
  const fl = Math.floor(f);
  const bf = BigInt(fl);
  if (fl === f) return a < bf ? -1 : a > bf ? 1 : 0;
  // f is not integral: a <= floor(f) < f, or a > floor(f) means a > f.
  return a <= bf ? -1 : 1;
}
