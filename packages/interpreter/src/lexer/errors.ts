// Error and warning values of the tokenizer. A Python-level error never leaves the
// lexer as a JS exception: every entry point returns one of these values instead,
// carrying what CPython's SyntaxError (or its subclasses IndentationError and
// TabError) would carry, so that the caller can raise the Python exception.
//
// Fields follow CPython's SyntaxError attributes (Objects/exceptions.c):
//   lineno / endLineno : 1-based line numbers (null when CPython gives None)
//   offset / endOffset : 1-based CHARACTER (code point) offsets in the line, exactly
//                        as CPython's SyntaxError.offset / end_offset, including
//                        CPython's quirks (end_offset 0 or -1 for some errors)
//   text               : the source line CPython attaches (with or without the
//                        trailing newline, as CPython does for that error)

export type SyntaxErrorType = 'SyntaxError' | 'IndentationError' | 'TabError';

export interface PySyntaxError {
  readonly type: SyntaxErrorType;
  readonly msg: string;
  readonly lineno: number | null;
  readonly offset: number | null;
  readonly endLineno: number | null;
  readonly endOffset: number | null;
  readonly text: string | null;
}

/** A warning CPython would emit while tokenizing or decoding a literal. */
export interface LexWarning {
  readonly category: 'SyntaxWarning' | 'DeprecationWarning';
  readonly msg: string;
  readonly lineno: number;
  /** 1-based character offset of the construct in its line (informational). */
  readonly offset: number;
}

export function makeSyntaxError(
  type: SyntaxErrorType,
  msg: string,
  lineno: number | null,
  offset: number | null,
  endLineno: number | null,
  endOffset: number | null,
  text: string | null,
): PySyntaxError {
  return { type, msg, lineno, offset, endLineno, endOffset, text };
}

/** `SyntaxError: msg` rendered the way CPython's str() of the exception reads. */
export function formatSyntaxError(e: PySyntaxError, filename = '<string>'): string {
  if (e.lineno === null) return e.msg;
  return `${e.msg} (${filename}, line ${e.lineno})`;
}
