// The token cursor every part of the parser stands on: current token, matching
// helpers, PEG failure, node position helpers and the nesting guard.
//
// Shape of the parser: a hand-written recursive-descent / precedence-climbing
// parser over the token array produced by src/lexer, following CPython 3.11's
// Grammar/python.gram rule by rule (rule names are cited in the methods). The
// class chain ParserBase → ExpressionParser → PatternParser → StatementParser
// keeps one concern per file without import cycles.
//
// Failure: a rule that does not match throws FAIL (cheap, no stack) after
// recording how far the parser looked (`furthest`); a backtracking point saves
// `pos` and catches it. The first pass runs without CPython's `invalid_*` rules;
// when it fails, parse() runs a second pass with `checkInvalid` set, in which the
// methods perform the checks of the `invalid_*` rules and raise the specific
// SyntaxError (RaisedError), exactly the two-pass scheme of pegen.

import type { Token } from '../lexer/token.js';
import { TokenKind } from '../lexer/token.js';
import type { Node } from '../ast/nodes.js';
import { FAIL, RaisedError } from './errors.js';

/** Hard keywords of Python 3.11 (Lib/keyword.py kwlist). */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/**
 * Maximum nesting of the tree. CPython converts its C AST to `ast` objects with a
 * recursion limit of 3 x sys.getrecursionlimit() (ast2obj, COMPILER_STACK_FRAME_SCALE)
 * and raises "RecursionError: maximum recursion depth exceeded during ast
 * construction" beyond it; its parser itself gives up with MemoryError past 6000
 * rule levels. We stop at the first limit (minus the few frames of the caller),
 * which also keeps every recursive walk of our trees (dump, compiler) far from
 * the JS stack limit.
 */
export const MAX_DEPTH = 2990;

const { NAME, OP } = TokenKind;

export class ParserBase {
  tokens: Token[];
  /** the source the tokens index (Token.start/end), for error columns */
  source = '';
  pos = 0;
  /** the furthest token index a failed match looked at (pegen's p->fill - 1) */
  furthest = 0;
  /** second pass: run the checks of CPython's invalid_* rules */
  checkInvalid = false;
  depth = 0;

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  // ---- token access ----------------------------------------------------------

  get tok(): Token {
    return this.tokens[this.pos]!;
  }

  /** kind of the current token (a call, so TypeScript does not narrow it across moves) */
  kind(): TokenKind {
    return this.tokens[this.pos]!.kind;
  }

  peekAt(k: number): Token {
    const i = Math.min(this.pos + k, this.tokens.length - 1);
    if (i > this.furthest) this.furthest = i; // a lookahead fetches the token
    return this.tokens[i]!;
  }

  /**
   * The last token consumed, NEWLINE/INDENT/DEDENT skipped: the end of the current
   * rule's EXTRA span (pegen's _PyPegen_get_last_nonnwhitespace_token).
   */
  get last(): Token {
    let i = this.pos - 1;
    let t = this.tokens[i]!;
    while (i > 0 && (t.kind === TokenKind.NEWLINE || t.kind === TokenKind.INDENT || t.kind === TokenKind.DEDENT)) t = this.tokens[--i]!;
    return t;
  }

  advance(): Token {
    const t = this.tokens[this.pos]!;
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  /** PEG backtracking: remember how far we looked, then return to `save` */
  backtrack(save: number): void {
    if (this.pos > this.furthest) this.furthest = this.pos;
    this.pos = save;
  }

  fail(): never {
    if (this.pos > this.furthest) this.furthest = this.pos;
    throw FAIL;
  }

  isOp(v: string): boolean {
    const t = this.tokens[this.pos]!;
    return t.kind === OP && t.value === v;
  }

  isKw(v: string): boolean {
    const t = this.tokens[this.pos]!;
    return t.kind === NAME && t.value === v;
  }

  /** a NAME token that is not a hard keyword */
  isName(): boolean {
    const t = this.tokens[this.pos]!;
    return t.kind === NAME && !KEYWORDS.has(t.value);
  }

  acceptOp(v: string): boolean {
    const t = this.tokens[this.pos]!;
    if (t.kind === OP && t.value === v) {
      this.pos++;
      return true;
    }
    return false;
  }

  acceptKw(v: string): boolean {
    const t = this.tokens[this.pos]!;
    if (t.kind === NAME && t.value === v) {
      this.pos++;
      return true;
    }
    return false;
  }

  expectOp(v: string): Token {
    const t = this.tokens[this.pos]!;
    if (t.kind === OP && t.value === v) {
      this.pos++;
      return t;
    }
    return this.fail();
  }

  expectKw(v: string): Token {
    const t = this.tokens[this.pos]!;
    if (t.kind === NAME && t.value === v) {
      this.pos++;
      return t;
    }
    return this.fail();
  }

  expectKind(kind: TokenKind): Token {
    const t = this.tokens[this.pos]!;
    if (t.kind === kind) {
      this.pos++;
      return t;
    }
    return this.fail();
  }

  /** NAME that is not a keyword; returns the identifier (NFKC-normalized) */
  expectName(): string {
    const t = this.tokens[this.pos]!;
    if (t.kind === NAME && !KEYWORDS.has(t.value)) {
      this.pos++;
      return identifier(t.value);
    }
    return this.fail();
  }

  // ---- nesting guard -----------------------------------------------------------

  enter(): void {
    if (++this.depth > MAX_DEPTH) this.tooDeep();
  }

  /** left-deep chains (a.b.c…, a+b+c…) are built in loops: account for their depth */
  checkChain(n: number): void {
    if (this.depth + n > MAX_DEPTH) this.tooDeep();
  }

  tooDeep(): never {
    const t = this.tok;
    throw new RaisedError('RecursionError', 'maximum recursion depth exceeded during ast construction', { lineno: t.lineno, col: t.col, endLineno: t.lineno, endCol: t.col });
  }

  // ---- errors --------------------------------------------------------------------

  raiseAt(msg: string, a: Span | Token, b: Span | Token = a, type = 'SyntaxError'): never {
    // pegen's NEWLINE token leaves the '\n' out: it ends where it starts
    const bNewline = (b as Token).kind === TokenKind.NEWLINE;
    if ((a as Token).kind === TokenKind.NEWLINE) {
      const t = a as Token;
      throw new RaisedError(type, msg, { lineno: t.lineno, col: this.newlineStartCol(t), endLineno: t.lineno, endCol: t.col });
    }
    const ak = (a as Token).kind;
    if (ak === TokenKind.INDENT) {
      // col_offset -1 in pegen: the column is the tokenizer cursor, past the indentation
      const t = a as Token;
      throw new RaisedError(type, msg, { lineno: t.lineno, col: t.endCol - 1, endLineno: t.lineno, endCol: -2 });
    }
    if (ak === TokenKind.DEDENT || ak === TokenKind.ENDMARKER) {
      // pegen gives these tokens col_offset -1 and computes the column from the
      // tokenizer's cursor: the new line's indentation (DEDENT), or the end of the
      // last line (ENDMARKER, see toPyError); end_offset is -1
      const t = a as Token;
      throw new RaisedError(type, msg, { lineno: t.lineno, col: t.col - 1, endLineno: t.lineno, endCol: -2 }, null, this.atEof(t));
    }
    throw new RaisedError(type, msg, {
      lineno: startLine(a),
      col: startCol(a),
      endLineno: bNewline ? (b as Token).lineno : endLine(b),
      endCol: bNewline ? (b as Token).col : endCol(b),
    });
  }

  /**
   * pegen's NEWLINE token starts at a comment that precedes it on the line (the
   * tokenizer skipped it) and ends where the '\n' is; without a comment it is empty.
   */
  newlineStartCol(t: Token): number {
    const i = this.tokens.indexOf(t);
    const prevEnd = i > 0 ? this.tokens[i - 1]!.end : 0;
    const hash = this.source.lastIndexOf('#', t.start);
    if (hash < prevEnd || hash < 0) return t.col;
    let bytes = 0;
    for (let k = hash; k < t.start; k++) {
      const c = this.source.charCodeAt(k);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (k++, 4) : 3;
    }
    return t.col - bytes;
  }

  /** is `t` an ENDMARKER, or a DEDENT followed only by DEDENTs and the ENDMARKER? */
  atEof(t: Token): boolean {
    let i = this.tokens.indexOf(t);
    while (i >= 0 && i < this.tokens.length && this.tokens[i]!.kind === TokenKind.DEDENT) i++;
    return i < 0 || i >= this.tokens.length || this.tokens[i]!.kind === TokenKind.ENDMARKER;
  }

  /** raise with explicit byte columns; a negative column gives offset col+1 (CPython's -1 → 0) */
  raiseRaw(msg: string, lineno: number, col: number, endLineno: number, endCol: number): never {
    throw new RaisedError('SyntaxError', msg, { lineno, col, endLineno, endCol });
  }

  /** paren nesting level of each token after it is read (pegen's token->level) */
  levels: Int32Array | null = null;

  levelAt(i: number): number {
    if (this.levels === null) {
      const lv = new Int32Array(this.tokens.length);
      let d = 0;
      for (let k = 0; k < this.tokens.length; k++) {
        const t = this.tokens[k]!;
        if (t.kind === TokenKind.OP && t.value.length === 1) {
          const c = t.value;
          if (c === '(' || c === '[' || c === '{') d++;
          else if ((c === ')' || c === ']' || c === '}') && d > 0) d--;
        }
        lv[k] = d;
      }
      this.levels = lv;
    }
    return this.levels[i] ?? 0;
  }
}

type Span = Node;

export function startLine(x: Node | Token): number {
  return x.lineno as number;
}
export function startCol(x: Node | Token): number {
  return (x as Token).col ?? (x as Node).col_offset;
}
export function endLine(x: Node | Token): number {
  return (x as Token).endLineno ?? (x as Node).end_lineno;
}
export function endCol(x: Node | Token): number {
  return (x as Token).endCol ?? (x as Node).end_col_offset;
}

/** Identifiers are NFKC-normalized (Python reference §2.3); ASCII is unchanged. */
export function identifier(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) return s.normalize('NFKC');
  }
  return s;
}
