// Source decoding (Language Reference 2.1.4 "Encoding declarations", PEP 263, and
// CPython's Parser/tokenizer.c check_coding_spec / check_bom / get_normal_name).
//
// decodeSource(bytes) turns a source file into the string the tokenizer reads:
//   * a UTF-8 BOM is dropped; with a BOM the only declaration allowed is utf-8;
//   * a coding cookie (`coding[:=]\s*([-\w.]+)` in a comment on line 1, or on line
//     2 when line 1 is blank or a comment) selects the codec;
//   * utf-8, latin-1 (iso-8859-1) and ascii are implemented here with every alias
//     Python's encodings.aliases knows; the cp125x, iso-8859-N, koi8, mac and CJK
//     codecs go through the platform's TextDecoder; any other name gives CPython's
//     "unknown encoding: NAME" (also for codecs Python has but we lack, e.g. utf-16).
// Invalid UTF-8 is an error unless it only occurs inside comments (CPython never
// decodes comments); see decodeUtf8. Errors are values, never exceptions.

import { makeSyntaxError, type PySyntaxError } from './errors.js';
import { tokenize } from './tokenizer.js';
import { TokenKind } from './token.js';
import { isPotentialIdentifierChar } from './chars.js';
import { stringParts } from './literals.js';
import {
  decodeUtf8SurrogateEscape, encodeSurrogateEscaped, firstUtf8Fault, isEscapedByte, replaceEscapes, utf8FaultMessage,
} from './utf8.js';

export interface DecodeResult {
  readonly source: string;
  /** The codec used, in CPython's normal spelling ('utf-8', 'iso-8859-1', 'ascii'). */
  readonly encoding: string;
  readonly error: PySyntaxError | null;
}

// Aliases (already normalized as Python's encodings.normalize_encoding does:
// lower case, runs of non-alphanumerics other than '.' replaced by '_').
const UTF8 = new Set(['utf_8', 'utf8', 'u8', 'utf', 'cp65001', 'utf8_ucs2', 'utf8_ucs4']);
const LATIN1 = new Set([
  'latin_1', '8859', 'cp819', 'csisolatin1', 'ibm819', 'iso8859', 'iso8859_1', 'iso_8859_1',
  'iso_8859_1_1987', 'iso_ir_100', 'l1', 'latin', 'latin1',
]);
const ASCII = new Set([
  'ascii', '646', 'ansi_x3.4_1968', 'ansi_x3.4_1986', 'ansi_x3_4_1968', 'cp367', 'csascii', 'ibm367',
  'iso646_us', 'iso_646.irv_1991', 'iso_ir_6', 'us', 'us_ascii',
]);
/**
 * Other codecs, decoded with the platform's TextDecoder (WHATWG Encoding labels):
 * Python codec key (normalized) -> WHATWG label. Python's latin-1 is NOT WHATWG's
 * "latin1" (that is windows-1252), so latin-1 is decoded here by hand.
 */
function whatwgLabel(key: string): string | null {
  let m = /^(?:cp|windows_)(125[0-8])$/.exec(key);
  if (m && m[1] === '1252') return null; // decoded by hand (see CP1252)
  if (m) return `windows-${m[1]}`;
  m = /^iso_?8859_(\d+)$/.exec(key);
  if (m && m[1] !== '1') return `iso-8859-${m[1]}`;
  switch (key) {
    case 'koi8_r': return 'koi8-r';
    case 'koi8_u': return 'koi8-u';
    case 'cp866': return 'ibm866';
    case 'mac_cyrillic': return 'x-mac-cyrillic';
    case 'mac_roman': return 'macintosh';
    case 'shift_jis': case 'sjis': return 'shift_jis';
    case 'euc_jp': return 'euc-jp';
    case 'euc_kr': return 'euc-kr';
    case 'gbk': return 'gbk';
    case 'gb18030': return 'gb18030';
    case 'big5': return 'big5';
    default: return null;
  }
}

/** Python's cp1252 for bytes 0x80..0x9F (-1: undefined); the rest is latin-1.
 * (Node 20's TextDecoder('windows-1252') decodes as latin-1, so it is not used.) */
const CP1252 = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178,
];

function decodeCp1252(b: Uint8Array, offset: number): { source: string; error: string | null } {
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c >= 0x80 && c < 0xa0) {
      const u = CP1252[c - 0x80]!;
      if (u < 0) return { source: '', error: `'charmap' codec can't decode byte 0x${c.toString(16)} in position ${i + offset}: character maps to <undefined>` };
      out += String.fromCharCode(u);
    } else out += String.fromCharCode(c);
  }
  return { source: out, error: null };
}

/** CPython's get_normal_name: the cookie spelling the tokenizer compares. */
function normalName(name: string): string {
  const low = name.slice(0, 12).toLowerCase().replace(/_/g, '-');
  if (low === 'utf-8' || low.startsWith('utf-8-')) return 'utf-8';
  for (const l of ['latin-1', 'iso-8859-1', 'iso-latin-1']) {
    if (low === l || low.startsWith(l + '-')) return 'iso-8859-1';
  }
  return name;
}

/** encodings.normalize_encoding + lower case, as codecs.lookup uses. */
function codecKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '');
}

/** The cookie of one line (without its newline) or null. */
function cookieOf(line: Uint8Array): string | null {
  // must be a comment line: optional whitespace then '#'
  let i = 0;
  while (i < line.length && (line[i] === 32 || line[i] === 9 || line[i] === 12)) i++;
  if (i >= line.length || line[i] !== 35) return null;
  const text = latin1(line, i, line.length);
  const m = /coding[:=][ \t]*([-\w.]+)/.exec(text);
  return m ? m[1]! : null;
}

function latin1(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]!);
  return s;
}

function isBlankOrComment(line: Uint8Array): boolean {
  let i = 0;
  while (i < line.length && (line[i] === 32 || line[i] === 9 || line[i] === 12 || line[i] === 13)) i++;
  return i >= line.length || line[i] === 35;
}

function lineAt(b: Uint8Array, from: number): [Uint8Array, number] {
  let e = from;
  while (e < b.length && b[e] !== 10) e++;
  return [b.subarray(from, e), e < b.length ? e + 1 : e];
}

const encErr = (msg: string): PySyntaxError => makeSyntaxError('SyntaxError', msg, 0, -1, null, null, null);

/** Decode a Python source file. See the header comment. */
export function decodeSource(bytes: Uint8Array): DecodeResult {
  let start = 0;
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) start = 3;
  const [l1, next] = lineAt(bytes, start);
  let cookie = cookieOf(l1);
  if (cookie === null && isBlankOrComment(l1) && next < bytes.length) cookie = cookieOf(lineAt(bytes, next)[0]);
  let encoding = 'utf-8';
  if (cookie !== null) {
    const normal = normalName(cookie);
    if (bom && normal !== 'utf-8') return { source: '', encoding: normal, error: encErr(`encoding problem: ${normal} with BOM`) };
    const key = codecKey(normal);
    if (normal === 'utf-8' || UTF8.has(key)) encoding = 'utf-8';
    else if (normal === 'iso-8859-1' || LATIN1.has(key)) encoding = 'iso-8859-1';
    else if (ASCII.has(key)) encoding = 'ascii';
    else if (key === 'cp1252' || key === 'windows_1252' || key === '1252') {
      const r = decodeCp1252(bytes.subarray(start), start);
      return { source: r.source, encoding: normal, error: r.error === null ? null : encErr(r.error) };
    } else {
      const label = whatwgLabel(key);
      let decoder: { decode(input: Uint8Array): string } | null = null;
      try {
        if (label !== null) decoder = new TextDecoder(label, { fatal: true });
      } catch {
        decoder = null; // this platform's ICU lacks the codec
      }
      if (decoder === null) return { source: '', encoding: normal, error: encErr(`unknown encoding: ${cookie}`) };
      try {
        return { source: decoder.decode(bytes.subarray(start)), encoding: normal, error: null };
      } catch {
        return { source: '', encoding: normal, error: encErr(`'${normal}' codec can't decode the source`) };
      }
    }
  }
  const body = bytes.subarray(start);
  if (encoding === 'iso-8859-1') return { source: latin1Decode(body), encoding, error: null };
  if (encoding === 'ascii') {
    for (let i = 0; i < body.length; i++) {
      if (body[i]! >= 0x80) {
        return {
          source: '', encoding,
          error: encErr(`'ascii' codec can't decode byte 0x${body[i]!.toString(16)} in position ${i + start}: ordinal not in range(128)`),
        };
      }
    }
    return { source: latin1Decode(body), encoding, error: null };
  }
  // CPython converts error columns from bytes to characters only when the
  // tokenizer knows an encoding (a cookie or a BOM); otherwise they stay in bytes
  return decodeUtf8(body, cookie === null && !bom);
}

function latin1Decode(b: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < b.length; i += 8192) {
    parts.push(String.fromCharCode.apply(null, Array.from(b.subarray(i, Math.min(b.length, i + 8192)))));
  }
  return parts.join('');
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * UTF-8 with CPython's tolerance (its tokenizer decodes token by token):
 *   * invalid bytes inside comments are accepted (replaced by U+FFFD);
 *   * in a name: the tokenizer reports "(unicode error) ..." (see
 *     Scanner.verifyIdentifier), returned here;
 *   * in a str literal: the parser's decoding error, with the byte position counted
 *     from the start of the body (raw literals and literals without a backslash:
 *     CPython decodes the body at once) or of the run of non-ASCII bytes (other
 *     literals: decode_unicode_with_escapes decodes runs), placed at the token
 *     after the literal (RAISE_SYNTAX_ERROR's last filled token);
 *   * in a bytes literal: left to the parser ("bytes can only contain ASCII
 *     literal characters").
 * A tokenizer error before the first bad byte is left for the caller's tokenize.
 */
function decodeUtf8(body: Uint8Array, byteColumns: boolean): DecodeResult {
  if (firstUtf8Fault(body) === null) return { source: utf8Decoder.decode(body), encoding: 'utf-8', error: null };
  const escaped = decodeUtf8SurrogateEscape(body);
  const r = tokenize(escaped, { compat: true });
  const toks = r.tokens;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== TokenKind.STRING || !hasEscape(t.value)) continue;
    const parts = stringParts(t.value);
    if (parts.bytes) continue;
    const bytes = encodeSurrogateEscaped(t.value, parts.bodyStart, parts.bodyEnd);
    let from = 0;
    const f0 = firstUtf8Fault(bytes);
    if (f0 === null) continue;
    if (!parts.raw && t.value.indexOf('\\', parts.bodyStart) >= 0) {
      from = f0.position;
      while (from > 0 && bytes[from - 1]! >= 0x80) from--;
    }
    let to = f0.position;
    while (to < bytes.length && bytes[to]! >= 0x80) to++;
    const f = firstUtf8Fault(bytes, from, parts.raw || t.value.indexOf('\\', parts.bodyStart) < 0 ? bytes.length : to)!;
    const at = toks[k + 1] ?? t;
    const source = replaceEscapes(escaped);
    const lineStartOf = (line: number): number => {
      let p = 0;
      for (let l = 1; l < line; l++) p = source.indexOf('\n', p) + 1;
      return p;
    };
    const firstLs = lineStartOf(t.lineno);
    const atLs = lineStartOf(at.lineno);
    let lineEnd = source.indexOf('\n', atLs);
    if (lineEnd < 0) lineEnd = source.length;
    const escLine = lineOf(escaped, atLs);
    const off = columnOf(escLine, at.col, byteColumns) + 1;
    const end = at.kind === TokenKind.NEWLINE ? off : columnOf(escLine, at.endCol, byteColumns) + 1;
    const text = source.slice(firstLs, lineEnd) + '\n';
    return { source, encoding: 'utf-8', error: makeSyntaxError('SyntaxError', utf8FaultMessage(f), at.lineno, off, at.endLineno, end, text) };
  }
  if (r.error !== null && r.error.msg.startsWith('(unicode error)')) {
    // a name with undecodable bytes: CPython points after the name, counted in
    // bytes when no encoding was declared
    let error = r.error;
    if (byteColumns && error.lineno !== null) {
      const ls = lineStartIn(escaped, error.lineno);
      const line = lineOf(escaped, ls);
      let p = ls;
      for (let n = 0; n < (error.offset ?? 1) - 1; n++) p += line.codePointAt(p - ls)! > 0xffff ? 2 : 1;
      while (p < escaped.length && isPotentialIdentifierChar(escaped.charCodeAt(p))) p++;
      error = { ...error, offset: encodeSurrogateEscaped(escaped, ls, p).length };
    }
    return { source: replaceEscapes(escaped), encoding: 'utf-8', error };
  }
  return { source: replaceEscapes(escaped), encoding: 'utf-8', error: null };
}

function hasEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isEscapedByte(s.charCodeAt(i))) return true;
  return false;
}

function lineStartIn(s: string, line: number): number {
  let p = 0;
  for (let l = 1; l < line; l++) p = s.indexOf('\n', p) + 1;
  return p;
}

function lineOf(s: string, ls: number): string {
  const e = s.indexOf('\n', ls);
  return s.slice(ls, e < 0 ? s.length : e);
}

/** 0-based column of the token column `col` (UTF-8 bytes of the escaped line, an
 * escaped byte counting 3) as CPython reports it: source bytes or characters of
 * the 'replace'-decoded line. */
function columnOf(escLine: string, col: number, bytes: boolean): number {
  let b = 0;
  let i = 0;
  while (i < escLine.length && b < col) {
    const c = escLine.charCodeAt(i);
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff && !isEscapedByte(c) ? 4 : 3;
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  const prefix = escLine.slice(0, i);
  return bytes ? encodeSurrogateEscaped(prefix, 0, prefix.length).length : replaceEscapes(prefix).length;
}
