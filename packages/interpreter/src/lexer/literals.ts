// Values of STRING and NUMBER tokens (Language Reference 2.4.1 "String and Bytes
// literals", 2.4.5-2.4.7 numeric literals; CPython's Parser/string_parser.c
// decode_unicode_with_escapes / decode_bytes_with_escapes and
// Objects/unicodeobject.c _PyUnicode_DecodeUnicodeEscapeInternal,
// Objects/bytesobject.c _PyBytes_DecodeEscape).
//
// Errors are values. Their messages are CPython's, but they carry no position
// (lineno null): CPython raises them with RAISE_SYNTAX_ERROR, i.e. at the parser's
// last filled token (p->tokens[p->fill-1]), which only the parser knows. The one
// exception is "bytes can only contain ASCII literal characters", which CPython
// places on the string token itself; the result's `at` says which.
// Warnings (invalid escape sequences, DeprecationWarning in 3.11) carry the
// token's line when the token is given, else 0.

import { makeSyntaxError, type LexWarning, type PySyntaxError } from './errors.js';
import type { Token } from './token.js';
import { lookupUnicodeName } from './unicode-names-lookup.js';

export type DecodeStringResult =
  | { readonly ok: true; readonly value: string | Uint8Array; readonly isBytes: boolean; readonly warnings: LexWarning[] }
  | {
      readonly ok: false;
      readonly error: PySyntaxError;
      /** Where CPython places the error: on the STRING token itself ('token',
       * RAISE_SYNTAX_ERROR_KNOWN_LOCATION) or at the parser's last filled token
       * ('lastToken', RAISE_SYNTAX_ERROR). The error's lineno/offset are null. */
      readonly at: 'token' | 'lastToken';
    };

/** Prefix flags and body bounds of a STRING token's text. */
export interface StringParts {
  readonly raw: boolean;
  readonly bytes: boolean;
  readonly fstring: boolean;
  readonly unicode: boolean;
  /** Offsets in the token text of the body (between the quotes). */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly quoteSize: 1 | 3;
}

export function stringParts(text: string): StringParts {
  let raw = false, bytes = false, fstring = false, unicode = false;
  let i = 0;
  for (;; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c === 0x72) raw = true;
    else if (c === 0x62) bytes = true;
    else if (c === 0x66) fstring = true;
    else if (c === 0x75) unicode = true;
    else break;
  }
  const q = text.charCodeAt(i);
  const triple = text.length - i >= 6 && text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q;
  const qs = triple ? 3 : 1;
  return { raw, bytes, fstring, unicode, bodyStart: i + qs, bodyEnd: text.length - qs, quoteSize: qs };
}

function noPos(msg: string): PySyntaxError {
  return makeSyntaxError('SyntaxError', msg, null, null, null, null, null);
}

/** Decode a STRING token's text (not an f-string) to str or bytes. */
export function decodeStringLiteral(text: string, token?: Token): DecodeStringResult {
  const p = stringParts(text);
  const warnings: LexWarning[] = [];
  const line = token?.lineno ?? 0;
  if (p.bytes) {
    for (let i = p.bodyStart; i < p.bodyEnd; i++) {
      if (text.charCodeAt(i) >= 0x80) {
        return { ok: false, error: noPos('bytes can only contain ASCII literal characters'), at: 'token' };
      }
    }
    if (p.raw) {
      const out = new Uint8Array(p.bodyEnd - p.bodyStart);
      for (let i = 0; i < out.length; i++) out[i] = text.charCodeAt(p.bodyStart + i);
      return { ok: true, value: out, isBytes: true, warnings };
    }
    const r = decodeBytesEscapes(text, p.bodyStart, p.bodyEnd, warnings, line);
    return typeof r === 'string' ? { ok: false, error: noPos(r), at: 'lastToken' } : { ok: true, value: r, isBytes: true, warnings };
  }
  if (p.raw) return { ok: true, value: text.slice(p.bodyStart, p.bodyEnd), isBytes: false, warnings };
  const r = decodeUnicodeEscapes(text, p.bodyStart, p.bodyEnd, warnings, line);
  return r.ok ? { ok: true, value: r.value, isBytes: false, warnings } : { ok: false, error: noPos(r.msg), at: 'lastToken' };
}

type UnicodeDecode = { ok: true; value: string } | { ok: false; msg: string };

/**
 * _PyUnicode_DecodeUnicodeEscapeInternal over text[from, to). Error positions are
 * counted as CPython counts them: in its intermediate buffer where every non-ASCII
 * character became a 10-byte \UXXXXXXXX escape (a backslash before one: 6 bytes).
 */
export function decodeUnicodeEscapes(text: string, from: number, to: number, warnings: LexWarning[], line: number): UnicodeDecode {
  let b = text.indexOf('\\', from);
  if (b < 0 || b >= to) return { ok: true, value: text.slice(from, to) };
  let out = '';
  let i = from;
  let firstInvalid: string | null = null;
  while (b >= 0 && b < to) {
    out += text.slice(i, b);
    i = b + 1;
    if (i >= to) {
      // a trailing backslash (an f-string literal part before '{'): CPython's
      // buffer makes it \u005c, a literal backslash
      out += '\\';
      break;
    }
    const c = text.charCodeAt(i++);
    let v = -1;
    switch (c) {
      case 0x0a: break; // backslash-newline: line continuation
      case 0x5c: out += '\\'; break;
      case 0x27: out += "'"; break;
      case 0x22: out += '"'; break;
      case 0x62: out += '\b'; break;
      case 0x66: out += '\f'; break;
      case 0x74: out += '\t'; break;
      case 0x6e: out += '\n'; break;
      case 0x72: out += '\r'; break;
      case 0x76: out += '\v'; break;
      case 0x61: out += '\x07'; break;
      case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: {
        v = c - 0x30;
        if (i < to && isOct(text.charCodeAt(i))) {
          v = v * 8 + text.charCodeAt(i++) - 0x30;
          if (i < to && isOct(text.charCodeAt(i))) v = v * 8 + text.charCodeAt(i++) - 0x30;
        }
        if (v > 0o377 && firstInvalid === null) firstInvalid = `invalid octal escape sequence '\\${text.slice(i - 3, i)}'`;
        out += String.fromCharCode(v);
        break;
      }
      case 0x78: case 0x75: case 0x55: {
        const count = c === 0x78 ? 2 : c === 0x75 ? 4 : 8;
        const what = c === 0x78 ? 'truncated \\xXX escape' : c === 0x75 ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape';
        v = 0;
        for (let k = 0; k < count; k++) {
          const d = i < to ? hexVal(text.charCodeAt(i)) : -1;
          if (d < 0) return { ok: false, msg: unicodeErr(text, from, b, i, what) };
          v = v * 16 + d;
          i++;
        }
        if (v > 0x10ffff) return { ok: false, msg: unicodeErr(text, from, b, i, 'illegal Unicode character') };
        out += String.fromCodePoint(v);
        break;
      }
      case 0x4e: {
        // \N{name}
        const malformed = 'malformed \\N character escape';
        if (i >= to || text.charCodeAt(i) !== 0x7b) return { ok: false, msg: unicodeErr(text, from, b, i, malformed) };
        const nameStart = ++i;
        while (i < to && text.charCodeAt(i) !== 0x7d) i++;
        if (i >= to) return { ok: false, msg: unicodeErr(text, from, b, i, malformed) };
        if (i === nameStart) return { ok: false, msg: unicodeErr(text, from, b, i, malformed) };
        i++;
        const cp = lookupUnicodeName(text.slice(nameStart, i - 1));
        if (cp < 0) return { ok: false, msg: unicodeErr(text, from, b, i, 'unknown Unicode character name') };
        out += String.fromCodePoint(cp);
        break;
      }
      default:
        if (c >= 0x80) {
          // CPython's buffer turns a backslash before a non-ASCII character into
          // \u005c: a literal backslash, no warning
          out += '\\';
          i--;
        } else {
          if (firstInvalid === null) firstInvalid = `invalid escape sequence '\\${String.fromCharCode(c)}'`;
          out += '\\' + String.fromCharCode(c);
        }
    }
    b = text.indexOf('\\', i);
  }
  out += text.slice(i, to);
  if (firstInvalid !== null) warnings.push({ category: 'DeprecationWarning', msg: firstInvalid, lineno: line, offset: 0 });
  return { ok: true, value: out };
}

/** "(unicode error) 'unicodeescape' codec can't decode ..." with CPython's positions. */
function unicodeErr(text: string, from: number, start: number, end: number, reason: string): string {
  const s = bufferPos(text, from, start);
  const e = bufferPos(text, from, end);
  const where = e === s + 1 ? `byte 0x${text.charCodeAt(start).toString(16).padStart(2, '0')} in position ${s}` : `bytes in position ${s}-${e - 1}`;
  return `(unicode error) 'unicodeescape' codec can't decode ${where}: ${reason}`;
}

/** Position of text[at] in CPython's intermediate escape buffer of text[from..]. */
function bufferPos(text: string, from: number, at: number): number {
  let n = 0;
  for (let i = from; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      n += c === 0x5c && i + 1 < text.length && text.charCodeAt(i + 1) >= 0x80 ? 6 : 1;
    } else {
      n += 10;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < at) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
  }
  return n;
}

function isOct(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** _PyBytes_DecodeEscape over ASCII text[from, to); an error message string on failure. */
function decodeBytesEscapes(text: string, from: number, to: number, warnings: LexWarning[], line: number): Uint8Array | string {
  const out = new Uint8Array(to - from);
  let n = 0;
  let firstInvalid: string | null = null;
  for (let i = from; i < to;) {
    const c = text.charCodeAt(i++);
    if (c !== 0x5c) {
      out[n++] = c;
      continue;
    }
    if (i >= to) return '(value error) Trailing \\ in string';
    const e = text.charCodeAt(i++);
    switch (e) {
      case 0x0a: break;
      case 0x5c: out[n++] = 0x5c; break;
      case 0x27: out[n++] = 0x27; break;
      case 0x22: out[n++] = 0x22; break;
      case 0x62: out[n++] = 8; break;
      case 0x66: out[n++] = 12; break;
      case 0x74: out[n++] = 9; break;
      case 0x6e: out[n++] = 10; break;
      case 0x72: out[n++] = 13; break;
      case 0x76: out[n++] = 11; break;
      case 0x61: out[n++] = 7; break;
      case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: {
        let v = e - 0x30;
        if (i < to && isOct(text.charCodeAt(i))) {
          v = v * 8 + text.charCodeAt(i++) - 0x30;
          if (i < to && isOct(text.charCodeAt(i))) v = v * 8 + text.charCodeAt(i++) - 0x30;
        }
        if (v > 0o377 && firstInvalid === null) firstInvalid = `invalid octal escape sequence '\\${text.slice(i - 3, i)}'`;
        out[n++] = v & 0xff;
        break;
      }
      case 0x78: {
        const h1 = i < to ? hexVal(text.charCodeAt(i)) : -1;
        const h2 = i + 1 < to ? hexVal(text.charCodeAt(i + 1)) : -1;
        if (h1 < 0 || h2 < 0) return `(value error) invalid \\x escape at position ${i - 2 - from}`;
        out[n++] = h1 * 16 + h2;
        i += 2;
        break;
      }
      default:
        if (firstInvalid === null) firstInvalid = `invalid escape sequence '\\${String.fromCharCode(e)}'`;
        out[n++] = 0x5c;
        out[n++] = e;
    }
  }
  if (firstInvalid !== null) warnings.push({ category: 'DeprecationWarning', msg: firstInvalid, lineno: line, offset: 0 });
  return out.slice(0, n);
}

// ---- f-strings (3.11: Parser/string_parser.c fstring_find_literal/_expr) ----------

export interface FStringLiteral {
  readonly kind: 'literal';
  /** Decoded text ('{{' and '}}' already collapsed at the top level). */
  readonly value: string;
}

export interface FStringField {
  readonly kind: 'field';
  /** Source text of the expression, as written (whitespace and newlines kept). */
  readonly expression: string;
  /** Offset of the expression text in the token's text (just after the '{'). */
  readonly expressionStart: number;
  /** Line and UTF-8 byte column of the expression text's first character (set when
   * splitFString was given the token; else relative: lineno 1, col from the token). */
  readonly lineno: number;
  readonly col: number;
  /** For `{expr=}`: the expression text including '=' and the spaces after it. */
  readonly debugText: string | null;
  readonly conversion: 's' | 'r' | 'a' | null;
  /** The format spec's pieces (after ':'), or null when there is no ':'. */
  readonly formatSpec: FStringPiece[] | null;
}

export type FStringPiece = FStringLiteral | FStringField;

export type SplitFStringResult =
  | { readonly ok: true; readonly pieces: FStringPiece[]; readonly warnings: LexWarning[] }
  | { readonly ok: false; readonly error: PySyntaxError; readonly at: 'lastToken' };

class FStringSplitter {
  readonly text: string;
  readonly end: number;
  readonly raw: boolean;
  readonly token: Token | null;
  readonly warnings: LexWarning[] = [];
  pos: number;
  error: string | null = null;

  constructor(text: string, start: number, end: number, raw: boolean, token: Token | null) {
    this.text = text;
    this.pos = start;
    this.end = end;
    this.raw = raw;
    this.token = token;
  }

  /** fstring_parse: pieces until the end (level 0) or a '}' (level 1). */
  parse(level: number): FStringPiece[] | null {
    const pieces: FStringPiece[] = [];
    for (;;) {
      const lit = this.literal(level);
      if (lit === null) return null;
      if (lit.text.length > 0) pieces.push({ kind: 'literal', value: lit.text });
      if (lit.doubled) continue;
      if (this.pos >= this.end || this.text.charCodeAt(this.pos) === 0x7d) return pieces;
      const f = this.field(level);
      if (f === null) return null;
      pieces.push(f);
    }
  }

  private fail(msg: string): null {
    this.error = msg;
    return null;
  }

  /** fstring_find_literal: decoded literal text; doubled=true after '{{' / '}}'. */
  private literal(level: number): { text: string; doubled: boolean } | null {
    const t = this.text;
    const start = this.pos;
    let s = start;
    let doubled = false;
    let litEnd = -1;
    while (s < this.end) {
      let ch = t.charCodeAt(s++);
      if (!this.raw && ch === 0x5c && s < this.end) {
        ch = t.charCodeAt(s++);
        if (ch === 0x4e) {
          if (s < this.end && t.charCodeAt(s++) === 0x7b) {
            while (s < this.end && t.charCodeAt(s++) !== 0x7d) { /* skip the name */ }
          }
          continue;
        }
        if (ch === 0x7b) {
          this.warnings.push({ category: 'DeprecationWarning', msg: "invalid escape sequence '\\{'", lineno: this.token?.lineno ?? 0, offset: 0 });
        }
      }
      if (ch === 0x7b || ch === 0x7d) {
        if (level === 0) {
          if (s < this.end && t.charCodeAt(s) === ch) {
            this.pos = s + 1;
            litEnd = s;
            doubled = true;
            break;
          }
          if (ch === 0x7d) {
            this.pos = s - 1;
            return this.fail("f-string: single '}' is not allowed");
          }
        }
        s--;
        break;
      }
    }
    if (!doubled) {
      this.pos = s;
      litEnd = s;
    }
    if (litEnd === start) return { text: '', doubled };
    if (this.raw) return { text: t.slice(start, litEnd), doubled };
    const r = decodeUnicodeEscapes(t, start, litEnd, this.warnings, this.token?.lineno ?? 0);
    if (!r.ok) return this.fail(r.msg);
    return { text: r.value, doubled };
  }

  /** fstring_find_expr: this.pos is at '{'. */
  private field(level: number): FStringField | null {
    const t = this.text;
    const end = this.end;
    if (level >= 2) return this.fail('f-string: expressions nested too deeply');
    let s = this.pos + 1;
    const exprStart = s;
    let quote = 0;
    let stringType = 0;
    const parens: number[] = [];
    for (; s < end; s++) {
      const ch = t.charCodeAt(s);
      if (ch === 0x5c) return this.fail('f-string expression part cannot include a backslash');
      if (quote !== 0) {
        if (ch === quote) {
          if (stringType === 3) {
            if (s + 2 < end && t.charCodeAt(s + 1) === ch && t.charCodeAt(s + 2) === ch) {
              s += 2;
              stringType = 0;
              quote = 0;
            }
          } else {
            stringType = 0;
            quote = 0;
          }
        }
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        if (s + 2 < end && t.charCodeAt(s + 1) === ch && t.charCodeAt(s + 2) === ch) {
          stringType = 3;
          s += 2;
        } else stringType = 1;
        quote = ch;
        continue;
      }
      if (ch === 0x5b || ch === 0x7b || ch === 0x28) {
        if (parens.length >= 200) return this.fail('f-string: too many nested parenthesis');
        parens.push(ch);
        continue;
      }
      if (ch === 0x23) return this.fail("f-string expression part cannot include '#'");
      if (parens.length === 0 && (ch === 0x21 || ch === 0x3a || ch === 0x7d || ch === 0x3d || ch === 0x3e || ch === 0x3c)) {
        if (s + 1 < end) {
          const next = t.charCodeAt(s + 1);
          if (next === 0x3d && (ch === 0x21 || ch === 0x3d || ch === 0x3c || ch === 0x3e)) {
            s++;
            continue;
          }
        }
        if (ch === 0x3e || ch === 0x3c) continue;
        break;
      }
      if (ch === 0x5d || ch === 0x7d || ch === 0x29) {
        if (parens.length === 0) return this.fail(`f-string: unmatched '${String.fromCharCode(ch)}'`);
        const open = parens.pop()!;
        if (!((open === 0x28 && ch === 0x29) || (open === 0x5b && ch === 0x5d) || (open === 0x7b && ch === 0x7d))) {
          return this.fail(`f-string: closing parenthesis '${String.fromCharCode(ch)}' does not match opening parenthesis '${String.fromCharCode(open)}'`);
        }
      }
    }
    const exprEnd = s;
    if (quote !== 0) return this.fail('f-string: unterminated string');
    if (parens.length > 0) return this.fail(`f-string: unmatched '${String.fromCharCode(parens[parens.length - 1]!)}'`);
    if (s >= end) return this.fail("f-string: expecting '}'");
    // fstring_compile_expr's emptiness check
    let k = exprStart;
    while (k < exprEnd) {
      const c = t.charCodeAt(k);
      if (!(c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c)) break;
      k++;
    }
    if (k === exprEnd) {
      const c = t.charCodeAt(exprEnd);
      if (c === 0x21 || c === 0x3a || c === 0x3d) return this.fail(`f-string: expression required before '${String.fromCharCode(c)}'`);
      return this.fail('f-string: empty expression not allowed');
    }
    let debugText: string | null = null;
    if (t.charCodeAt(s) === 0x3d) {
      s++;
      while (s < end && isPySpace(t.charCodeAt(s))) s++;
      if (s >= end) return this.fail("f-string: expecting '}'");
      debugText = t.slice(exprStart, s);
    }
    let conversion: 's' | 'r' | 'a' | null = null;
    if (t.charCodeAt(s) === 0x21) {
      s++;
      if (s >= end) return this.fail("f-string: expecting '}'");
      const c = t.charCodeAt(s++);
      if (c === 0x73) conversion = 's';
      else if (c === 0x72) conversion = 'r';
      else if (c === 0x61) conversion = 'a';
      else return this.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    let formatSpec: FStringPiece[] | null = null;
    if (s >= end) return this.fail("f-string: expecting '}'");
    if (t.charCodeAt(s) === 0x3a) {
      s++;
      if (s >= end) return this.fail("f-string: expecting '}'");
      this.pos = s;
      formatSpec = this.parse(level + 1);
      if (formatSpec === null) return null;
      s = this.pos;
    }
    if (s >= end || t.charCodeAt(s) !== 0x7d) return this.fail("f-string: expecting '}'");
    this.pos = s + 1;
    const [lineno, col] = this.position(exprStart);
    return { kind: 'field', expression: t.slice(exprStart, exprEnd), expressionStart: exprStart, lineno, col, debugText, conversion, formatSpec };
  }

  /** Line and UTF-8 column of text[at] given the token's start position. */
  private position(at: number): [number, number] {
    const t = this.text;
    let line = this.token?.lineno ?? 1;
    let lineStart = 0;
    let nl = t.indexOf('\n');
    while (nl >= 0 && nl < at) {
      line++;
      lineStart = nl + 1;
      nl = t.indexOf('\n', lineStart);
    }
    let col = lineStart === 0 ? (this.token?.col ?? 0) : 0;
    for (let i = lineStart; i < at; i++) {
      const c = t.charCodeAt(i);
      if (c < 0x80) col += 1;
      else if (c < 0x800) col += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        col += 4;
        i++;
      } else col += 3;
    }
    return [line, col];
  }
}

function isPySpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Split an f-string STRING token into literal parts and replacement fields. */
export function splitFString(token: Token | string): SplitFStringResult {
  const text = typeof token === 'string' ? token : token.value;
  const p = stringParts(text);
  const sp = new FStringSplitter(text, p.bodyStart, p.bodyEnd, p.raw, typeof token === 'string' ? null : token);
  const pieces = sp.parse(0);
  if (pieces === null) return { ok: false, error: noPos(sp.error!), at: 'lastToken' };
  return { ok: true, pieces, warnings: sp.warnings };
}

// ---- numbers ------------------------------------------------------------------

/** Value of an integer NUMBER token (0x/0o/0b/decimal, underscores allowed). */
export function parseIntLiteral(text: string): bigint {
  const s = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
  if (s.length > 1 && s.charCodeAt(0) === 0x30) {
    const p = s.charCodeAt(1) | 0x20;
    if (p === 0x78 || p === 0x6f || p === 0x62) return BigInt('0' + String.fromCharCode(p) + s.slice(2));
    return 0n; // "00", "0_0": only zeros are allowed after a leading 0
  }
  return BigInt(s);
}

/** Value of a float NUMBER token (correctly rounded, as CPython's PyOS_string_to_double). */
export function parseFloatLiteral(text: string): number {
  return Number(text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text);
}

export type NumberValue =
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'imaginary'; readonly value: number };

/** Classify and evaluate any NUMBER token. */
export function parseNumberLiteral(text: string): NumberValue {
  const last = text.charCodeAt(text.length - 1) | 0x20;
  if (last === 0x6a) return { kind: 'imaginary', value: parseFloatLiteral(text.slice(0, -1)) };
  if (text.length > 1 && text.charCodeAt(0) === 0x30) {
    const p = text.charCodeAt(1) | 0x20;
    if (p === 0x78 || p === 0x6f || p === 0x62) return { kind: 'int', value: parseIntLiteral(text) };
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x65 || c === 0x45) return { kind: 'float', value: parseFloatLiteral(text) };
  }
  return { kind: 'int', value: parseIntLiteral(text) };
}
