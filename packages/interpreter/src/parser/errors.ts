// Parser error values. A failed parse returns a PySyntaxError value to the caller;
// inside the parser two cheap, stack-less objects travel by `throw` and never leave
// parse(): FAIL (this alternative does not match: the PEG "no match", caught at
// the few backtracking points and at the top) and RaisedError (an `invalid_*` rule
// or a token-level check decided the final error, as RAISE_SYNTAX_ERROR does in
// CPython's pegen). Neither extends Error, so throwing them captures no stack.

/** The exception a failed parse reports, with CPython's SyntaxError attributes. */
export interface PySyntaxError {
  /** 'SyntaxError' | 'IndentationError' | 'TabError' | 'MemoryError' | 'RecursionError' */
  type: string;
  msg: string;
  filename: string;
  /** 1-based line, as SyntaxError.lineno */
  lineno: number;
  /** 1-based column in characters (code points), as SyntaxError.offset */
  offset: number;
  end_lineno: number;
  end_offset: number;
  /** the source line the error is on (with its newline), or null */
  text: string | null;
}

/** Positions of an error in the AST convention (UTF-8 byte columns, 0-based). */
export interface ErrorSpan {
  lineno: number;
  col: number;
  endLineno: number;
  endCol: number;
}

export class RaisedError {
  constructor(
    readonly type: string,
    readonly msg: string,
    readonly span: ErrorSpan,
    /** when set, offsets are already in 1-based characters (tokenizer errors) */
    readonly ready: PySyntaxError | null = null,
    /** raised at ENDMARKER: placed at the end of the source's last line */
    readonly atEnd = false,
    /** SyntaxError.text when it is not the source line (f-string expressions) */
    readonly text: string | null = null,
  ) {}
}

/** The PEG "this alternative does not match" signal. */
export const FAIL = { fail: true } as const;
export type Fail = typeof FAIL;
