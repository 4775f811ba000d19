// float(str) and float.fromhex(str) (PyFloat_FromString, float_fromhex).
//
// float(): after the Unicode transform (text.ts) and stripping whitespace,
// underscores are accepted only between two digits and removed; the rest must
// be exactly [sign] (digits [. digits] | . digits) [e [sign] digits] or
// [sign] inf / infinity / nan, case-insensitively. JS `Number()` accepts more
// (hex, binary, "Infinity", empty) so the syntax is checked here first; for
// strings that pass, `Number()` is correctly rounded, as strtod is.
//
// fromhex(): ASCII whitespace, [sign], inf/infinity/nan, or [0x] hex digits
// with an optional point and an optional binary exponent p[sign]digits; the
// exact value is rounded half-even once (float-bits.ts roundToDouble).

import { PyExc, valueError, overflowError } from './errors.js';
import { isPyWhitespace, isAsciiSpace, transformDecimalAndSpaceToAscii, pyStrRepr } from './text.js';
import { roundToDouble } from './float-bits.js';

const DECIMAL = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `float(s)` for a str argument. */
export function parseFloatPy(s: string): number | PyExc {
  const t = transformDecimalAndSpaceToAscii(s);
  let start = 0;
  let end = t.length;
  while (start < end && isPyWhitespace(t.charCodeAt(start))) start++;
  while (end > start && isPyWhitespace(t.charCodeAt(end - 1))) end--;
  let body = t.slice(start, end);
  if (body.includes('_')) {
    // Each underscore must sit between two ASCII digits.
    let cleaned = '';
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      if (c === 95) {
        if (i === 0 || i === body.length - 1 || !isDigit(body.charCodeAt(i - 1)) || !isDigit(body.charCodeAt(i + 1))) {
          return bad(s);
        }
      } else cleaned += body[i];
    }
    body = cleaned;
  }
  if (DECIMAL.test(body)) return Number(body);
  const m = SPECIAL.exec(body);
  if (m !== null) {
    const neg = m[1] === '-';
    if (m[2]!.toLowerCase() === 'nan') return NaN; // JS has one NaN; the sign is not observable through repr
    return neg ? -Infinity : Infinity;
  }
  return bad(s);
}

function bad(s: string): PyExc {
  return valueError('could not convert string to float: ' + pyStrRepr(s));
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

const INVALID_HEX = 'invalid hexadecimal floating-point string';

/** `float.fromhex(s)`. */
export function floatFromHex(s: string): number | PyExc {
  let i = 0;
  let end = s.length;
  while (i < end && isAsciiSpace(s.charCodeAt(i))) i++;
  while (end > i && isAsciiSpace(s.charCodeAt(end - 1))) end--;
  const body = s.slice(i, end);
  const special = SPECIAL.exec(body);
  if (special !== null) {
    if (special[2]!.toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  let p = 0;
  let neg = false;
  if (body[p] === '-' || body[p] === '+') {
    neg = body[p] === '-';
    p++;
  }
  if (body[p] === '0' && (body[p + 1] === 'x' || body[p + 1] === 'X')) p += 2;
  let mant = '';
  let fracDigits = 0;
  let sawDigit = false;
  while (p < body.length && hexValue(body.charCodeAt(p)) >= 0) {
    mant += body[p++];
    sawDigit = true;
  }
  if (body[p] === '.') {
    p++;
    while (p < body.length && hexValue(body.charCodeAt(p)) >= 0) {
      mant += body[p++];
      fracDigits++;
      sawDigit = true;
    }
  }
  if (!sawDigit) return valueError(INVALID_HEX);
  let exp = 0;
  if (body[p] === 'p' || body[p] === 'P') {
    p++;
    let eneg = false;
    if (body[p] === '-' || body[p] === '+') {
      eneg = body[p] === '-';
      p++;
    }
    const es = p;
    while (p < body.length && isDigit(body.charCodeAt(p))) p++;
    if (p === es) return valueError(INVALID_HEX);
    // Clamp absurd exponents: the result is 0 or an overflow anyway.
    const digits = body.slice(es, p).replace(/^0+/, '');
    exp = digits.length > 12 ? 1e12 : Number(digits || '0');
    if (eneg) exp = -exp;
  }
  if (p !== body.length) return valueError(INVALID_HEX);
  const m = BigInt('0x' + mant);
  if (m === 0n) return neg ? -0 : 0;
  const e = exp - 4 * fracDigits;
  const r = roundToDouble(m, false, e);
  if (r === Infinity) return overflowError('hexadecimal value too large to represent as a float');
  return neg ? -r : r;
}
