// repr(float), str(float) and the digit layout of the 'e', 'f', 'g', '%', ''
// and 'r' presentation types (CPython's PyOS_double_to_string and its
// format_float_short, Python/pystrtod.c).
//
// The fill/align/sign/grouping part of the format-spec mini-language is not
// here: `formatFloat` returns the number itself, with a leading '-' for values
// whose sign bit is set (except NaN, which CPython prints without a sign), and
// the format-spec layer pads it and applies '+'/' '.

import { shortestDigits, significantDigits, fixedDigits, type Digits } from './float-decimal.js';
import { signBit } from './float-bits.js';

/** Presentation types understood by `formatFloat`. */
export type FloatFormatType = 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'r' | '';

/**
 * Lay out digits as format_float_short does.
 * @param vdigitsEnd how far (in digit positions from the first digit) the
 *   output is zero-padded — dtoa's "virtual digits end"
 */
function layout(
  neg: boolean,
  d: Digits,
  mode: 'e' | 'f' | 'g' | 'r',
  precision: number,
  alt: boolean,
  addDot0: boolean,
  upper: boolean,
): string {
  let digits = d.digits;
  let decpt = d.decpt;
  if (digits.length === 0) {
    // Value 0: dtoa gives "0" with decpt 1, except mode 3 which gives ""
    // with decpt = -ndigits (handled by the caller passing that through).
    if (mode !== 'f') {
      digits = '0';
      decpt = 1;
    }
  }
  const digitsLen = digits.length;
  let vdigitsEnd = digitsLen;
  let useExp = false;
  switch (mode) {
    case 'e':
      useExp = true;
      vdigitsEnd = precision;
      break;
    case 'f':
      vdigitsEnd = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vdigitsEnd = precision;
      break;
    case 'r':
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  if (!useExp && addDot0) vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
  else vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;

  let out = neg ? '-' : '';
  if (decpt <= 0) {
    out += '0.' + '0'.repeat(-decpt);
  }
  if (decpt > 0 && decpt <= digitsLen) {
    out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    out += digits;
  }
  if (digitsLen < decpt) {
    out += '0'.repeat(decpt - digitsLen) + '.' + '0'.repeat(Math.max(0, vdigitsEnd - decpt));
  } else {
    out += '0'.repeat(Math.max(0, vdigitsEnd - digitsLen));
  }
  if (out.charCodeAt(out.length - 1) === 46 && !alt) out = out.slice(0, -1);
  if (useExp) {
    const a = Math.abs(exp);
    out += (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
  }
  return out;
}

function nonFinite(x: number, upper: boolean): string {
  if (x !== x) return upper ? 'NAN' : 'nan';
  const s = x > 0 ? 'inf' : '-inf';
  return upper ? s.toUpperCase() : s;
}

/** repr(x) == str(x) for a float (float_repr, 'r' mode with ADD_DOT_0). */
export function floatRepr(x: number): string {
  if (!Number.isFinite(x)) return nonFinite(x, false);
  if (x === 0) return signBit(x) ? '-0.0' : '0.0';
  return layout(x < 0, shortestDigits(x), 'r', 0, false, true, false);
}

/**
 * The number part of `format(x, spec)` / `'%…' % x` for the float
 * presentation types. `precision < 0` means "not given" (6 for e/f/g/%, repr
 * for ''). `alt` is the '#' flag. For printf-style '%e' % x etc. pass the
 * same type letters; '%r' and '%s' of a float are `floatRepr`. The type ''
 * with a precision behaves like 'g' but keeps at least one digit after the
 * point and switches to exponent notation one digit earlier (CPython's
 * Py_DTSF_ADD_DOT_0 quirk: format(100.0, '.3') == '1e+02').
 */
export function formatFloat(x: number, type: FloatFormatType, precision: number, alt = false): string {
  let addDot0 = false;
  let t: FloatFormatType = type;
  let defaultPrecision = 6;
  if (t === '') {
    addDot0 = true;
    t = 'r';
    defaultPrecision = 0;
  }
  if (t === '%') {
    t = 'f';
    x *= 100;
  }
  let p = precision;
  if (p < 0) p = defaultPrecision;
  else if (t === 'r') t = 'g';
  const upper = t === 'E' || t === 'F' || t === 'G';
  const body = formatCore(x, t.toLowerCase() as 'e' | 'f' | 'g' | 'r', p, alt, addDot0, upper);
  return type === '%' ? body + '%' : body;
}

function formatCore(
  x: number,
  mode: 'e' | 'f' | 'g' | 'r',
  precision: number,
  alt: boolean,
  addDot0: boolean,
  upper: boolean,
): string {
  if (!Number.isFinite(x)) return nonFinite(x, upper);
  const neg = signBit(x);
  let d: Digits;
  switch (mode) {
    case 'r':
      d = x === 0 ? { digits: '0', decpt: 1 } : shortestDigits(x);
      break;
    case 'e':
      precision += 1;
      d = significantDigits(x, precision);
      break;
    case 'g':
      if (precision === 0) precision = 1;
      d = significantDigits(x, precision);
      break;
    case 'f':
      d = fixedDigits(x, precision);
      break;
  }
  return layout(neg, d, mode, precision, alt, addDot0, upper);
}
