// Python exceptions as values for the numeric core.
//
// The numeric functions never throw for a condition a Python program can
// trigger (STYLE.md habit 4): they return a `PyExc` instead of their normal
// result, and the interpreter turns it into a heap exception object. A JS
// `throw` out of this directory is a bug. `PyExc` is a tiny immutable record
// of the exception class name and its message (the exact CPython 3.11 text).

/** Names of the builtin exception classes this directory can produce. */
export type PyExcType =
  | 'ValueError'
  | 'ZeroDivisionError'
  | 'OverflowError'
  | 'MemoryError'
  | 'TypeError'
  | 'IndexError'
  | 'KeyError'
  | 'RecursionError';

/** A Python exception travelling as a value. */
export class PyExc {
  constructor(
    readonly type: PyExcType,
    readonly message: string,
  ) {}
  toString(): string {
    return `${this.type}: ${this.message}`;
  }
}

/** True if `v` is an exception value rather than a result. */
export function isExc(v: unknown): v is PyExc {
  return v instanceof PyExc;
}

export const valueError = (msg: string): PyExc => new PyExc('ValueError', msg);
export const zeroDivision = (msg: string): PyExc => new PyExc('ZeroDivisionError', msg);
export const overflowError = (msg: string): PyExc => new PyExc('OverflowError', msg);
