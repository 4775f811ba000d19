// int and bool in the heap: PyLongObject (layout.ts LONG_*), 30-bit digits after
// ob_size, CPython 3.11's representation, so C code reads them unchanged.
//
// Boxing: −5..256 are the immortal small ints (created once per heap, setup.ts);
// every other value gets a fresh object. Safe integers need at most two digits
// and are written without bigint; larger values go through numeric's
// longWriteDigits. Unboxing reads one or two digits without bigint
// (longReadValue). Arithmetic entry points unbox, call src/numeric (CPython
// semantics and messages), and box the result: they return a new reference or a
// PyExc — never throw.
//
// Ownership: every function returning an object returns a new reference (small
// ints and bools are immortal, so for them that costs nothing).

import {
  FLOAT_FVAL, FLOAT_SIZE, LONG_DIGITS, LONG_SIZE, SMALL_INT_MAX, SMALL_INT_MIN, longBlockSize,
} from '../layout.js';
import { type ObjContext, type CompareOp, NOT_IMPLEMENTED, Py_NE, cmpResult } from '../context.js';
import { PyExc } from '../numeric/errors.js';
import { hashInt } from '../numeric/hash-numeric.js';
import { longDigitCount, longReadValue, longWriteDigits } from '../numeric/int-digits.js';
import {
  compareIntFloat, intAdd, intAnd, intFloorDiv, intLshift, intMod, intMul, intOr, intPow, intRshift,
  intSub, intTrueDiv, intXor, intNeg, intAbs, intInvert,
} from '../numeric/int-ops.js';
import { intToStr } from '../numeric/int-str.js';
import { type PyInt, normInt } from '../numeric/pyint.js';

const D = 1073741824; // 2**30

/** True if `obj` is an int or a bool (exact types; subclasses are the
 *  interpreter's business). */
export function isInt(ctx: ObjContext, obj: number): boolean {
  const t = ctx.typeOf(obj);
  return t === ctx.tInt || t === ctx.tBool;
}

/** int from a safe integer (number). New reference, or MemoryError. */
export function intFromNumber(ctx: ObjContext, v: number): number | PyExc {
  if (v >= SMALL_INT_MIN && v <= SMALL_INT_MAX) return ctx.smallInts[v - SMALL_INT_MIN]!;
  const a = v < 0 ? -v : v;
  const n = a < D ? 1 : 2;
  const p = ctx.newObject(longBlockSize(n), ctx.tInt);
  if (p === 0) return memErr();
  const u32 = ctx.heap.u32;
  const w = (p + LONG_DIGITS) >>> 2;
  if (n === 1) {
    u32[w] = a;
  } else {
    u32[w] = a % D;
    u32[w + 1] = Math.floor(a / D);
  }
  ctx.heap.i32[(p + LONG_SIZE) >>> 2] = v < 0 ? -n : n;
  return p;
}

/** int from any PyInt (number or bigint). New reference, or MemoryError. */
export function intNew(ctx: ObjContext, v: PyInt): number | PyExc {
  if (typeof v === 'number') return intFromNumber(ctx, v);
  const nv = normInt(v);
  if (typeof nv === 'number') return intFromNumber(ctx, nv);
  const n = longDigitCount(nv);
  const p = ctx.newObject(longBlockSize(n), ctx.tInt);
  if (p === 0) return memErr();
  const size = longWriteDigits(nv, ctx.heap.u32, (p + LONG_DIGITS) >>> 2);
  ctx.heap.i32[(p + LONG_SIZE) >>> 2] = size;
  return p;
}

/** The value of an int (or bool) object as a normalised PyInt. */
export function intValue(ctx: ObjContext, obj: number): PyInt {
  const heap = ctx.heap;
  heap.ensure(obj);
  const size = heap.i32[(obj + LONG_SIZE) >>> 2]!;
  // Inline 0/1-digit fast path: no call.
  if (size === 1) return heap.u32[(obj + LONG_DIGITS) >>> 2]!;
  if (size === 0) return 0;
  if (size === -1) return -heap.u32[(obj + LONG_DIGITS) >>> 2]!;
  return longReadValue(size, heap.u32, (obj + LONG_DIGITS) >>> 2);
}

/** ob_size (signed digit count). */
export function intDigitCount(ctx: ObjContext, obj: number): number {
  ctx.heap.ensure(obj);
  return ctx.heap.i32[(obj + LONG_SIZE) >>> 2]!;
}

/** True or False (immortal). */
export function boolFrom(ctx: ObjContext, b: boolean): number {
  return b ? ctx.True : ctx.False;
}

/** Box the result of a numeric operation (int, or a float for true division /
 *  negative powers, or an exception). */
function boxInt(ctx: ObjContext, r: PyInt | PyExc): number | PyExc {
  if (r instanceof PyExc) return r;
  return intNew(ctx, r);
}

type IntBinary = (a: PyInt, b: PyInt) => PyInt | PyExc;

function binary(ctx: ObjContext, fn: IntBinary, a: number, b: number): number | PyExc {
  return boxInt(ctx, fn(intValue(ctx, a), intValue(ctx, b)));
}

// Binary operators on two int objects (long_add, long_sub, …): new reference or PyExc.
export const intObjAdd = (ctx: ObjContext, a: number, b: number): number | PyExc => binary(ctx, intAdd, a, b);
export const intObjSub = (ctx: ObjContext, a: number, b: number): number | PyExc => binary(ctx, intSub, a, b);
export const intObjMul = (ctx: ObjContext, a: number, b: number): number | PyExc => binary(ctx, intMul, a, b);
export const intObjFloorDiv = (ctx: ObjContext, a: number, b: number): number | PyExc => binary(ctx, intFloorDiv, a, b);
export const intObjMod = (ctx: ObjContext, a: number, b: number): number | PyExc => binary(ctx, intMod, a, b);
export const intObjLshift = (ctx: ObjContext, a: number, b: number): number | PyExc => binary(ctx, intLshift, a, b);
export const intObjRshift = (ctx: ObjContext, a: number, b: number): number | PyExc => binary(ctx, intRshift, a, b);
export const intObjAnd = (ctx: ObjContext, a: number, b: number): number | PyExc => binary(ctx, intAnd, a, b);
export const intObjOr = (ctx: ObjContext, a: number, b: number): number | PyExc => binary(ctx, intOr, a, b);
export const intObjXor = (ctx: ObjContext, a: number, b: number): number | PyExc => binary(ctx, intXor, a, b);

/** a / b: always a float object. */
export function intObjTrueDiv(ctx: ObjContext, a: number, b: number): number | PyExc {
  const r = intTrueDiv(intValue(ctx, a), intValue(ctx, b));
  return r instanceof PyExc ? r : floatNew(ctx, r);
}

/** a ** b (two ints): an int, or a float when b < 0. */
export function intObjPow(ctx: ObjContext, a: number, b: number): number | PyExc {
  const bv = intValue(ctx, b);
  const r = intPow(intValue(ctx, a), bv);
  if (r instanceof PyExc) return r;
  return bv < 0 ? floatNew(ctx, r as number) : intNew(ctx, r);
}

export const intObjNeg = (ctx: ObjContext, a: number): number | PyExc => intNew(ctx, intNeg(intValue(ctx, a)));
export const intObjAbs = (ctx: ObjContext, a: number): number | PyExc => intNew(ctx, intAbs(intValue(ctx, a)));
export const intObjInvert = (ctx: ObjContext, a: number): number | PyExc => intNew(ctx, intInvert(intValue(ctx, a)));

/** hash(int) into out[off], out[off+1]. */
export function intHash(ctx: ObjContext, obj: number, out: Uint32Array, off: number): null {
  hashInt(intValue(ctx, obj), out, off);
  return null;
}

/** repr(int) / str(int) (bool: 'True' / 'False'). */
export function intRepr(ctx: ObjContext, obj: number): string | PyExc {
  if (obj === ctx.True) return 'True';
  if (obj === ctx.False) return 'False';
  return intToStr(intValue(ctx, obj));
}

/** Three-way comparison of two PyInts. */
function cmpInt(a: PyInt, b: PyInt): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** long_richcompare, extended to float operands (float_richcompare's int
 *  branch), so mixed comparisons come out the same whichever side is asked. */
export function intRichCompare(ctx: ObjContext, a: number, b: number, op: CompareOp): boolean | typeof NOT_IMPLEMENTED {
  const tb = ctx.typeOf(b);
  if (tb === ctx.tInt || tb === ctx.tBool) return cmpResult(cmpInt(intValue(ctx, a), intValue(ctx, b)), op);
  if (tb === ctx.tFloat) {
    const c = compareIntFloat(intValue(ctx, a), ctx.heap.f64[(b + FLOAT_FVAL) >>> 3]!);
    if (c !== c) return op === Py_NE; // NaN
    return cmpResult(c, op);
  }
  return NOT_IMPLEMENTED;
}

/** A float object (int.ts cannot import float.ts, which imports this file). */
function floatNew(ctx: ObjContext, x: number): number | PyExc {
  const p = ctx.newObject(FLOAT_SIZE, ctx.tFloat);
  if (p === 0) return memErr();
  ctx.heap.f64[(p + FLOAT_FVAL) >>> 3] = x;
  return p;
}

function memErr(): PyExc {
  return new PyExc('MemoryError', '');
}
