// Hashing and equality of dict/set keys: the builtin key types natively (str,
// int, bool, float, bytes, tuple, None), everything else through the key
// protocol (protocol.ts), as PyObject_Hash / PyObject_RichCompare(Py_EQ) would.
//
// Python's equality across numeric types holds: 1 == 1.0 == True hash alike
// (numeric/hash-numeric.ts) and compare equal here, so they are one key.
// `keyEqNoCallback` is the variant lock-free readers use: it answers only when
// no user code can run (both keys builtin, tuples recursively), else NEEDS_LOCK.

import { compareIntFloat } from './numeric/int-ops.js';
import { longReadValue } from './numeric/int-digits.js';
import { hashFloat, hashInt, hashPointer } from './numeric/hash-numeric.js';
import { hashBytes } from './numeric/siphash.js';
import { TupleHasher } from './numeric/tuple-hash.js';
import { PyExc } from './numeric/errors.js';
import type { PyInt } from './numeric/pyint.js';
import type { TableCtx } from './protocol.js';
import { strEnsure, strEq, strHash } from './objects/str.js';
import {
  BYTES_SHASH, BYTES_SVAL, FLOAT_FVAL, LONG_DIGITS, OB_SIZE, OB_TYPE, TUPLE_ITEMS,
} from './layout.js';

/** keyEqNoCallback: the answer needs user code (or a lock). */
export const NEEDS_LOCK = 2;

function typeOf(ctx: TableCtx, p: number): number {
  return ctx.u32[(p + OB_TYPE) >>> 2]!;
}

function intValue(ctx: TableCtx, p: number): PyInt {
  return longReadValue(ctx.i32[(p + OB_SIZE) >>> 2]!, ctx.u32, (p + LONG_DIGITS) >>> 2);
}

const hashers: TupleHasher[] = [];
const tmp = new Uint32Array(2);

/** The `tp_name` used in "unhashable type" messages for builtin containers. */
function unhashableName(ctx: TableCtx, t: number): string | null {
  const T = ctx.types;
  if (t === T.dict) return 'dict';
  if (t === T.set) return 'set';
  if (t === T.list) return 'list';
  return null;
}

/** Makes this thread's views reach all of the builtin object at `p` (offsets
 *  read from shared memory may point past them after another thread grew it). */
export function ensureKey(ctx: TableCtx, p: number): void {
  ctx.ensure(p + BYTES_SVAL);
  const t = typeOf(ctx, p);
  const T = ctx.types;
  if (t === T.str) strEnsure(ctx, p);
  else if (t === T.int || t === T.bool) ctx.ensure(p + LONG_DIGITS + 4 * Math.abs(ctx.i32[(p + OB_SIZE) >>> 2]!));
  else if (t === T.bytes) ctx.ensure(p + BYTES_SVAL + ctx.u32[(p + OB_SIZE) >>> 2]!);
  else if (t === T.tuple) ctx.ensure(p + TUPLE_ITEMS + 4 * ctx.u32[(p + OB_SIZE) >>> 2]!);
}

/** hash(key) → out[off], out[off+1]; null or the exception. */
export function keyHash(ctx: TableCtx, p: number, out: Uint32Array, off: number, depth = 0): PyExc | null {
  ensureKey(ctx, p);
  const t = typeOf(ctx, p);
  const T = ctx.types;
  if (t === T.str) { strHash(ctx, p, out, off); return null; }
  if (t === T.int || t === T.bool) { hashInt(intValue(ctx, p), out, off); return null; }
  if (t === T.float) { hashFloat(ctx.f64[(p + FLOAT_FVAL) >>> 3]!, p, out, off); return null; }
  if (t === T.bytes) {
    const hw = (p + BYTES_SHASH) >>> 2;
    if (ctx.u32[hw] !== 0xffffffff) { out[off] = ctx.u32[hw]!; out[off + 1] = ctx.u32[hw + 1]!; return null; }
    hashBytes(ctx.hashKey, ctx.u8, p + BYTES_SVAL, ctx.u32[(p + OB_SIZE) >>> 2]!, out, off);
    return null; // not cached: bytes objects are written by their creator only
  }
  if (t === T.noneType) { hashPointer(p, out, off); return null; }
  if (t === T.tuple) {
    const n = ctx.u32[(p + OB_SIZE) >>> 2]!;
    const h = (hashers[depth] ??= new TupleHasher());
    h.reset();
    for (let i = 0; i < n; i++) {
      const item = ctx.u32[((p + TUPLE_ITEMS) >>> 2) + i]!;
      const e = keyHash(ctx, item, tmp, 0, depth + 1);
      if (e !== null) return e;
      h.add(tmp[0]!, tmp[1]!);
    }
    h.finish(n, out, off);
    return null;
  }
  const name = unhashableName(ctx, t);
  if (name !== null || ctx.protocol === null) return new PyExc('TypeError', `unhashable type: '${name ?? 'object'}'`);
  return ctx.protocol.hashOf(p, out, off);
}

/** True for the types whose equality never runs user code. */
function isBuiltinScalar(ctx: TableCtx, t: number): boolean {
  const T = ctx.types;
  return t === T.str || t === T.int || t === T.bool || t === T.float || t === T.bytes || t === T.noneType;
}

function numericEq(ctx: TableCtx, a: number, ta: number, b: number, tb: number): boolean {
  const T = ctx.types;
  const fa = ta === T.float;
  const fb = tb === T.float;
  if (fa && fb) return ctx.f64[(a + FLOAT_FVAL) >>> 3] === ctx.f64[(b + FLOAT_FVAL) >>> 3];
  if (fa) return compareIntFloat(intValue(ctx, b), ctx.f64[(a + FLOAT_FVAL) >>> 3]!) === 0;
  if (fb) return compareIntFloat(intValue(ctx, a), ctx.f64[(b + FLOAT_FVAL) >>> 3]!) === 0;
  return intValue(ctx, a) === intValue(ctx, b);
}

function isNumeric(ctx: TableCtx, t: number): boolean {
  return t === ctx.types.int || t === ctx.types.bool || t === ctx.types.float;
}

function bytesEq(ctx: TableCtx, a: number, b: number): boolean {
  const n = ctx.u32[(a + OB_SIZE) >>> 2]!;
  if (n !== ctx.u32[(b + OB_SIZE) >>> 2]) return false;
  const u8 = ctx.u8;
  for (let i = 0; i < n; i++) if (u8[a + BYTES_SVAL + i] !== u8[b + BYTES_SVAL + i]) return false;
  return true;
}

/** a == b without running user code: true, false, or NEEDS_LOCK. */
export function keyEqNoCallback(ctx: TableCtx, a: number, b: number): boolean | typeof NEEDS_LOCK {
  if (a === b) return true;
  ensureKey(ctx, a);
  ensureKey(ctx, b);
  const ta = typeOf(ctx, a);
  const tb = typeOf(ctx, b);
  const T = ctx.types;
  if (ta === T.str || tb === T.str) return ta === tb ? strEq(ctx, a, b) : isBuiltinScalar(ctx, ta) && isBuiltinScalar(ctx, tb) ? false : NEEDS_LOCK;
  if (isNumeric(ctx, ta) && isNumeric(ctx, tb)) return numericEq(ctx, a, ta, b, tb);
  if (ta === T.bytes && tb === T.bytes) return bytesEq(ctx, a, b);
  if (ta === T.tuple && tb === T.tuple) {
    const n = ctx.u32[(a + OB_SIZE) >>> 2]!;
    if (n !== ctx.u32[(b + OB_SIZE) >>> 2]) return false;
    for (let i = 0; i < n; i++) {
      const r = keyEqNoCallback(ctx, ctx.u32[((a + TUPLE_ITEMS) >>> 2) + i]!, ctx.u32[((b + TUPLE_ITEMS) >>> 2) + i]!);
      if (r !== true) return r;
    }
    return true;
  }
  const sa = isBuiltinScalar(ctx, ta) || ta === T.tuple;
  const sb = isBuiltinScalar(ctx, tb) || tb === T.tuple;
  if (sa && sb) return false; // different builtin kinds (None, bytes, tuple, number) never compare equal
  return NEEDS_LOCK;
}

/** a == b for keys (may run user code through the protocol). */
export function keyEq(ctx: TableCtx, a: number, b: number): boolean | PyExc {
  const r = keyEqNoCallback(ctx, a, b);
  if (r !== NEEDS_LOCK) return r;
  const ta = typeOf(ctx, a);
  const tb = typeOf(ctx, b);
  if (ta === ctx.types.tuple && tb === ctx.types.tuple) {
    const n = ctx.u32[(a + OB_SIZE) >>> 2]!;
    for (let i = 0; i < n; i++) {
      const x = keyEq(ctx, ctx.u32[((a + TUPLE_ITEMS) >>> 2) + i]!, ctx.u32[((b + TUPLE_ITEMS) >>> 2) + i]!);
      if (x !== true) return x;
    }
    return true;
  }
  if (ctx.protocol === null) return false;
  return ctx.protocol.eq(a, b);
}
