// The token: the contract between the tokenizer (src/lexer) and the parser
// (src/parser). Kinds follow CPython's Include/token.h names where they exist,
// positions follow the `ast` module's conventions so that the parser can copy them
// straight into nodes.
//
// Positions
//   lineno / endLineno : 1-based line numbers, as in `ast`.
//   col / endCol       : 0-based offsets in UTF-8 BYTES from the start of the line,
//                        exactly what `ast` calls col_offset / end_col_offset.
//   start / end        : 0-based offsets in UTF-16 code units into the source string
//                        (for slicing the source text and for error carets).
//
// Invariants
//   * value === source.slice(start, end) for every kind except INDENT, DEDENT,
//     NEWLINE at end of file and ENDMARKER, whose value is ''.
//   * Keywords are NAME tokens (soft keywords `match`, `case`, `_` included); the
//     parser decides. Operators and delimiters are OP tokens whose value is the
//     operator text ('(', '**=', '->', ...).
//   * NL (a newline that does not end a logical line) and COMMENT tokens are NOT
//     produced for the parser; the tokenizer may produce them in a mode used by
//     tests that compare with Python's `tokenize` module.

export const TokenKind = {
  ENDMARKER: 0,
  NAME: 1,
  NUMBER: 2,
  STRING: 3,
  NEWLINE: 4,
  INDENT: 5,
  DEDENT: 6,
  OP: 7,
  // only in the `tokenize`-compatible mode:
  COMMENT: 8,
  NL: 9,
  // only produced under `tokenize`-compatible mode for text that is not a token:
  ERRORTOKEN: 10,
  // TYPE_COMMENT is never produced: pynogil ignores type comments (as CPython does
  // unless ast.parse(type_comments=True) is asked for).
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  readonly lineno: number;
  readonly col: number;
  readonly endLineno: number;
  readonly endCol: number;
  readonly start: number;
  readonly end: number;
}
