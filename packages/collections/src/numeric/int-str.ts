// int ↔ str: int(s, base), str(n), bin/oct/hex, and the 3.11
// int_max_str_digits limit (PEP 651's successor, CVE-2020-10735).
//
// Parsing follows PyLong_FromUnicodeObject / PyLong_FromString: Unicode
// transform (text.ts), leading/trailing whitespace, sign, base-0 prefix
// rules ("0x", "0o", "0b"; no leading zeros in a nonzero decimal), the same
// prefix allowed for an explicit base 16/8/2, single underscores between
// digits (and right after a prefix). The digit-count limit applies only to
// bases that are not powers of two and counts digits, not underscores.
//
// Speed: V8 converts decimal strings to and from bigint with subquadratic
// divide-and-conquer algorithms (measured: 100k digits ~6 ms to parse, ~16
// ms to print; 1M digits ~0.1 s / 0.3 s) and power-of-two radixes in linear
// time, so those go straight through BigInt()/toString(). Other bases are
// parsed by a balanced product tree over chunks that fit in a double.

import { PyExc, valueError } from './errors.js';
import { type PyInt, normInt } from './pyint.js';
import { transformDecimalAndSpaceToAscii, isPyWhitespace, pyStrRepr, truncateCodePoints } from './text.js';
import { bitLengthBig } from './float-bits.js';

/** CPython's default sys.get_int_max_str_digits(). */
export const DEFAULT_MAX_STR_DIGITS = 4300;
/** _PY_LONG_MAX_STR_DIGITS_THRESHOLD: the smallest allowed nonzero limit. */
export const MAX_STR_DIGITS_THRESHOLD = 640;

function limitErrorToInt(limit: number, digits: number): PyExc {
  return valueError(
    `Exceeds the limit (${limit} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
  );
}

function limitErrorToStr(limit: number): PyExc {
  return valueError(
    `Exceeds the limit (${limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
  );
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

function invalidLiteral(s: string, base: number): PyExc {
  // "%.200R": the repr is cut after 200 code points (closing quote included or not).
  return valueError(`invalid literal for int() with base ${base}: ${truncateCodePoints(pyStrRepr(s), 200)}`);
}

/**
 * `int(s, base)` for a str `s` (base 0 or 2..36). `maxStrDigits` is
 * sys.get_int_max_str_digits() (0 = unlimited).
 */
export function parseIntPy(s: string, base = 10, maxStrDigits = DEFAULT_MAX_STR_DIGITS): PyInt | PyExc {
  if ((base !== 0 && base < 2) || base > 36) return valueError('int() base must be >= 2 and <= 36, or 0');
  const t = transformDecimalAndSpaceToAscii(s);
  const n = t.length;
  let p = 0;
  while (p < n && isPyWhitespace(t.charCodeAt(p))) p++;
  let neg = false;
  if (t[p] === '+' || t[p] === '-') {
    neg = t[p] === '-';
    p++;
  }
  const reportBase = base;
  let b = base;
  let prefixed = false;
  if (t[p] === '0') {
    const c = t[p + 1];
    const lc = c === undefined ? '' : c.toLowerCase();
    if ((lc === 'x' && (b === 16 || b === 0)) || (lc === 'o' && (b === 8 || b === 0)) || (lc === 'b' && (b === 2 || b === 0))) {
      b = lc === 'x' ? 16 : lc === 'o' ? 8 : 2;
      p += 2;
      prefixed = true;
    }
  }
  const base0Decimal = b === 0;
  if (b === 0) b = 10;
  // Scan digits with single underscores between them.
  const digitsStart = p;
  let underscores = false;
  let count = 0;
  let allowUnderscore = prefixed;
  let ok = true;
  for (; p < n; p++) {
    const c = t.charCodeAt(p);
    if (c === 95) {
      if (!allowUnderscore) {
        ok = false;
        break;
      }
      allowUnderscore = false;
      underscores = true;
      continue;
    }
    const v = digitValue(c);
    if (v >= b) break;
    count++;
    allowUnderscore = true;
  }
  // One slice instead of per-character concatenation (int(s) of 10k-100k digits: ~2x faster).
  let digits = t.slice(digitsStart, p);
  if (underscores) digits = digits.replace(/_/g, '');
  if (!ok || count === 0 || !allowUnderscore) return invalidLiteral(s, reportBase);
  // The digit limit is checked before the rest of the string is validated.
  if ((b & (b - 1)) !== 0 && maxStrDigits > 0 && count > maxStrDigits) return limitErrorToInt(maxStrDigits, count);
  while (p < n && isPyWhitespace(t.charCodeAt(p))) p++;
  if (p !== n) return invalidLiteral(s, reportBase);
  if (base0Decimal && !prefixed && digits.charCodeAt(0) === 48 && /[1-9]/.test(digits)) {
    return invalidLiteral(s, reportBase);
  }
  let v: bigint;
  try {
    v = digitsToBigint(digits, b);
  } catch {
    return new PyExc('MemoryError', ''); // beyond V8's BigInt size limit
  }
  if (neg) v = -v;
  return normInt(v);
}

/** Value of a string of valid base-`b` digits (no sign, no underscores). */
export function digitsToBigint(digits: string, b: number): bigint {
  if (digits.length <= 10 && b <= 36) return BigInt(parseInt(digits, b));
  switch (b) {
    case 10:
      return BigInt(digits);
    case 16:
      return BigInt('0x' + digits);
    case 8:
      return BigInt('0o' + digits);
    case 2:
      return BigInt('0b' + digits);
  }
  // Chunks of k digits with b**k < 2**53, combined pairwise (product tree).
  const k = Math.floor(53 / Math.log2(b)) - 1;
  let parts: bigint[] = [];
  const first = digits.length % k || k;
  parts.push(BigInt(parseInt(digits.slice(0, first), b)));
  for (let i = first; i < digits.length; i += k) parts.push(BigInt(parseInt(digits.slice(i, i + k), b)));
  // Invariant: every part has exactly `width` digits except parts[0] (<= width).
  let scale = BigInt(b) ** BigInt(k); // b ** width
  while (parts.length > 1) {
    const next: bigint[] = [];
    // Pair from the right so that each pair's low half has the full width.
    let i = parts.length % 2;
    if (i === 1) next.push(parts[0]!);
    for (; i < parts.length; i += 2) next.push(parts[i]! * scale + parts[i + 1]!);
    parts = next;
    scale *= scale;
  }
  return parts[0]!;
}

/** `str(n)` / `repr(n)` (long_to_decimal_string) with the digit limit. */
export function intToStr(a: PyInt, maxStrDigits = DEFAULT_MAX_STR_DIGITS): string | PyExc {
  if (typeof a === 'number') return String(a);
  if (maxStrDigits > 0) {
    // Cheap pre-check: digits >= floor((bits - 1) * log10(2)) + 1.
    const bits = bitLengthBig(a);
    if (Math.floor((bits - 1) * 0.30102999566398120) + 1 > maxStrDigits + 1) return limitErrorToStr(maxStrDigits);
  }
  let s: string;
  try {
    s = a.toString();
  } catch {
    return new PyExc('MemoryError', ''); // longer than V8's maximum string length
  }
  if (maxStrDigits > 0 && s.length - (a < 0n ? 1 : 0) > maxStrDigits) return limitErrorToStr(maxStrDigits);
  return s;
}

/** Digits of `a` in any base 2..36 (lowercase, '-' sign, no prefix). */
export function intToBaseString(a: PyInt, base: number): string | PyExc {
  try {
    return a.toString(base);
  } catch {
    return new PyExc('MemoryError', ''); // longer than V8's maximum string length
  }
}

/** `bin(n)`, `oct(n)`, `hex(n)`: sign, prefix, digits; no limit applies. */
export function intToPrefixedString(a: PyInt, base: 2 | 8 | 16): string | PyExc {
  const prefix = base === 2 ? '0b' : base === 8 ? '0o' : '0x';
  const neg = a < 0;
  const mag = typeof a === 'number' ? Math.abs(a) : a < 0n ? -a : a;
  try {
    return (neg ? '-' : '') + prefix + mag.toString(base);
  } catch {
    return new PyExc('MemoryError', '');
  }
}
