// Literals: NUMBER token values, and STRING+ sequences (implicit concatenation,
// bytes, u-strings, f-strings) turned into Constant / JoinedStr nodes exactly as
// CPython 3.11 builds them (Parser/string_parser.c, Parser/action_helpers.c
// _PyPegen_concatenate_strings):
//   * adjacent literal text is merged across tokens, empty pieces are dropped;
//   * every Constant and FormattedValue piece of a JoinedStr, and each format_spec
//     JoinedStr, carries the span of the WHOLE concatenation (3.11's quirk);
//   * expressions inside replacement fields are parsed from "(" + text + ")" and
//     their tokens are placed as fstring_find_expr_location places them: on the
//     first line of the expression, column = (token col if the '{' is on the
//     token's first line, else 0) + bytes from the line start to '{' + column in the
//     wrapped text; on later lines, the wrapped text's own columns;
//   * `kind='u'` when the first token has a u prefix.
// Decoding of escapes and the splitting of f-strings into pieces come from the
// lexer (src/lexer/literals.ts); this file only assembles nodes. Literal errors
// the lexer marks `at: 'lastToken'` are placed, as pegen's RAISE_SYNTAX_ERROR
// does, on the token after the strings (the last one the parser fetched).

/** Where decoding warnings (invalid escape sequences) are collected. */
export interface WarningSink {
  warnings: LexWarning[];
}

import { TokenKind, type Token } from '../lexer/token.js';
import { tokenize, decodeStringLiteral, splitFString, stringParts, type FStringPiece, type LexWarning, type PySyntaxError as LexError } from '../lexer/index.js';
import { CodePointStr, ComplexConst, type Node, type ConstantValue } from '../ast/nodes.js';
import { RaisedError, FAIL } from './errors.js';


/** What buildStrings needs from the parser: parsing a replacement field's tokens. */
export interface FStringHost extends WarningSink {
  parseFStringTokens(tokens: Token[], checkInvalid: boolean): Node;
  subFurthest: number;
}

/** Value of a NUMBER token: bigint for int, number for float, ComplexConst for imaginary. */
export function parseNumberToken(text: string): ConstantValue {
  const s = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
  const last = s.charCodeAt(s.length - 1);
  if (last === 0x6a || last === 0x4a) return new ComplexConst(0, Number(s.slice(0, -1)));
  if (s.length > 1 && s.charCodeAt(0) === 0x30) {
    const p = s.charCodeAt(1) | 0x20;
    if (p === 0x78 || p === 0x6f || p === 0x62) return BigInt('0' + String.fromCharCode(p) + s.slice(2));
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e || c === 0x65 || c === 0x45) return Number(s);
  }
  if (s.length < 16) return BigInt(Number(s));
  return BigInt(s);
}

function utf8Bytes(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Span of the whole concatenation, as a position record. */
interface Whole {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

function constant(value: ConstantValue, kind: string | null, w: Whole): Node {
  return { _type: 'Constant', value, kind, lineno: w.lineno, col_offset: w.col_offset, end_lineno: w.end_lineno, end_col_offset: w.end_col_offset };
}

/** Parse one replacement field's expression, placing its tokens as CPython 3.11 does. */
function parseFieldExpression(host: FStringHost, parent: Token, exprText: string, exprIndex: number): Node {
  const v = parent.value;
  const brace = exprIndex - 1;
  let lines = 0;
  let lastNl = -1;
  for (let i = 0; i < brace; i++) {
    if (v.charCodeAt(i) === 10) {
      lines++;
      lastNl = i;
    }
  }
  let newlineAfterBrace = true;
  for (let i = exprIndex; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x7d || c === 10) break;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0c) {
      newlineAfterBrace = false;
      break;
    }
  }
  let cols = 0;
  if (!newlineAfterBrace) cols = lastNl >= 0 ? utf8Bytes(v, lastNl + 1, brace) : utf8Bytes(v, 0, brace);
  const startLine = parent.lineno + lines;
  const startCol = (lines === 0 ? parent.col : 0) + cols;
  const lex = tokenize('(' + exprText + ')');
  if (lex.error !== null) throw new RaisedError(lex.error.type, 'f-string: ' + lex.error.msg, { lineno: startLine, col: startCol, endLineno: startLine, endCol: startCol });
  const toks: Token[] = lex.tokens.map((t) => ({
    kind: t.kind,
    value: t.value,
    lineno: startLine + t.lineno - 1,
    col: t.lineno === 1 ? startCol + t.col : t.col,
    endLineno: startLine + t.endLineno - 1,
    endCol: t.endLineno === 1 ? startCol + t.endCol : t.endCol,
    start: t.start,
    end: t.end,
  }));
  const wrapped = '(' + exprText + ')';
  try {
    return host.parseFStringTokens(toks, false);
  } catch (x) {
    if (x !== FAIL) throw prefixed(x, wrapped, startLine);
  }
  // Errors: CPython reports them at the columns of the "(expr)" string itself,
  // on the real line numbers; run the invalid_* pass on tokens placed that way.
  const raw: Token[] = lex.tokens.map((t) => ({ ...t, lineno: startLine + t.lineno - 1, endLineno: startLine + t.endLineno - 1 }));
  const firstFurthest = host.subFurthest;
  try {
    host.parseFStringTokens(raw, true);
  } catch (x) {
    if (x !== FAIL) throw prefixed(x, wrapped, startLine);
  }
  const t = raw[Math.min(raw.length - 1, Math.max(firstFurthest, host.subFurthest))]!;
  const text = (wrapped.split('\n')[t.lineno - startLine] ?? '') + '\n';
  throw new RaisedError('SyntaxError', 'f-string: invalid syntax', { lineno: t.lineno, col: t.col, endLineno: t.endLineno, endCol: t.endCol }, null, false, text);
}

function prefixed(x: unknown, wrapped: string, startLine: number): unknown {
  if (x instanceof RaisedError && !x.msg.startsWith('f-string')) {
    // CPython's SyntaxError.text is then the line of the wrapped "(expr)" source
    const line = (wrapped.split('\n')[x.span.lineno - startLine] ?? '') + '\n';
    return new RaisedError(x.type, 'f-string: ' + x.msg, x.span, x.ready, x.atEnd, line);
  }
  return x;
}

/** Build the JoinedStr values of f-string pieces (recursively for format specs). */
function buildPieces(host: FStringHost, parent: Token, pieces: FStringPiece[], w: Whole, kind: string | null, out: Node[], lit: { text: string }): void {
  for (const p of pieces) {
    if (p.kind === 'literal') {
      lit.text += p.value;
      continue;
    }
    if (p.debugText !== null) lit.text += p.debugText;
    if (lit.text.length > 0) {
      out.push(constant(lit.text, kind, w));
      lit.text = '';
    }
    const value = parseFieldExpression(host, parent, p.expression, p.expressionStart);
    let conversion = p.conversion === null ? -1 : p.conversion.charCodeAt(0);
    if (conversion === -1 && p.debugText !== null && p.formatSpec === null) conversion = 0x72; // 'r'
    let spec: Node | null = null;
    if (p.formatSpec !== null) {
      const specValues: Node[] = [];
      const specLit = { text: '' };
      // a format spec carries the span of its own STRING token, not the concatenation's
      const tw: Whole = { lineno: parent.lineno, col_offset: parent.col, end_lineno: parent.endLineno, end_col_offset: parent.endCol };
      buildPieces(host, parent, p.formatSpec, tw, null, specValues, specLit);
      if (specLit.text.length > 0) specValues.push(constant(specLit.text, null, tw));
      spec = { _type: 'JoinedStr', values: specValues, lineno: tw.lineno, col_offset: tw.col_offset, end_lineno: tw.end_lineno, end_col_offset: tw.end_col_offset };
    }
    out.push({ _type: 'FormattedValue', value, conversion, format_spec: spec, lineno: w.lineno, col_offset: w.col_offset, end_lineno: w.end_lineno, end_col_offset: w.end_col_offset });
  }
}


/** strings: STRING+ → Constant (str or bytes) or JoinedStr */
export function buildStrings(host: FStringHost, tokens: Token[], start: number, end: number): Node {
  const after = tokens[Math.min(end, tokens.length - 1)]!;
  const first = tokens[start]!;
  const lastTok = tokens[end - 1]!;
  const w: Whole = { lineno: first.lineno, col_offset: first.col, end_lineno: lastTok.endLineno, end_col_offset: lastTok.endCol };
  let bytesCount = 0;
  let fCount = 0;
  for (let i = start; i < end; i++) {
    const p = stringParts(tokens[i]!.value);
    if (p.bytes) bytesCount++;
    if (p.fstring) fCount++;
  }
  if (bytesCount > 0 && bytesCount < end - start) {
    // RAISE_SYNTAX_ERROR: at the token after the strings (zero-width if NEWLINE)
    const endCol = after.kind === TokenKind.NEWLINE ? after.col : after.endCol;
    throw new RaisedError('SyntaxError', 'cannot mix bytes and nonbytes literals', { lineno: after.lineno, col: after.col, endLineno: after.lineno, endCol });
  }
  const kind = stringParts(first.value).unicode ? 'u' : null;
  if (bytesCount > 0) {
    const parts: Uint8Array[] = [];
    let n = 0;
    for (let i = start; i < end; i++) {
      const d = decodeOrRaise(host, tokens[i]!, after) as Uint8Array;
      parts.push(d);
      n += d.length;
    }
    let value: Uint8Array;
    if (parts.length === 1) value = parts[0]!;
    else {
      value = new Uint8Array(n);
      let o = 0;
      for (const d of parts) {
        value.set(d, o);
        o += d.length;
      }
    }
    return constant(value, null, w);
  }
  if (fCount === 0) {
    let s = '';
    let cps: number[] | null = null; // code points, once an escaped surrogate is seen
    for (let i = start; i < end; i++) {
      const t = tokens[i]!;
      const d = decodeOrRaise(host, t, after) as string;
      const esc = surrogateEscapes(t.value);
      if (esc === null && cps === null) {
        s += d;
        continue;
      }
      cps ??= [...codePoints(s)];
      if (esc === null) cps.push(...codePoints(d));
      else cps.push(...decodeWithSurrogates(host, t, after, esc));
    }
    return constant(cps === null ? s : strFromCodePoints(cps), kind, w);
  }
  const values: Node[] = [];
  const lit = { text: '' };
  for (let i = start; i < end; i++) {
    const t = tokens[i]!;
    if (!stringParts(t.value).fstring) {
      lit.text += decodeOrRaise(host, t, after) as string;
      continue;
    }
    const split = splitFString(t);
    if (!split.ok) throw errorAt(split.error, after);
    for (const w of split.warnings) host.warnings.push(w);
    buildPieces(host, t, split.pieces, w, kind, values, lit);
  }
  if (lit.text.length > 0) values.push(constant(lit.text, kind, w));
  return { _type: 'JoinedStr', values, lineno: w.lineno, col_offset: w.col_offset, end_lineno: w.end_lineno, end_col_offset: w.end_col_offset };
}

function decodeOrRaise(sink: WarningSink, t: Token, after: Token): string | Uint8Array {
  const r = decodeStringLiteral(t.value, t);
  if (!r.ok) throw errorAt(r.error, r.at === 'token' ? t : after);
  for (const w of r.warnings) sink.warnings.push(w);
  return r.value;
}

// ---- escaped surrogates -----------------------------------------------------------
//
// Python keeps '\ud800\udc00' as two code points; a JS string would merge them
// into one astral character. For the (rare) literals with \u / \U escapes of
// surrogates, each such escape is swapped for a placeholder from plane 15's
// private use area before decoding, and swapped back in the code point list.

const PLACEHOLDER = 0xf0000; // + (surrogate - 0xd800), 2048 code points

/** Surrogate values of the \uXXXX / \UXXXXXXXX escapes of a non-raw str token, or null. */
function surrogateEscapes(text: string): Map<number, number> | null {
  if (text.indexOf('\\') < 0) return null;
  const p = stringParts(text);
  if (p.raw || p.bytes) return null;
  let found: Map<number, number> | null = null;
  for (let i = p.bodyStart; i < p.bodyEnd; i++) {
    if (text.charCodeAt(i) !== 0x5c) continue;
    const e = text.charCodeAt(i + 1);
    const n = e === 0x75 ? 4 : e === 0x55 ? 8 : 0;
    if (n > 0) {
      const hex = text.slice(i + 2, i + 2 + n);
      const v = /^[0-9a-fA-F]+$/.test(hex) && hex.length === n ? parseInt(hex, 16) : -1;
      if (v >= 0xd800 && v <= 0xdfff) (found ??= new Map()).set(i, v);
    }
    i++; // skip the escaped character (so `\\u` is not an escape)
  }
  return found;
}

function* codePoints(s: string): Generator<number> {
  for (const ch of s) yield ch.codePointAt(0)!;
}

function decodeWithSurrogates(sink: WarningSink, t: Token, after: Token, esc: Map<number, number>): number[] {
  for (const ch of t.value) {
    const c = ch.codePointAt(0)!;
    if (c >= PLACEHOLDER && c < PLACEHOLDER + 0x800) return [...codePoints(decodeOrRaise(sink, t, after) as string)];
  }
  let text = '';
  let last = 0;
  for (const [i, v] of esc) {
    const n = t.value.charCodeAt(i + 1) === 0x75 ? 6 : 10;
    text += t.value.slice(last, i) + String.fromCodePoint(PLACEHOLDER + (v - 0xd800));
    last = i + n;
  }
  text += t.value.slice(last);
  const out: number[] = [];
  for (const c of codePoints(decodeOrRaise(sink, { ...t, value: text }, after) as string)) {
    out.push(c >= PLACEHOLDER && c < PLACEHOLDER + 0x800 ? 0xd800 + (c - PLACEHOLDER) : c);
  }
  return out;
}

/** A JS string when it can hold these code points exactly, else a CodePointStr. */
function strFromCodePoints(cps: number[]): string | CodePointStr {
  for (let i = 0; i + 1 < cps.length; i++) {
    if (cps[i]! >= 0xd800 && cps[i]! <= 0xdbff && cps[i + 1]! >= 0xdc00 && cps[i + 1]! <= 0xdfff) return new CodePointStr(cps);
  }
  let s = '';
  for (const c of cps) s += String.fromCodePoint(c);
  return s;
}

/** A literal error placed on token `t` (zero-width when it is a NEWLINE). */
function errorAt(e: LexError, t: Token): RaisedError {
  const endCol = t.kind === TokenKind.NEWLINE ? t.col : t.endCol;
  const endLineno = t.kind === TokenKind.NEWLINE ? t.lineno : t.endLineno;
  return new RaisedError(e.type, e.msg, { lineno: t.lineno, col: t.col, endLineno, endCol });
}


