// float in the heap: PyFloatObject (layout.ts FLOAT_*), one f64 at +16. Boxing
// allocates 24 bytes; there is no free list (the allocator's per-thread size-class
// pages play that role). repr and hash come from src/numeric (CPython's shortest
// repr, hash mod 2**61 - 1, NaN hashed by address as in 3.10+).

import { FLOAT_FVAL, FLOAT_SIZE } from '../layout.js';
import type { ObjContext, CompareOp } from '../context.js';
import { NOT_IMPLEMENTED, Py_NE, cmpResult } from '../context.js';
import { PyExc } from '../numeric/errors.js';
import { floatRepr } from '../numeric/float-format.js';
import { hashFloat } from '../numeric/hash-numeric.js';
import { compareIntFloat } from '../numeric/int-ops.js';
import { intValue } from './int.js';

/** A new float object holding `x`; new reference or MemoryError. */
export function floatNew(ctx: ObjContext, x: number): number | PyExc {
  const p = ctx.newObject(FLOAT_SIZE, ctx.tFloat);
  if (p === 0) return new PyExc('MemoryError', '');
  ctx.heap.f64[(p + FLOAT_FVAL) >>> 3] = x;
  return p;
}

/** ob_fval. */
export function floatValue(ctx: ObjContext, obj: number): number {
  const heap = ctx.heap;
  heap.ensure(obj);
  return heap.f64[(obj + FLOAT_FVAL) >>> 3]!;
}

export function floatObjRepr(ctx: ObjContext, obj: number): string {
  return floatRepr(floatValue(ctx, obj));
}

/** hash(float) into out[off], out[off+1] (NaN: by the object's address). */
export function floatHash(ctx: ObjContext, obj: number, out: Uint32Array, off: number): null {
  hashFloat(floatValue(ctx, obj), obj, out, off);
  return null;
}

/** float_richcompare with float, int and bool operands. */
export function floatRichCompare(ctx: ObjContext, a: number, b: number, op: CompareOp): boolean | typeof NOT_IMPLEMENTED {
  const x = floatValue(ctx, a);
  const tb = ctx.typeOf(b);
  let c: number;
  if (tb === ctx.tFloat) {
    const y = floatValue(ctx, b);
    c = x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  } else if (tb === ctx.tInt || tb === ctx.tBool) {
    c = -compareIntFloat(intValue(ctx, b), x);
  } else {
    return NOT_IMPLEMENTED;
  }
  if (c !== c) return op === Py_NE;
  return cmpResult(c, op);
}
