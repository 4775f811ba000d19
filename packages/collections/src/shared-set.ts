// SharedSet: a JS Set-like view of a heap set, usable from any worker that
// joined the heap (create in one, `SharedSet.open(ctx, ptr)` in another). Each
// wrapper holds one reference, dropped by `release()` (or when the wrapper is
// garbage-collected on its thread). `has` is the set's lock-free membership
// test; add/delete are atomic set operations. Iteration order is CPython's.

import type { ObjContext } from './context.js';
import { type TableHost, tablesOf } from './hashtable-ctx.js';
import { setAdd, setClear, setContains, setDiscard, setItems, setLen, setNew } from './objects/set.js';
import { isExc, type PyExc } from './numeric/errors.js';
import { containerWrappers, fromHeap, keyToHeap, type SharedContainer, type SharedValue } from './shared-values.js';

function check<T>(r: T | PyExc): T {
  if (isExc(r)) throw new RangeError(`@pynogil/collections: ${r.toString()}`);
  return r;
}

interface Held { ctx: ObjContext; ptr: number }
// A wrapper collected after its thread left the runtime (tid 0) drops nothing:
// the reference leaks rather than touching a runtime this thread has left
// (call release() before the thread exits).
const finalizer = new FinalizationRegistry<Held>((h) => { if (h.ctx.rc.tid !== 0) h.ctx.decref(h.ptr); });

export class SharedSet implements SharedContainer, Iterable<SharedValue> {
  readonly ptr: number;
  private readonly ctx: ObjContext;
  private readonly t: TableHost;
  private released = false;

  private constructor(ctx: ObjContext, ptr: number) {
    this.ctx = ctx;
    this.t = tablesOf(ctx);
    this.ptr = ptr;
    finalizer.register(this, { ctx, ptr }, this);
  }

  static create(ctx: ObjContext): SharedSet {
    const s = setNew(tablesOf(ctx));
    if (s === 0) throw new RangeError('@pynogil/collections: heap exhausted');
    return new SharedSet(ctx, s);
  }

  /** A wrapper on this thread for a set created elsewhere (adds a reference). */
  static open(ctx: ObjContext, ptr: number): SharedSet {
    ctx.heap.ensure(ptr);
    if (ctx.typeOf(ptr) !== ctx.tSet) throw new TypeError(`SharedSet.open: ${ptr} is not a set`);
    ctx.incref(ptr);
    return new SharedSet(ctx, ptr);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    finalizer.unregister(this);
    this.ctx.decref(this.ptr);
  }

  get size(): number { return setLen(this.t, this.ptr); }

  has(v: SharedValue): boolean {
    const [k, owned] = keyToHeap(this.ctx, this.t, v);
    const r = check(setContains(this.t, this.ptr, k));
    if (owned) this.ctx.decref(k);
    return r;
  }

  add(v: SharedValue): this {
    const [k, owned] = keyToHeap(this.ctx, this.t, v);
    const err = setAdd(this.t, this.ptr, k);
    if (owned) this.ctx.decref(k);
    check(err);
    return this;
  }

  /** True if it was present. */
  delete(v: SharedValue): boolean {
    const [k, owned] = keyToHeap(this.ctx, this.t, v);
    const r = check(setDiscard(this.t, this.ptr, k));
    if (owned) this.ctx.decref(k);
    return r;
  }

  clear(): void { setClear(this.t, this.ptr); }

  /** A consistent snapshot, in CPython's iteration order. */
  values(): IterableIterator<SharedValue> {
    const keys = setItems(this.t, this.ptr);
    const out = keys.map((k) => fromHeap(this.ctx, k));
    for (const k of keys) this.ctx.decref(k);
    return out[Symbol.iterator]();
  }

  keys(): IterableIterator<SharedValue> { return this.values(); }
  [Symbol.iterator](): IterableIterator<SharedValue> { return this.values(); }

  /** A plain JS Set copy. */
  toJS(): Set<SharedValue> { return new Set(this.values()); }
}

containerWrappers.set('set', (ctx, ptr) => SharedSet.open(ctx, ptr));
