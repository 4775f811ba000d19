// The key protocol: how dict and set hash and compare keys that are not one of
// the builtin key types this package understands natively (str, int, float,
// bytes, tuple, None, bool). The interpreter implements it for objects whose
// class defines __hash__ / __eq__; it may run arbitrary Python code, so:
//
//   * results are values — a hash or a boolean, or a PyExc the interpreter
//     will raise (TypeError: unhashable type, or whatever __eq__ raised);
//   * the callback may mutate the very table being searched (re-entrancy).
//     The tables detect this like CPython's lookdict / set_lookkey do: after
//     every `eq` call they check that the keys table (or set table) and the
//     entry's key are unchanged, and restart the lookup otherwise.
//
// Builtin keys never reach the protocol: `keys.ts`' keyHash / keyEq handle them
// (Python equality across types: 1 == 1.0 == True, hash(1) == hash(1.0)).

import type { PyExc } from './numeric/errors.js';
import type { HashKey } from './numeric/hash-secret.js';

export interface KeyProtocol {
  /** hash(obj) for an object of a non-builtin type: writes the 64-bit hash as
   *  (lo, hi) to out[off], out[off + 1]; returns null, or the exception. */
  hashOf(ptr: number, out: Uint32Array, off: number): PyExc | null;
  /** a == b where at least one side is not a builtin key type. */
  eq(a: number, b: number): boolean | PyExc;
}

/** Interned builtin type and singleton offsets the tables test keys against. */
export interface BuiltinTypes {
  str: number;
  int: number;
  bool: number;
  float: number;
  bytes: number;
  tuple: number;
  noneType: number;
  dict: number;
  set: number;
  frozenset: number;
  list: number;
}

/** What the tables need from the calling thread. The collections thread context
 *  provides it; every method runs for the calling thread only. */
export interface TableCtx {
  u8: Uint8Array;
  u16: Uint16Array;
  u32: Uint32Array;
  i32: Int32Array;
  f64: Float64Array;
  ensure(ptr: number): void;
  incref(ptr: number): void;
  decref(ptr: number): void;
  /** False if the object may be dead (lock-free readers re-validate after it). */
  tryIncref(ptr: number): boolean;
  /** Lets tryIncref of non-owners succeed while only the owner counts it. */
  setMaybeWeakref(ptr: number): void;
  newObject(size: number, type: number, gc?: boolean): number;
  mallocRaw(size: number): number;
  freeRaw(ptr: number): void;
  /** Frees a raw block once every thread passed a quiescent state (QSBR). */
  qsbrDeferFree(ptr: number): void;
  /** The per-object lock (ob_mutex). */
  lock(obj: number): void;
  unlock(obj: number): void;
  readonly hashKey: HashKey;
  readonly types: BuiltinTypes;
  /** types.str (what objects/str.ts asks for). */
  readonly strType: number;
  /** Hash/eq of non-builtin keys (the interpreter's); null = builtin keys only. */
  protocol: KeyProtocol | null;
}
