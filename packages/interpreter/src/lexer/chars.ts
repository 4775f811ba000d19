// Character classes of Python 3.11's lexical analysis (Language Reference 2.3,
// "Identifiers and keywords"): XID_Start / XID_Continue for identifiers and
// Py_UNICODE_ISPRINTABLE for the wording of "invalid character" errors.
//
// JS regexes know ID_Start/ID_Continue, not XID_*, and Node's ICU may carry a newer
// Unicode than CPython 3.11 (Unicode 14.0.0). To answer exactly as python3 does, the
// non-ASCII ranges come from unicode-tables.ts, generated from python3's own
// unicodedata; ASCII is decided by switch-free comparisons on the code unit.

import { PRINTABLE, XID_CONTINUE, XID_START } from './unicode-tables.js';

/** Decoded range table: sorted [start0, end0, start1, end1, ...] (inclusive). */
function decodeRanges(encoded: string): Int32Array {
  const parts = encoded.split(',');
  const out = new Int32Array(parts.length);
  let prev = 0x7f;
  for (let k = 0; k < parts.length; k += 2) {
    const a = prev + 1 + parseInt(parts[k]!, 16);
    const b = a + parseInt(parts[k + 1]!, 16);
    out[k] = a;
    out[k + 1] = b;
    prev = b;
  }
  return out;
}

function inRanges(table: Int32Array, cp: number): boolean {
  let lo = 0;
  let hi = (table.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < table[mid * 2]!) hi = mid - 1;
    else if (cp > table[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

let xidStart: Int32Array | null = null;
let xidContinue: Int32Array | null = null;
let printable: Int32Array | null = null;

/** CPython's is_potential_identifier_start: a-z, A-Z, _, or any non-ASCII unit. */
export function isPotentialIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}

/** CPython's is_potential_identifier_char: the above plus 0-9. */
export function isPotentialIdentifierChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57) || c >= 128;
}

/** XID_Start or '_' (what CPython accepts as the first character of a name). */
export function isIdentifierStart(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || cp === 95;
  return inRanges(xidStart ??= decodeRanges(XID_START), cp);
}

/** XID_Continue (what CPython accepts after the first character of a name). */
export function isIdentifierContinue(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || cp === 95 || (cp >= 48 && cp <= 57);
  return inRanges(xidContinue ??= decodeRanges(XID_CONTINUE), cp);
}

/** Py_UNICODE_ISPRINTABLE (str.isprintable of one character). */
export function isPrintable(cp: number): boolean {
  if (cp < 128) return cp >= 32 && cp < 127;
  return inRanges(printable ??= decodeRanges(PRINTABLE), cp);
}

/** Number of UTF-8 bytes of the UTF-16 units src[from, to). Lone surrogates count 3. */
export function utf8Length(src: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = src.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Number of code points in src[from, to) (a surrogate pair counts once). */
export function codePointLength(src: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = src.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** `U+20AC` style hex as CPython's "%04X". */
export function hex4(cp: number): string {
  const h = cp.toString(16).toUpperCase();
  return h.length >= 4 ? h : '0000'.slice(h.length) + h;
}
