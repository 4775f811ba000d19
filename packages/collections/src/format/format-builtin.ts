// format(value, spec) for the builtin types int, bool, float, complex and
// str: their __format__ methods as in CPython 3.11 (format_obj and
// format_{long,float,complex,string}_internal in Python/formatter_unicode.c),
// following the "Format Specification Mini-Language" section of the
// Library Reference. Float digits come from the numeric core's correctly
// rounded `formatFloat`; this file adds signs, prefixes, grouping, padding
// and the checks with their exact error messages.

import { PyExc } from '../numeric/errors.js';
import { formatFloat, floatRepr, type FloatFormatType } from '../numeric/float-format.js';
import { DEFAULT_MAX_STR_DIGITS, intToStr, intToBaseString } from '../numeric/int-str.js';
import { intToFloat } from '../numeric/int-ops.js';
import type { PyInt } from '../numeric/pyint.js';
import { parseFormatSpec, codeForMessage, type FormatSpec } from './spec.js';
import { layoutNumber, padAligned, splitDigits, memoryError, MAX_RESULT_LENGTH } from './number-layout.js';
import { cpPrefix } from './text.js';

const INT_MAX = 2147483647;
const LONG_MAX = 9223372036854775807n;

function unknownCode(type: string, typeName: string): PyExc {
  return new PyExc('ValueError', `Unknown format code '${codeForMessage(type)}' for object of type '${typeName}'`);
}

function signFor(negative: boolean, sign: string): string {
  if (negative) return '-';
  return sign === '+' ? '+' : sign === ' ' ? ' ' : '';
}

// ---------------------------------------------------------------- int

/**
 * format(n, spec) for an int (`typeName` 'bool' for True/False with a
 * non-empty spec). `maxStrDigits` is sys.get_int_max_str_digits() (0: no
 * limit); it applies to decimal output only.
 */
export function formatInt(v: PyInt, spec: string, typeName = 'int', maxStrDigits = DEFAULT_MAX_STR_DIGITS): string | PyExc {
  if (spec === '') return intToStr(v, maxStrDigits);
  const sp = parseFormatSpec(spec, typeName, '>', 'd');
  if (sp instanceof PyExc) return sp;
  return formatIntParsed(v, sp, typeName, maxStrDigits);
}

export function formatIntParsed(
  v: PyInt,
  sp: Readonly<FormatSpec>,
  typeName: string,
  maxStrDigits = DEFAULT_MAX_STR_DIGITS,
): string | PyExc {
  switch (sp.type) {
    case '': case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return formatIntInternal(v, sp, maxStrDigits);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      const x = intToFloat(v);
      if (x instanceof PyExc) return x;
      return formatFloatInternal(x, sp);
    }
    default:
      return unknownCode(sp.type, typeName);
  }
}

function formatIntInternal(v: PyInt, sp: Readonly<FormatSpec>, maxStrDigits: number): string | PyExc {
  if (sp.precision !== -1) return new PyExc('ValueError', 'Precision not allowed in integer format specifier');
  if (sp.noNegZero) return new PyExc('ValueError', 'Negative zero coercion (z) not allowed in integer format specifier');
  const align = sp.align === '' ? '>' : sp.align;
  const type = sp.type === '' ? 'd' : sp.type;
  if (type === 'c') {
    if (sp.sign !== '') return new PyExc('ValueError', "Sign not allowed with integer format specifier 'c'");
    if (sp.alternate) return new PyExc('ValueError', "Alternate form (#) not allowed with integer format specifier 'c'");
    const big = typeof v === 'bigint' ? v : BigInt(v);
    if (big > LONG_MAX || big < -LONG_MAX - 1n) return new PyExc('OverflowError', 'Python int too large to convert to C long');
    if (big < 0n || big > 0x10ffffn) return new PyExc('OverflowError', '%c arg not in range(0x110000)');
    const ch = String.fromCodePoint(Number(big));
    // No sign or prefix, so '=' pads on the left like '>'.
    return padAligned(ch, sp.width, sp.fill, align === '=' ? '>' : align, 1);
  }
  const negative = v < 0;
  const mag: PyInt = negative ? (typeof v === 'bigint' ? -v : -v) : v;
  let digits: string | PyExc;
  let prefix = '';
  switch (type) {
    case 'b': digits = intToBaseString(mag, 2); prefix = '0b'; break;
    case 'o': digits = intToBaseString(mag, 8); prefix = '0o'; break;
    case 'x': digits = intToBaseString(mag, 16); prefix = '0x'; break;
    case 'X': {
      const d = intToBaseString(mag, 16);
      digits = d instanceof PyExc ? d : d.toUpperCase();
      prefix = '0X';
      break;
    }
    default: digits = intToStr(mag, maxStrDigits); break;
  }
  if (digits instanceof PyExc) return digits;
  if (!sp.alternate) prefix = '';
  const every = type === 'd' || type === 'n' ? 3 : 4;
  return layoutNumber({ sign: signFor(negative, sp.sign), prefix, digits, remainder: '' }, sp.width, sp.fill, align, sp.grouping, every);
}

// ---------------------------------------------------------------- float

/**
 * Precision above which the exact digits of any double are all known: a
 * double's exact decimal expansion has at most 767 significant digits and
 * 1074 digits after the point, so digits beyond this are zeros. Larger
 * precisions are computed at this one and padded, which keeps
 * format(1e300, '.1000000f') linear (the digit core's cost grows faster).
 */
const EXACT_PRECISION = 1100;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20];

/**
 * 'f' with 0..20 digits through Number.prototype.toFixed, which ECMAScript
 * defines on the exact value of x (V8 computes it exactly), like dtoa mode
 * 3 — except that an exact tie rounds away from zero instead of to even.
 * A tie means x * 10**p is exactly k + 0.5; below 2**52 such a product is
 * representable, so the (correctly rounded) double product shows it, and
 * then the numeric core decides. Zero is left to the core for its sign.
 * Returns null when this path does not apply.
 */
function fixedFast(x: number, p: number): string | null {
  const ax = x < 0 ? -x : x;
  if (!(ax > 0)) return null; // 0, -0, NaN
  const y = ax * POW10[p]!;
  if (!(y < 4503599627370496)) return null; // 2**52; also catches inf
  if (y - Math.floor(y) === 0.5) return null; // possible tie
  const s = ax.toFixed(p);
  return x < 0 ? '-' + s : s;
}

/**
 * `formatFloat` for any precision. For 'g'/'' without '#', trailing zeros
 * are stripped and the exponent switch (decpt > precision) cannot trigger
 * above EXACT_PRECISION, so the capped result is already the answer.
 */
export function formatFloatAnyPrecision(x: number, type: FloatFormatType, precision: number, alt: boolean): string {
  if ((type === 'f' || type === 'F') && precision >= 0 && precision <= 20 && !(alt && precision === 0)) {
    const fast = fixedFast(x, precision);
    if (fast !== null) return fast;
  }
  if (precision <= EXACT_PRECISION || !Number.isFinite(x)) return formatFloat(x, type, precision, alt);
  const s = formatFloat(x, type, EXACT_PRECISION, alt);
  const lower = type.toLowerCase();
  if ((lower === 'g' || lower === '') && !alt) return s;
  const first = s.charCodeAt(s.charCodeAt(0) === 45 ? 1 : 0);
  if (first < 48 || first > 57) return s; // '%' of a huge x overflowed to inf
  let at = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === 'e' || c === 'E' || c === '%') {
      at = i;
      break;
    }
  }
  return s.slice(0, at) + '0'.repeat(precision - EXACT_PRECISION) + s.slice(at);
}

/** format(x, spec) for a float. */
export function formatFloatSpec(x: number, spec: string): string | PyExc {
  if (spec === '') return floatRepr(x);
  const sp = parseFormatSpec(spec, 'float', '>');
  if (sp instanceof PyExc) return sp;
  switch (sp.type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return formatFloatInternal(x, sp);
    default:
      return unknownCode(sp.type, 'float');
  }
}

/** Remove the '-' of a result whose digits are all zero (the 'z' option). */
function dropNegZero(s: string): string {
  if (s.charCodeAt(0) !== 45) return s;
  for (let i = 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === 'e' || c === 'E' || c === '%') break;
    if (c !== '0' && c !== '.') return s;
  }
  return s.slice(1);
}

/** The signed digits of x for a float presentation type (no padding). */
function floatText(x: number, type: string, precision: number, alt: boolean, noNegZero: boolean, addDot0: boolean): string | PyExc {
  if (precision > INT_MAX) return new PyExc('ValueError', 'precision too big');
  if (precision > MAX_RESULT_LENGTH) return memoryError();
  let t = type === 'n' ? 'g' : type;
  if (t === '' && !addDot0) t = precision < 0 ? 'r' : 'g';
  let s = formatFloatAnyPrecision(x, t as FloatFormatType, precision, alt);
  if (noNegZero) s = dropNegZero(s);
  return s;
}

function formatFloatInternal(x: number, sp: Readonly<FormatSpec>): string | PyExc {
  const s = floatText(x, sp.type, sp.precision, sp.alternate, sp.noNegZero, true);
  if (s instanceof PyExc) return s;
  const negative = s.charCodeAt(0) === 45;
  const [digits, remainder] = splitDigits(negative ? s.slice(1) : s);
  const align = sp.align === '' ? '>' : sp.align;
  return layoutNumber({ sign: signFor(negative, sp.sign), prefix: '', digits, remainder }, sp.width, sp.fill, align, sp.grouping, 3);
}

// ---------------------------------------------------------------- complex

/** repr(z) == str(z) for a complex. */
export function complexRepr(re: number, im: number): string {
  const imText = formatFloat(im, 'r', -1) + 'j';
  if (re === 0 && !Object.is(re, -0)) return imText;
  const reText = formatFloat(re, 'r', -1);
  const imSigned = imText.charCodeAt(0) === 45 ? imText : '+' + imText;
  return '(' + reText + imSigned + ')';
}

/** format(z, spec) for a complex. */
export function formatComplex(re: number, im: number, spec: string): string | PyExc {
  if (spec === '') return complexRepr(re, im);
  const sp = parseFormatSpec(spec, 'complex', '>');
  if (sp instanceof PyExc) return sp;
  switch (sp.type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
      break;
    default:
      return unknownCode(sp.type, 'complex');
  }
  if (sp.precision > INT_MAX) return new PyExc('ValueError', 'precision too big');
  if (sp.fill === '0') return new PyExc('ValueError', 'Zero padding is not allowed in complex format specifier');
  if (sp.align === '=') return new PyExc('ValueError', "'=' alignment flag is not allowed in complex format specifier");
  let skipRe = false;
  let parens = false;
  if (sp.type === '') {
    if (re === 0 && !Object.is(re, -0)) skipRe = true;
    else parens = true;
  }
  const reText = floatText(re, sp.type, sp.precision, sp.alternate, sp.noNegZero, false);
  if (reText instanceof PyExc) return reText;
  const imText = floatText(im, sp.type, sp.precision, sp.alternate, sp.noNegZero, false);
  if (imText instanceof PyExc) return imText;
  const part = (s: string, sign: string): string => {
    const negative = s.charCodeAt(0) === 45;
    const [digits, remainder] = splitDigits(negative ? s.slice(1) : s);
    return layoutNumber({ sign: signFor(negative, sign), prefix: '', digits, remainder }, -1, ' ', '>', sp.grouping, 3) as string;
  };
  let body = '';
  if (!skipRe) body = part(reText, sp.sign);
  body += part(imText, skipRe ? sp.sign : '+') + 'j';
  if (parens) body = '(' + body + ')';
  return padAligned(body, sp.width, sp.fill, sp.align === '' ? '>' : sp.align, body.length);
}

// ---------------------------------------------------------------- str

/** format(s, spec) for a str. */
export function formatStr(s: string, spec: string): string | PyExc {
  if (spec === '') return s;
  const sp = parseFormatSpec(spec, 'str', '<', 's');
  if (sp instanceof PyExc) return sp;
  if (sp.type !== '' && sp.type !== 's') return unknownCode(sp.type, 'str');
  if (sp.sign === ' ') return new PyExc('ValueError', 'Space not allowed in string format specifier');
  if (sp.sign !== '') return new PyExc('ValueError', 'Sign not allowed in string format specifier');
  if (sp.noNegZero) return new PyExc('ValueError', 'Negative zero coercion (z) not allowed in string format specifier');
  if (sp.alternate) return new PyExc('ValueError', 'Alternate form (#) not allowed in string format specifier');
  if (sp.align === '=') return new PyExc('ValueError', "'=' alignment not allowed in string format specifier");
  let body = s;
  if (sp.precision >= 0) body = cpPrefix(s, sp.precision);
  return padAligned(body, sp.width, sp.fill, sp.align === '' ? '<' : sp.align);
}

// ---------------------------------------------------------------- bool

/** format(b, spec) for a bool: str(b) for '', otherwise int formatting. */
export function formatBool(b: boolean, spec: string): string | PyExc {
  if (spec === '') return b ? 'True' : 'False';
  return formatInt(b ? 1 : 0, spec, 'bool', 0);
}

