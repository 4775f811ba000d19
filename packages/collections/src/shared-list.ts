// SharedList: a JS array-like view of a heap list (objects/list.ts), usable from
// any worker that joined the heap (create in one, `SharedList.open(ctx, ptr)` in
// another). Each wrapper holds one reference, dropped by `release()` (or when
// the wrapper is garbage-collected on its thread). `get` and `length` are the
// list's lock-free reads; push/pop/set are atomic list operations.

import type { ObjContext } from './context.js';
import { isExc, type PyExc } from './numeric/errors.js';
import { listAppend, listClear, listGetItemRef, listItems, listLength, listNew, listPop, listSetItem } from './objects/list.js';
import { containerWrappers, fromHeap, type SharedContainer, type SharedValue, toHeap } from './shared-values.js';

function check<T>(r: T | PyExc): T {
  if (isExc(r)) throw new RangeError(`@pynogil/collections: ${r.toString()}`);
  return r;
}

interface Held { ctx: ObjContext; ptr: number }
// A wrapper collected after its thread left the runtime (tid 0) drops nothing:
// the reference leaks rather than touching a runtime this thread has left
// (call release() before the thread exits).
const finalizer = new FinalizationRegistry<Held>((h) => { if (h.ctx.rc.tid !== 0) h.ctx.decref(h.ptr); });

export class SharedList implements SharedContainer, Iterable<SharedValue> {
  readonly ptr: number;
  private readonly ctx: ObjContext;
  private released = false;

  private constructor(ctx: ObjContext, ptr: number) {
    this.ctx = ctx;
    this.ptr = ptr;
    finalizer.register(this, { ctx, ptr }, this);
  }

  static create(ctx: ObjContext): SharedList {
    return new SharedList(ctx, check(listNew(ctx)));
  }

  /** A wrapper on this thread for a list created elsewhere (adds a reference). */
  static open(ctx: ObjContext, ptr: number): SharedList {
    ctx.heap.ensure(ptr);
    if (ctx.typeOf(ptr) !== ctx.tList) throw new TypeError(`SharedList.open: ${ptr} is not a list`);
    ctx.incref(ptr);
    return new SharedList(ctx, ptr);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    finalizer.unregister(this);
    this.ctx.decref(this.ptr);
  }

  get length(): number { return listLength(this.ctx, this.ptr); }

  /** Item i (negative from the end), or undefined when out of range. */
  get(i: number): SharedValue | undefined {
    const r = listGetItemRef(this.ctx, this.ptr, i);
    if (isExc(r)) return undefined;
    const v = fromHeap(this.ctx, r);
    this.ctx.decref(r);
    return v;
  }

  /** list[i] = v; RangeError when out of range. */
  set(i: number, v: SharedValue): this {
    const p = toHeap(this.ctx, v);
    const err = listSetItem(this.ctx, this.ptr, i, p);
    this.ctx.decref(p);
    check(err);
    return this;
  }

  /** Appends each value (each append is atomic); returns the new length. */
  push(...vs: SharedValue[]): number {
    for (const v of vs) {
      const p = toHeap(this.ctx, v);
      const err = listAppend(this.ctx, this.ptr, p);
      this.ctx.decref(p);
      check(err);
    }
    return this.length;
  }

  /** Removes and returns the last item, or undefined when empty. */
  pop(): SharedValue | undefined {
    const r = listPop(this.ctx, this.ptr);
    if (isExc(r)) return undefined;
    const v = fromHeap(this.ctx, r);
    this.ctx.decref(r);
    return v;
  }

  clear(): void { listClear(this.ctx, this.ptr); }

  /** A consistent snapshot of the items. */
  values(): IterableIterator<SharedValue> {
    const items = listItems(this.ctx, this.ptr);
    const out = items.map((p) => fromHeap(this.ctx, p));
    for (const p of items) this.ctx.decref(p);
    return out[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<SharedValue> { return this.values(); }

  /** A plain JS array copy (nested containers converted too). */
  toJS(): unknown[] {
    return Array.from(this.values(), (v) => {
      if (v !== null && typeof v === 'object') {
        const r = v.toJS();
        v.release();
        return r;
      }
      return v;
    });
  }
}

containerWrappers.set('list', (ctx, ptr) => SharedList.open(ctx, ptr));
