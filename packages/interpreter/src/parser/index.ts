// parse(): Python 3.11 source → AST (the tree of CPython's `ast.parse`) or the
// SyntaxError CPython would raise, as a value.
//
// Error protocol (pegen's _PyPegen_run_parser):
//   1. tokenize the whole source; the tokens stop at the first tokenizer error;
//   2. first pass without invalid_* rules; a forced token (`&&':'`) may raise;
//   3. on failure: a tokenizer error the parser reached wins; else a second pass
//      with the invalid_* checks; if that raises, its error; else "unexpected
//      indent" / "unexpected unindent" when the furthest token looked at is an
//      INDENT / DEDENT; else "invalid syntax" there — unless the rest of the
//      source has a tokenizer error that CPython raises as an exception while
//      _PyPegen_tokenize_full_source_to_check_for_errors scans it (not the
//      indentation/continuation errors, which are only status codes there; an
//      unclosed bracket only when it opened on an earlier line).

import { tokenize, type LexWarning } from '../lexer/index.js';
import { TokenKind, type Token } from '../lexer/token.js';
import type { Node } from '../ast/nodes.js';
import { StatementParser } from './statements.js';
import { FAIL, RaisedError, type PySyntaxError, type ErrorSpan } from './errors.js';

export type { PySyntaxError } from './errors.js';

export type ParseMode = 'exec' | 'eval' | 'single' | 'func_type';

export interface ParseOptions {
  filename?: string;
  mode?: ParseMode;
}

export type ParseResult =
  | { ok: true; tree: Node; /** DeprecationWarnings from literals (invalid escapes), when any */ warnings?: LexWarning[] }
  | { ok: false; error: PySyntaxError };

function runRule(p: StatementParser, mode: ParseMode): Node {
  switch (mode) {
    case 'eval': return p.parseEval();
    case 'single': return p.parseInteractive();
    case 'func_type': return p.parseFuncType();
    default: return p.parseFile();
  }
}

/** Parse `source` as CPython 3.11's compile(source, filename, mode, PyCF_ONLY_AST). */
export function parse(source: string, options: ParseOptions = {}): ParseResult {
  const filename = options.filename ?? '<unknown>';
  const mode = options.mode ?? 'exec';
  try {
    return parseUnguarded(source, filename, mode);
  } catch (x) {
    // only a pynogil bug (or a JS stack overflow) gets here; still a value
    return internalError(x, filename);
  }
}

function parseUnguarded(source: string, filename: string, mode: ParseMode): ParseResult {
  const lex = tokenize(source);
  const src = lex.source;
  const tokens = lex.tokens;
  if (lex.error !== null) {
    // a sentinel the parser can stand on where the tokenizer stopped
    const last = tokens.length > 0 ? tokens[tokens.length - 1]! : null;
    tokens.push({
      kind: TokenKind.ERRORTOKEN, value: '',
      lineno: last?.endLineno ?? 1, col: last?.endCol ?? 0, endLineno: last?.endLineno ?? 1, endCol: last?.endCol ?? 0,
      start: last?.end ?? 0, end: last?.end ?? 0,
    });
  }
  const lexError = (): ParseResult => {
    const e = lex.error!;
    return { ok: false, error: { type: e.type, msg: e.msg, filename, lineno: e.lineno ?? 0, offset: e.offset ?? 0, end_lineno: e.endLineno ?? 0, end_offset: e.endOffset ?? 0, text: e.text } };
  };
  if (mode !== 'exec' && lex.error === null && tokens[0]!.kind === TokenKind.ENDMARKER) {
    // nothing but blank lines and comments: pegen fails at the ENDMARKER, whose
    // col_offset -1 becomes 0, on the last line (0 for an empty source)
    let line = 0;
    for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) line++;
    if (src.length > 0 && !src.endsWith('\n')) line++;
    return { ok: false, error: { type: 'SyntaxError', msg: 'invalid syntax', filename, lineno: line, offset: 0, end_lineno: line, end_offset: 0, text: line === 0 ? '' : lineText(src, line) ?? '' } };
  }
  const p = new StatementParser(tokens);
  p.source = src;
  // "'(' was never closed" is the tokenizer hitting EOF inside brackets
  const eofError = lex.error !== null && lex.error.msg.endsWith('was never closed');
  const sentinel = tokens.length - 1;
  let raised: RaisedError | null = null;
  try {
    const tree = runRule(p, mode);
    return p.warnings.length > 0 ? { ok: true, tree, warnings: p.warnings } : { ok: true, tree };
  } catch (x) {
    if (x instanceof RaisedError) raised = x;
    else if (x !== FAIL) return internalError(x, filename);
  }
  // the parser fetched the token the tokenizer failed on: that error is final
  if (lex.error !== null && p.furthest >= sentinel) return lexError();
  let far = p.furthest;
  if (raised === null) {
    const p2 = new StatementParser(tokens);
    p2.source = src;
    p2.checkInvalid = true;
    p2.memo = new Map();
    try {
      runRule(p2, mode);
    } catch (x) {
      if (x instanceof RaisedError) raised = x;
      else if (x !== FAIL) return internalError(x, filename);
    }
    far = Math.max(far, p2.furthest);
    if (lex.error !== null && far >= sentinel) return lexError();
  }
  if (raised === null) {
    // _PyPegen_set_syntax_error, at the first pass's last token
    const t = tokens[p.furthest]!;
    if (t.kind === TokenKind.INDENT) {
      // CPython: offset = the indentation width, end_offset -1
      return { ok: false, error: toPyError(new RaisedError('IndentationError', 'unexpected indent', { lineno: t.lineno, col: t.endCol - 1, endLineno: t.lineno, endCol: -2 }), src, filename) };
    }
    if (t.kind === TokenKind.DEDENT) {
      return { ok: false, error: toPyError(new RaisedError('IndentationError', 'unexpected unindent', { lineno: t.lineno, col: t.col - 1, endLineno: t.lineno, endCol: -2 }, null, p.atEof(t)), src, filename) };
    }
    raised = t.kind === TokenKind.NEWLINE
      ? new RaisedError('SyntaxError', 'invalid syntax', { lineno: t.lineno, col: p.newlineStartCol(t), endLineno: t.lineno, endCol: t.col })
      : new RaisedError('SyntaxError', 'invalid syntax', spanOf(t));
  }
  // _PyPegen_tokenize_full_source_to_check_for_errors: a tokenizer error further on
  // that CPython raises as an exception replaces the parser's SyntaxError
  if (lex.error !== null && raised.type !== 'RecursionError') {
    const e = lex.error;
    if (eofError) {
      if (e.lineno !== null && tokens[far]!.lineno > e.lineno) return lexError();
    } else if (e.type === 'SyntaxError' && e.msg !== 'unexpected character after line continuation character' && e.msg !== 'unexpected EOF while parsing') {
      return lexError();
    }
  }
  return { ok: false, error: toPyError(raised, src, filename, tokens, far) };
}

function spanOf(t: Token): ErrorSpan {
  if (t.kind === TokenKind.NEWLINE || t.kind === TokenKind.ENDMARKER) {
    // pegen's NEWLINE token leaves the '\n' out: it ends where it starts
    return { lineno: t.lineno, col: t.col, endLineno: t.lineno, endCol: t.col };
  }
  return { lineno: t.lineno, col: t.col, endLineno: t.endLineno, endCol: t.endCol };
}

/** a JS exception escaping the parser is a pynogil bug; report it as a value anyway */
function internalError(x: unknown, filename: string): ParseResult {
  const msg = x instanceof RangeError ? 'maximum recursion depth exceeded during compilation' : `internal parser error: ${String(x)}`;
  return { ok: false, error: { type: x instanceof RangeError ? 'RecursionError' : 'SystemError', msg, filename, lineno: 0, offset: 0, end_lineno: 0, end_offset: 0, text: null } };
}

/** lines of the source, split lazily for error reporting */
function lineText(src: string, lineno: number): string | null {
  let start = 0;
  for (let l = 1; l < lineno; l++) {
    const nl = src.indexOf('\n', start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  if (start > src.length) return null;
  const nl = src.indexOf('\n', start);
  // the tokenizer adds the missing final newline, so CPython's text always has one
  return nl < 0 ? src.slice(start) + '\n' : src.slice(start, nl + 1);
}

/** 1-based character offset of UTF-8 byte column `col` in `line` (SyntaxError.offset) */
function charOffset(line: string | null, col: number): number {
  if (line === null) return col + 1;
  let bytes = 0;
  let chars = 0;
  for (let i = 0; i < line.length && bytes < col; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    chars++;
  }
  return chars + 1 + Math.max(0, col - bytes);
}

/**
 * SyntaxError.text as _PyPegen_raise_error_known_location finds it for a string
 * source: when the tokenizer has already moved past the error line, that line
 * alone without its newline (get_error_line_from_tokenizer_buffers); otherwise the
 * tokenizer's current buffer, which starts at the first physical line of a
 * multi-line string or backslash-continued line that runs into the error line.
 */
function errorText(src: string, tokens: Token[], lineno: number, far: number): string | null {
  const line = lineText(src, lineno);
  if (line === null) return null;
  const farTok = tokens[Math.min(far, tokens.length - 1)];
  if (farTok !== undefined && farTok.kind !== TokenKind.ENDMARKER && farTok.kind !== TokenKind.DEDENT && farTok.endLineno > lineno) {
    return line.endsWith('\n') ? line.slice(0, -1) : line;
  }
  let start = lineno;
  for (let changed = true; changed;) {
    changed = false;
    for (const t of tokens) {
      if (t.lineno >= start) break;
      if (t.kind === TokenKind.STRING && t.endLineno >= start && t.endLineno <= lineno) {
        start = t.lineno;
        changed = true;
        break;
      }
    }
    const prev = start > 1 ? lineText(src, start - 1) : null;
    if (prev !== null && /\\\n$/.test(prev)) {
      start--;
      changed = true;
    }
  }
  if (start === lineno) return line;
  let text = '';
  for (let l = start; l <= lineno; l++) text += lineText(src, l) ?? '';
  return text;
}

function toPyError(e: RaisedError, src: string, filename: string, tokens: Token[] | null = null, far = 0): PySyntaxError {
  if (e.ready !== null) return { ...e.ready, filename };
  if (e.type === 'MemoryError' || e.type === 'RecursionError') {
    return { type: e.type, msg: e.msg, filename, lineno: 0, offset: 0, end_lineno: 0, end_offset: 0, text: null };
  }
  const s = e.span;
  if (e.text !== null) {
    // columns are already those of e.text's own line
    return { type: e.type, msg: e.msg, filename, lineno: s.lineno, offset: charOffset(e.text, s.col), end_lineno: s.endLineno, end_offset: s.endCol < 0 ? s.endCol + 1 : charOffset(e.text, s.endCol), text: e.text };
  }
  if (e.atEnd) {
    // pegen's ENDMARKER error position: the last line, just past its end
    const body = src.endsWith('\n') ? src.slice(0, -1) : src;
    const nl = body.lastIndexOf('\n');
    const lastLine = body.slice(nl + 1);
    let lineno = 1;
    for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) lineno++;
    return { type: e.type, msg: e.msg, filename, lineno, offset: [...lastLine].length + 1, end_lineno: lineno, end_offset: -1, text: lastLine + '\n' };
  }
  const text = lineText(src, s.lineno);
  // _PyPegen_raise_error_known_location converts BOTH columns with the text of the
  // error's first line, clamped to its length + 1 (multi-line spans end early)
  let endOffset: number;
  if (s.endCol < 0) endOffset = s.endCol + 1;
  else if (s.endLineno === s.lineno || text === null) endOffset = charOffset(text, s.endCol);
  else {
    const line = text.endsWith('\n') ? text.slice(0, -1) : text;
    const lenBytes = Buffer.byteLength(line, 'utf8');
    endOffset = s.endCol + 1 > lenBytes ? [...line].length + 1 : charOffset(line, s.endCol);
  }
  return {
    type: e.type, msg: e.msg, filename,
    lineno: s.lineno, offset: s.col < 0 ? s.col + 1 : charOffset(text, s.col),
    end_lineno: s.endLineno, end_offset: endOffset,
    text: tokens === null ? text : errorText(src, tokens, s.lineno, far),
  };
}
