// Compile-time errors of the passes after parsing (future statements, symbol
// table; later the code generator), as values. Inside a pass an error travels as a
// thrown RaisedCompileError (stack-less, never leaves the pass's entry point), the
// way the parser's RaisedError does; callers only ever see a CompileError value.
//
// Positions follow PyErr_RangedSyntaxLocationObject as the symbol table calls it:
// `offset` and `end_offset` are the AST's UTF-8 byte columns plus one (CPython does
// not convert them to characters for these errors), `end_offset` is null when
// CPython leaves SyntaxError.end_offset as None (future-statement errors).

/** A SyntaxError (or RecursionError) with CPython's attributes. */
export interface CompileError {
  /** 'SyntaxError' | 'RecursionError' */
  type: string;
  msg: string;
  filename: string;
  lineno: number;
  offset: number;
  end_lineno: number | null;
  end_offset: number | null;
  /** the source line (with its newline) when the source is known, else null */
  text: string | null;
}

/** The in-pass carrier of a CompileError; caught at the pass's entry point. */
export class RaisedCompileError {
  constructor(
    readonly type: string,
    readonly msg: string,
    readonly lineno: number,
    readonly offset: number,
    readonly endLineno: number | null,
    readonly endOffset: number | null,
  ) {}
}

/** Source line `lineno` (1-based) with its newline, or null. */
export function sourceLine(source: string | null, lineno: number): string | null {
  if (source === null || lineno < 1) return null;
  let start = 0;
  for (let l = 1; l < lineno; l++) {
    const nl = source.indexOf('\n', start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  if (start >= source.length) return null;
  const nl = source.indexOf('\n', start);
  return nl < 0 ? source.slice(start) : source.slice(start, nl + 1);
}

export function toCompileError(e: RaisedCompileError, filename: string, source: string | null): CompileError {
  return {
    type: e.type, msg: e.msg, filename,
    lineno: e.lineno, offset: e.offset, end_lineno: e.endLineno, end_offset: e.endOffset,
    text: sourceLine(source, e.lineno),
  };
}
