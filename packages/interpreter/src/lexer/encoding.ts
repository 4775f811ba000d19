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
// decodes comments). Errors are values, never exceptions.

import { makeSyntaxError, type PySyntaxError } from './errors.js';
import { tokenize } from './tokenizer.js';
import { TokenKind } from './token.js';

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
    else {
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
  return decodeUtf8(body);
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
 * UTF-8 with CPython's tolerance: bad bytes inside comments are accepted (they are
 * replaced by U+FFFD); elsewhere they are the "(unicode error)" SyntaxError.
 */
function decodeUtf8(body: Uint8Array): DecodeResult {
  const source = utf8Decoder.decode(body);
  const bad = firstInvalidUtf8(body);
  if (bad === null) return { source, encoding: 'utf-8', error: null };
  // Locate the replacement characters and see whether any is outside a comment.
  const r = tokenize(source, { compat: true });
  const comments: number[] = [];
  for (const t of r.tokens) if (t.kind === TokenKind.COMMENT) comments.push(t.start, t.end);
  let k = 0;
  for (let p = source.indexOf('\ufffd'); p >= 0; p = source.indexOf('\ufffd', p + 1)) {
    while (k < comments.length && comments[k + 1]! <= p) k += 2;
    const inComment = k < comments.length && comments[k]! <= p && p < comments[k + 1]!;
    if (!inComment) {
      const ls = source.lastIndexOf('\n', p) + 1;
      let le = source.indexOf('\n', p);
      if (le < 0) le = source.length;
      let lineno = 1;
      for (let q = source.indexOf('\n'); q >= 0 && q < p; q = source.indexOf('\n', q + 1)) lineno++;
      const b = body[bad.byteIndex]!;
      const msg = `(unicode error) 'utf-8' codec can't decode byte 0x${b.toString(16).padStart(2, '0')} in position ${bad.position(body)}: ${bad.reason}`;
      return { source, encoding: 'utf-8', error: makeSyntaxError('SyntaxError', msg, lineno, p - ls + 1, lineno, -1, source.slice(ls, le) + '\n') };
    }
  }
  return { source, encoding: 'utf-8', error: null };
}

interface Utf8Fault {
  readonly byteIndex: number;
  readonly reason: string;
  position(body: Uint8Array): number;
}

/** First invalid UTF-8 sequence with Python's reason wording, or null. */
function firstInvalidUtf8(b: Uint8Array): Utf8Fault | null {
  const n = b.length;
  for (let i = 0; i < n;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return fault(i, 'invalid start byte', b);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n || b[i + k] === 10) return fault(i, i + k >= n ? 'unexpected end of data' : 'invalid continuation byte', b);
      const d = b[i + k]!;
      if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return fault(i, 'invalid continuation byte', b);
    }
    i += need + 1;
  }
  return null;
}

function fault(byteIndex: number, reason: string, b: Uint8Array): Utf8Fault {
  return {
    byteIndex,
    reason,
    // CPython decodes token by token; the position is counted from the start of the
    // run of non-ASCII-or-name bytes around the fault (an approximation documented
    // in docs/internals/lexer.md).
    position: () => {
      let s = byteIndex;
      while (s > 0 && b[s - 1]! >= 0x80) s--;
      return byteIndex - s;
    },
  };
}
