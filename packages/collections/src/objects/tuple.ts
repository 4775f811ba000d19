// tuple in the heap: PyTupleObject (layout.ts TUPLE_*), items inline after ob_size.
// A tuple is written only by the thread that creates it, before it is published,
// and is immutable afterwards, so every read is a plain load. Items are owned
// references (dealloc drops them). () is an immortal singleton.
//
// hash is CPython 3.11's xxHash-based tuplehash (numeric TupleHasher) over the
// items' hashes; comparison is tuplerichcompare: find the first index where the
// items differ (identity first, then ==), then compare lengths or those items.

import { TUPLE_ITEMS, TUPLE_SIZE, tupleBlockSize } from '../layout.js';
import type { ObjContext, CompareOp } from '../context.js';
import { NOT_IMPLEMENTED, Py_EQ, Py_NE, cmpResult } from '../context.js';
import { PyExc } from '../numeric/errors.js';
import { TupleHasher } from '../numeric/tuple-hash.js';
import { trashcanDealloc } from '../trashcan.js';
import type { ThreadContext } from '@pynogil/refcount';

/** A tuple of `n` items, all 0: the caller stores every item with
 *  tupleInitItem before publishing it (PyTuple_New). n = 0 gives (). */
export function tupleNew(ctx: ObjContext, n: number): number | PyExc {
  if (n === 0) return ctx.emptyTuple;
  if (n > 0x1ffffff0) return new PyExc('MemoryError', '');
  const size = tupleBlockSize(n);
  const p = ctx.newObject(size, ctx.tTuple, true);
  if (p === 0) return new PyExc('MemoryError', '');
  const heap = ctx.heap;
  heap.i32[(p + TUPLE_SIZE) >>> 2] = n;
  heap.u32.fill(0, (p + TUPLE_ITEMS) >>> 2, (p + size) >>> 2);
  return p;
}

/** PyTuple_SET_ITEM on a tuple being built: steals the reference to `item`. */
export function tupleInitItem(ctx: ObjContext, t: number, i: number, item: number): void {
  ctx.heap.u32[((t + TUPLE_ITEMS) >>> 2) + i] = item;
}

/** A tuple of the given objects (borrowed: each is increfed). */
export function tuplePack(ctx: ObjContext, items: ArrayLike<number>): number | PyExc {
  const t = tupleNew(ctx, items.length);
  if (typeof t !== 'number') return t;
  const w = (t + TUPLE_ITEMS) >>> 2;
  for (let i = 0; i < items.length; i++) {
    const o = items[i]!;
    ctx.incref(o);
    ctx.heap.u32[w + i] = o;
  }
  return t;
}

export function tupleLength(ctx: ObjContext, t: number): number {
  ctx.heap.ensure(t);
  return ctx.heap.i32[(t + TUPLE_SIZE) >>> 2]!;
}

/** Item i, borrowed, no bounds check (PyTuple_GET_ITEM). */
export function tupleItemBorrowed(ctx: ObjContext, t: number, i: number): number {
  return ctx.heap.u32[((t + TUPLE_ITEMS) >>> 2) + i]!;
}

/** t[i] (negative i from the end): a new reference, or IndexError. */
export function tupleGetItem(ctx: ObjContext, t: number, i: number): number | PyExc {
  const n = tupleLength(ctx, t);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return new PyExc('IndexError', 'tuple index out of range');
  const o = ctx.heap.u32[((t + TUPLE_ITEMS) >>> 2) + i]!;
  ctx.incref(o);
  return o;
}

/** t[start:stop] with a step of 1 (indices already clamped by the caller's
 *  slice logic or clamped here as PySequence_GetSlice does). New reference. */
export function tupleSlice(ctx: ObjContext, t: number, start: number, stop: number): number | PyExc {
  const n = tupleLength(ctx, t);
  if (start < 0) start = Math.max(0, start + n);
  if (stop < 0) stop = Math.max(0, stop + n);
  if (start > n) start = n;
  if (stop > n) stop = n;
  if (start === 0 && stop === n) { ctx.incref(t); return t; }
  const m = stop > start ? stop - start : 0;
  const r = tupleNew(ctx, m);
  if (typeof r !== 'number') return r;
  for (let i = 0; i < m; i++) {
    const o = tupleItemBorrowed(ctx, t, start + i);
    ctx.incref(o);
    tupleInitItem(ctx, r, i, o);
  }
  return r;
}

// tuplehash over nested tuples without JS recursion (CPython recurses in C, where
// 100 000 levels are fine; a JS stack is not that deep): an explicit stack of
// (tuple, next index) with one TupleHasher per level, kept for reuse. Items that
// are not exact tuples are hashed through the type registry.
const hashers: TupleHasher[] = [];
const frameTuple: number[] = [];
const frameIndex: number[] = [];

/** hash(t) into out[off], out[off+1] (tuplehash); TypeError for an unhashable item. */
export function tupleHash(ctx: ObjContext, t: number, out: Uint32Array, off: number): PyExc | null {
  const s = ctx.hashScratch;
  const base = frameTuple.length; // re-entrant: an item's hash may call tupleHash
  let top = base;
  const push = (x: number): void => {
    if (hashers.length <= top) hashers.push(new TupleHasher());
    hashers[top]!.reset();
    frameTuple[top] = x;
    frameIndex[top] = 0;
    top++;
  };
  push(t);
  try {
    for (;;) {
      const d = top - 1;
      const x = frameTuple[d]!;
      const n = tupleLength(ctx, x);
      const i = frameIndex[d]!;
      if (i < n) {
        frameIndex[d] = i + 1;
        const item = tupleItemBorrowed(ctx, x, i);
        if (ctx.typeOf(item) === ctx.tTuple) {
          push(item);
          continue;
        }
        const e = ctx.hashOf(item, s, 0);
        if (e !== null) return e;
        hashers[d]!.add(s[0]!, s[1]!);
        continue;
      }
      if (d === base) {
        hashers[d]!.finish(n, out, off);
        return null;
      }
      hashers[d]!.finish(n, s, 0);
      top--;
      hashers[d - 1]!.add(s[0]!, s[1]!);
    }
  } finally {
    frameTuple.length = base;
    frameIndex.length = base;
  }
}

/** tuplerichcompare. */
export function tupleRichCompare(ctx: ObjContext, a: number, b: number, op: CompareOp): boolean | PyExc | typeof NOT_IMPLEMENTED {
  if (ctx.typeOf(b) !== ctx.tTuple) return NOT_IMPLEMENTED;
  const na = tupleLength(ctx, a);
  const nb = tupleLength(ctx, b);
  let i = 0;
  for (; i < na && i < nb; i++) {
    const eq = ctx.richCompareBool(tupleItemBorrowed(ctx, a, i), tupleItemBorrowed(ctx, b, i), Py_EQ);
    if (eq instanceof PyExc) return eq;
    if (!eq) break;
  }
  if (i >= na || i >= nb) return cmpResult(na < nb ? -1 : na > nb ? 1 : 0, op);
  if (op === Py_EQ) return false;
  if (op === Py_NE) return true;
  return ctx.richCompareBool(tupleItemBorrowed(ctx, a, i), tupleItemBorrowed(ctx, b, i), op);
}

/** repr(t): '(a, b)' / '(a,)' / '()'. */
export function tupleRepr(ctx: ObjContext, t: number): string | PyExc {
  const n = tupleLength(ctx, t);
  if (n === 0) return '()';
  if (ctx.reprActive.has(t)) return '(...)';
  ctx.reprActive.add(t);
  try {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = ctx.reprOf(tupleItemBorrowed(ctx, t, i));
      if (r instanceof PyExc) return r;
      parts.push(r);
    }
    return n === 1 ? `(${parts[0]!},)` : `(${parts.join(', ')})`;
  } finally {
    ctx.reprActive.delete(t);
  }
}

/** Deallocator: drops every item, frees the block (through the trashcan, so
 *  deep nesting does not recurse without bound). */
export function tupleDealloc(t: number, rc: ThreadContext): void {
  trashcanDealloc(t, rc, tupleDeallocBody);
}

function tupleDeallocBody(t: number, rc: ThreadContext): void {
  rc.ensure(t);
  const n = rc.u32[(t + TUPLE_SIZE) >>> 2]!;
  const w = (t + TUPLE_ITEMS) >>> 2;
  for (let i = 0; i < n; i++) {
    const o = rc.u32[w + i]!;
    if (o !== 0) rc.decref(o);
  }
  rc.freeBlock(t);
}
