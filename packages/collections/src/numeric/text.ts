// Text helpers the number parsers share: Python's notion of whitespace,
// Unicode decimal digits, and repr() of a str for error messages.
//
// CPython's int() and float() first pass their argument through
// _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode whitespace becomes ' ',
// characters of category Nd become their ASCII digit, any other non-ASCII
// character becomes '?' (so it fails to parse). The error message then
// shows repr() of the ORIGINAL string.
import { decimalValue, typeFlags, F_PRINTABLE } from '../unicode/ucd.js';
import { isWhitespace } from '../unicode/whitespace.js';

/** Py_UNICODE_ISSPACE (bidirectional WS, B, S or category Zs): the unicode/ table. */
export { isWhitespace as isPyWhitespace } from '../unicode/whitespace.js';

/** ASCII-only whitespace (Py_ISSPACE): used by float.fromhex. */
export function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Decimal value of a Unicode code point (unicodedata.decimal, Unicode 14.0 as in
 * CPython 3.11, from the unicode/ tables; Node's \p{Nd} is a newer Unicode), or -1.
 */
export function unicodeDecimalValue(cp: number): number {
  if (cp >= 48 && cp <= 57) return cp - 48;
  if (cp < 128 || cp > 0x10ffff) return -1;
  return decimalValue(cp);
}

/** _PyUnicode_TransformDecimalAndSpaceToASCII (for int() and float()). */
export function transformDecimalAndSpaceToAscii(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 128) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (isWhitespace(cp)) out += ' ';
    else {
      const d = unicodeDecimalValue(cp);
      out += d >= 0 ? String.fromCharCode(48 + d) : '?';
    }
  }
  return out;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** repr() of a str (unicode_repr), e.g. for "invalid literal" messages. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 32 || cp === 127) out += '\\x' + hex(cp, 2);
    else if (cp < 127) out += ch;
    else if (!(typeFlags(cp) & F_PRINTABLE)) {
      if (cp <= 0xff) out += '\\x' + hex(cp, 2);
      else if (cp <= 0xffff) out += '\\u' + hex(cp, 4);
      else out += '\\U' + hex(cp, 8);
    } else out += ch;
  }
  return out + quote;
}

/** The first `n` code points of `s` (for printf's "%.200R"). */
export function truncateCodePoints(s: string, n: number): string {
  let count = 0;
  let i = 0;
  while (i < s.length && count < n) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    count++;
  }
  return s.slice(0, i);
}
