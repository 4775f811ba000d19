// The values the formatting functions accept and the callback interface
// through which they reach Python-level behaviour.
//
// Everything in src/format is pure: it works on JS values, never touches the
// heap, and never throws for a condition a Python program can cause. Values
// whose formatting needs Python code (an arbitrary object's __str__,
// __repr__, __format__, __index__, __float__, __getitem__, getattr) are
// passed as opaque `obj` arguments and reached through `FormatHooks`, which
// the interpreter implements. A hook reports failure by returning an error
// value: either a `PyExc` (a builtin exception with its CPython text) or a
// `HostExc` wrapping whatever exception object the interpreter raised, which
// the formatter hands back untouched.

import { PyExc, type PyExcType } from '../numeric/errors.js';
import type { PyInt } from '../numeric/pyint.js';

/** An exception raised by interpreter code inside a hook, carried opaquely. */
export class HostExc {
  constructor(readonly payload: unknown) {}
}

/** Any error a formatting function can return. */
export type FmtError = PyExc | HostExc;

/** True if `v` is an error value rather than a result. */
export function isFmtError(v: unknown): v is FmtError {
  return v instanceof PyExc || v instanceof HostExc;
}

export const fmtError = (type: PyExcType, message: string): PyExc => new PyExc(type, message);

/**
 * A Python value as the formatters see it. Builtin values of exactly the
 * builtin types are given as primitives (the formatters implement their
 * __format__/__str__/__repr__ themselves); everything else, including
 * instances of subclasses, None, lists and dicts, is an `obj` for the hooks.
 *   int     — `v` a PyInt (number that is a safe integer, or bigint)
 *   bool    — `v` true/false (a subclass of int)
 *   float   — `v` any double
 *   complex — `re`, `im` doubles
 *   str     — `v` a JS string (a Python str's code points, astral ones as
 *             surrogate pairs; lengths are counted in code points)
 *   bytes   — `v` the bytes
 *   tuple   — `items` (only needed as the right operand of `%` and for repr)
 *   obj     — `ref` an interpreter handle; `type` its type's __name__
 */
export type FormatArg =
  | { readonly t: 'int'; readonly v: PyInt }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'float'; readonly v: number }
  | { readonly t: 'complex'; readonly re: number; readonly im: number }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'bytes'; readonly v: Uint8Array }
  | { readonly t: 'tuple'; readonly items: readonly FormatArg[] }
  | { readonly t: 'obj'; readonly ref: unknown; readonly type: string };

/** Constructors for `FormatArg`, for readable call sites and tests. */
export const fmtArg = {
  int: (v: PyInt): FormatArg => ({ t: 'int', v }),
  bool: (v: boolean): FormatArg => ({ t: 'bool', v }),
  float: (v: number): FormatArg => ({ t: 'float', v }),
  complex: (re: number, im: number): FormatArg => ({ t: 'complex', re, im }),
  str: (v: string): FormatArg => ({ t: 'str', v }),
  bytes: (v: Uint8Array): FormatArg => ({ t: 'bytes', v }),
  tuple: (items: readonly FormatArg[]): FormatArg => ({ t: 'tuple', items }),
  obj: (ref: unknown, type: string): FormatArg => ({ t: 'obj', ref, type }),
};

/**
 * What the interpreter provides for `obj` values. Each hook mirrors one
 * CPython abstract-object call and returns its result or an error value.
 */
export interface FormatHooks {
  /**
   * sys.get_int_max_str_digits() of the running interpreter (0 = no limit);
   * CPython's default 4300 when absent. Limits decimal output of ints.
   */
  readonly intMaxStrDigits?: number;
  /** str(o) (PyObject_Str). */
  str(o: unknown): string | FmtError;
  /** repr(o) (PyObject_Repr). */
  repr(o: unknown): string | FmtError;
  /** ascii(o) (PyObject_ASCII). */
  ascii(o: unknown): string | FmtError;
  /** format(o, spec) (PyObject_Format: type(o).__format__(o, spec)). */
  format(o: unknown, spec: string): string | FmtError;
  /**
   * operator.index(o) (PyNumber_Index): `null` when the type has no
   * __index__ (the caller then raises its own TypeError).
   */
  index(o: unknown): PyInt | null | FmtError;
  /**
   * int(o) for '%d' (PyNumber_Long), called only when `isNumber(o)`;
   * a float result of __trunc__ etc. is the interpreter's business.
   */
  int(o: unknown): PyInt | FmtError;
  /** float(o) for '%f' (PyFloat_AsDouble): `null` when o has neither __float__ nor __index__. */
  float(o: unknown): number | null | FmtError;
  /** PyNumber_Check: o has __index__, __int__ or __float__, or is a complex. */
  isNumber(o: unknown): boolean;
  /**
   * Whether `obj` is taken as the mapping of `fmt % obj` (enabling
   * `%(key)s` and disabling the "not all arguments converted" check):
   * PyMapping_Check (its type has __getitem__) and not an instance of str
   * (for a str format) — and, when `forBytes`, not of str, bytes or
   * bytearray either (for a bytes format), subclasses included.
   */
  isMapping(o: unknown, forBytes: boolean): boolean;
  /** container[key] (PyObject_GetItem), for `%(key)s` and `'{0[key]}'`. */
  getitem(container: FormatArg, key: FormatArg): FormatArg | FmtError;
  /** getattr(o, name), for `'{0.name}'`. */
  getattr(o: FormatArg, name: string): FormatArg | FmtError;
  /**
   * bytes(o) for `b'%s'`/`b'%b'`: the buffer or __bytes__ result; `null`
   * when o supports neither.
   */
  bytes(o: unknown): Uint8Array | null | FmtError;
}
