// Float operations with CPython 3.11 semantics (Objects/floatobject.c):
// floor division, modulo and divmod with Python's sign rules and signed
// zeros, `**` with its special cases, round() in both forms, float→int
// conversions, as_integer_ratio() and hex().

import { PyExc, valueError, zeroDivision, overflowError } from './errors.js';
import { decompose, ctzNumber, signBit, TWO32 } from './float-bits.js';
import { fixedDigits } from './float-decimal.js';
import { powPositive } from './float-pow.js';
import { type PyInt, MAX_SAFE, normInt } from './pyint.js';

/**
 * Returned by `floatPow` for a negative base and a non-integral exponent:
 * CPython then computes a complex power, which is the interpreter's business.
 */
export const COMPLEX_RESULT: unique symbol = Symbol('pynogil.complexPow');
export type ComplexResult = typeof COMPLEX_RESULT;

function isOddInteger(x: number): boolean {
  return Math.abs(x) % 2 === 1;
}

/** `x ** y` for floats (float_pow). */
export function floatPow(iv: number, iw: number): number | PyExc | ComplexResult {
  if (iw === 0) return 1.0;
  if (iv !== iv) return iv;
  if (iw !== iw) return iv === 1.0 ? 1.0 : iw;
  if (iw === Infinity || iw === -Infinity) {
    const av = Math.abs(iv);
    if (av === 1.0) return 1.0;
    if (iw > 0 === av > 1.0) return Math.abs(iw);
    return 0.0;
  }
  if (iv === Infinity || iv === -Infinity) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? (iv < 0 ? -0 : 0) : 0;
  }
  if (iv === 0) {
    const odd = isOddInteger(iw);
    if (iw < 0) return zeroDivision('0.0 cannot be raised to a negative power');
    return odd ? iv : 0;
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return COMPLEX_RESULT;
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1.0) return negate ? -1.0 : 1.0;
  const ix = powPositive(iv, iw);
  if (ix === Infinity) return overflowError("(34, 'Numerical result out of range')");
  return negate ? -ix : ix;
}

/** `x % y` for floats (float_rem): the result has the sign of y. */
export function floatMod(vx: number, wx: number): number | PyExc {
  if (wx === 0) return zeroDivision('float modulo');
  let mod = vx % wx; // C fmod, exactly
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) mod += wx;
  } else {
    mod = signBit(wx) ? -0 : 0; // copysign(0.0, wx)
  }
  return mod;
}

function divmodCore(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = signBit(wx) ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = signBit(vx / wx) ? -0 : 0;
  }
  return [floordiv, mod];
}

/** `x // y` for floats (float_floor_div). */
export function floatFloorDiv(vx: number, wx: number): number | PyExc {
  if (wx === 0) return zeroDivision('float floor division by zero');
  return divmodCore(vx, wx)[0];
}

/** `divmod(x, y)` for floats (float_divmod). */
export function floatDivmod(vx: number, wx: number): [number, number] | PyExc {
  if (wx === 0) return zeroDivision('float divmod()');
  return divmodCore(vx, wx);
}

/** `x / y` for floats (float_div). */
export function floatTrueDiv(vx: number, wx: number): number | PyExc {
  if (wx === 0) return zeroDivision('float division by zero');
  return vx / wx;
}

/** `int(x)`, `math.trunc(x)`: truncation toward zero. */
export function floatToInt(x: number): PyInt | PyExc {
  if (x !== x) return valueError('cannot convert float NaN to integer');
  if (x === Infinity || x === -Infinity) return overflowError('cannot convert float infinity to integer');
  const t = Math.trunc(x);
  if (t <= MAX_SAFE && t >= -MAX_SAFE) return t === 0 ? 0 : t;
  return BigInt(t);
}

/** `math.floor(x)` as an int. */
export function floatFloor(x: number): PyInt | PyExc {
  return floatToInt(Math.floor(x));
}

/** `math.ceil(x)` as an int. */
export function floatCeil(x: number): PyInt | PyExc {
  return floatToInt(Math.ceil(x));
}

/** `round(x)` with no ndigits: nearest int, ties to even. */
export function floatRoundToInt(x: number): PyInt | PyExc {
  if (!Number.isFinite(x)) return floatToInt(x);
  const f = Math.floor(x);
  const diff = x - f; // exact
  let r = f;
  if (diff > 0.5 || (diff === 0.5 && f % 2 !== 0)) r = f + 1;
  return floatToInt(r);
}

// Beyond these, round(x, n) returns x itself or a signed zero
// (NDIGITS_MAX / NDIGITS_MIN in floatobject.c).
const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

/**
 * `round(x, ndigits)` (float___round___impl / double_round): round the exact
 * value half-even to `ndigits` decimal places, then read the decimal string
 * back with correct rounding.
 */
export function floatRound(x: number, ndigits: PyInt): number | PyExc {
  if (!Number.isFinite(x)) return x;
  const n = typeof ndigits === 'bigint' ? (ndigits > 0n ? Infinity : -Infinity) : ndigits;
  if (n > NDIGITS_MAX) return x;
  if (n < NDIGITS_MIN) return 0.0 * x;
  const d = fixedDigits(x, n);
  const neg = signBit(x);
  if (d.digits.length === 0) return neg ? -0 : 0;
  const v = Number(d.digits + 'e' + (d.decpt - d.digits.length));
  if (v === Infinity) return overflowError('rounded value too large to represent');
  return neg ? -v : v;
}

/** `x.as_integer_ratio()`: the exact value as a reduced fraction. */
export function floatAsIntegerRatio(x: number): [PyInt, PyInt] | PyExc {
  if (x !== x) return valueError('cannot convert NaN to integer ratio');
  if (x === Infinity || x === -Infinity) return overflowError('cannot convert Infinity to integer ratio');
  if (x === 0) return [0, 1];
  const d = decompose(x);
  const tz = ctzNumber(d.mant);
  const m = d.mant / 2 ** tz;
  const e = d.exp + tz;
  const sm = x < 0 ? -m : m;
  if (e >= 0) return [normInt(BigInt(sm) << BigInt(e)), 1];
  return [sm, normInt(1n << BigInt(-e))];
}

const HEX = '0123456789abcdef';

/** `x.hex()` (float_hex): '0x1.8000000000000p+0', subnormals as '0x0.…p-1022'. */
export function floatHex(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const sign = signBit(x) ? '-' : '';
  if (x === 0) return sign + '0x0.0p+0';
  const d = decompose(x);
  const sub = d.mant < 2 ** 52;
  // 52 fraction bits = 13 hex digits.
  const frac = d.mant % 2 ** 52;
  const hi = Math.floor(frac / TWO32);
  const lo = frac % TWO32;
  let digits = '';
  // hi holds 20 bits (5 hex digits), lo 32 bits (8 hex digits).
  for (let i = 4; i >= 0; i--) digits += HEX[(hi >>> (i * 4)) & 15];
  for (let i = 7; i >= 0; i--) digits += HEX[(lo >>> (i * 4)) & 15];
  const e = sub ? -1022 : d.exp + 52;
  return `${sign}0x${sub ? '0' : '1'}.${digits}p${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}
