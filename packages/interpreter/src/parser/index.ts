// parse(): Python 3.11 source → AST (the tree of CPython's `ast.parse`) or the
// SyntaxError CPython would raise, as a value.
//
// Error protocol (pegen's _PyPegen_run_parser):
//   1. tokenize the whole source; the tokens stop at the first tokenizer error;
//   2. first pass without invalid_* rules; a forced token (`&&':'`) may raise;
//   3. on failure: a tokenizer error reached (or lying anywhere after a generic
//      failure, as _PyPegen_tokenize_full_source_to_check_for_errors finds it)
//      wins; else a second pass with the invalid_* checks; if that raises, its
//      error; else "invalid syntax" at the furthest token looked at (or
//      "unexpected indent" / "unexpected unindent" when that token is an
//      INDENT / DEDENT).

import { tokenize } from '../lexer/index.js';
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

export type ParseResult = { ok: true; tree: Node } | { ok: false; error: PySyntaxError };

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
  const p = new StatementParser(tokens);
  p.source = src;
  // "'(' was never closed" is the tokenizer hitting EOF inside brackets: CPython
  // reports it only when the parser itself gets there
  const eofError = lex.error !== null && lex.error.msg.endsWith('was never closed');
  const sentinel = tokens.length - 1;
  try {
    return { ok: true, tree: runRule(p, mode) };
  } catch (x) {
    if (x instanceof RaisedError) return { ok: false, error: toPyError(x, src, filename) };
    if (x !== FAIL) return internalError(x, filename);
  }
  if (lex.error !== null && p.furthest >= sentinel) return lexError();
  const furthest = p.furthest;
  const p2 = new StatementParser(tokens);
  p2.source = src;
  p2.checkInvalid = true;
  try {
    runRule(p2, mode);
  } catch (x) {
    if (x instanceof RaisedError) return { ok: false, error: toPyError(x, src, filename) };
    if (x !== FAIL) return internalError(x, filename);
  }
  if (lex.error !== null && (!eofError || Math.max(furthest, p2.furthest) >= sentinel)) return lexError();
  const t = tokens[Math.max(furthest, p2.furthest)]!;
  if (t.kind === TokenKind.INDENT) {
    // CPython: offset = the indentation width, end_offset -1
    return { ok: false, error: toPyError(new RaisedError('IndentationError', 'unexpected indent', { lineno: t.lineno, col: t.endCol - 1, endLineno: t.lineno, endCol: -2 }), src, filename) };
  }
  if (t.kind === TokenKind.DEDENT) return { ok: false, error: toPyError(new RaisedError('IndentationError', 'unexpected unindent', spanOf(t)), src, filename) };
  return { ok: false, error: toPyError(new RaisedError('SyntaxError', 'invalid syntax', spanOf(t)), src, filename) };
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
  return nl < 0 ? src.slice(start) : src.slice(start, nl + 1);
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

function toPyError(e: RaisedError, src: string, filename: string): PySyntaxError {
  if (e.ready !== null) return { ...e.ready, filename };
  if (e.type === 'MemoryError' || e.type === 'RecursionError') {
    return { type: e.type, msg: e.msg, filename, lineno: 0, offset: 0, end_lineno: 0, end_offset: 0, text: null };
  }
  const s = e.span;
  const text = lineText(src, s.lineno);
  const endText = s.endLineno === s.lineno ? text : lineText(src, s.endLineno);
  return {
    type: e.type, msg: e.msg, filename,
    lineno: s.lineno, offset: s.col < 0 ? s.col + 1 : charOffset(text, s.col),
    end_lineno: s.endLineno, end_offset: s.endCol < 0 ? s.endCol + 1 : charOffset(endText, s.endCol),
    text,
  };
}
