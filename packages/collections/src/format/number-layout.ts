// Fill, alignment, sign and digit grouping of a formatted number: CPython
// 3.11's calc_number_widths / fill_number and
// _PyUnicode_InsertThousandsGrouping (Python/formatter_unicode.c,
// Objects/unicodeobject.c), written as string assembly.
//
// A number is laid out as
//   [left pad][sign][prefix][zero/'=' pad][grouped digits][remainder][right pad]
// where `remainder` is everything after the integer digits (decimal point,
// fraction, exponent, '%', or the whole text of 'inf'/'nan').

import { PyExc } from '../numeric/errors.js';
import { cpLength } from './text.js';

/** Strings longer than this are refused with MemoryError (V8's limit is ~2**29 units). */
export const MAX_RESULT_LENGTH = 1 << 28;

export const memoryError = (): PyExc => new PyExc('MemoryError', '');

/**
 * Insert `sep` every `every` digits from the right; when `minWidth` > 0 the
 * digits are first left-padded with '0' so that the grouped result is at
 * least `minWidth` long (used by the '0' flag with '=' alignment; the
 * padding may overshoot by one so that it never starts with a separator:
 * format(1234, '08,') == '0,001,234').
 */
export function insertGrouping(digits: string, minWidth: number, every: number, sep: string): string {
  if (minWidth <= digits.length) {
    // No zero padding can be needed: plain groups from the right.
    const len = digits.length;
    const head = len % every || every;
    let out = digits.slice(0, head);
    for (let i = head; i < len; i += every) out += sep + digits.slice(i, i + every);
    return out;
  }
  const parts: string[] = [];
  let remaining = digits.length;
  let end = digits.length;
  let min = minWidth;
  for (;;) {
    const l = Math.min(Math.max(remaining, min, 1), every);
    const nZeros = Math.max(0, l - remaining);
    const nChars = Math.max(0, Math.min(remaining, l));
    parts.push('0'.repeat(nZeros) + digits.slice(end - nChars, end));
    end -= nChars;
    remaining -= nChars;
    min -= l;
    if (remaining <= 0 && min <= 0) break;
    min -= sep.length;
  }
  return parts.reverse().join(sep);
}

/** Pad `body` (already containing everything but the padding) to `width` code points. */
export function padAligned(body: string, width: number, fill: string, align: string, bodyLen = cpLength(body)): string | PyExc {
  const n = width - bodyLen;
  if (n <= 0) return body;
  if (width > MAX_RESULT_LENGTH) return memoryError();
  if (align === '<') return body + fill.repeat(n);
  if (align === '^') {
    const left = n >> 1;
    return fill.repeat(left) + body + fill.repeat(n - left);
  }
  return fill.repeat(n) + body;
}

/** The parts of a number as the layout needs them. */
export interface NumberParts {
  /** '', '-', '+' or ' ' */
  sign: string;
  /** '0x', '0b', '0o', '0X' or '' */
  prefix: string;
  /** the integer digits (ASCII), before grouping */
  digits: string;
  /** decimal point, fraction, exponent, suffix: everything after the digits */
  remainder: string;
}

/**
 * Lay out a number with fill/align/width and optional grouping (`sep` ''
 * for none; `every` 3 or 4). `align` is the effective alignment.
 */
export function layoutNumber(
  p: NumberParts,
  width: number,
  fill: string,
  align: string,
  sep: string,
  every: number,
): string | PyExc {
  let digits = p.digits;
  if (sep !== '' && digits !== '') {
    const minWidth = fill === '0' && align === '=' ? width - (p.sign.length + p.prefix.length + p.remainder.length) : 0;
    if (minWidth > MAX_RESULT_LENGTH) return memoryError();
    digits = insertGrouping(digits, minWidth, every, sep);
  }
  const len = p.sign.length + p.prefix.length + digits.length + p.remainder.length;
  const n = width - len;
  if (n <= 0) return p.sign + p.prefix + digits + p.remainder;
  if (width > MAX_RESULT_LENGTH) return memoryError();
  switch (align) {
    case '<':
      return p.sign + p.prefix + digits + p.remainder + fill.repeat(n);
    case '^': {
      const left = n >> 1;
      return fill.repeat(left) + p.sign + p.prefix + digits + p.remainder + fill.repeat(n - left);
    }
    case '=':
      return p.sign + p.prefix + fill.repeat(n) + digits + p.remainder;
    default:
      return fill.repeat(n) + p.sign + p.prefix + digits + p.remainder;
  }
}

/** Split a formatted float body (no sign) into integer digits and the rest. */
export function splitDigits(body: string): [string, string] {
  let i = 0;
  while (i < body.length) {
    const c = body.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return [body.slice(0, i), body.slice(i)];
}
