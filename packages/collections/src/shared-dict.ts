// SharedDict: a JS Map-like view of a heap dict, usable from any worker that
// joined the heap. Created in one worker (`SharedDict.create(ctx)`), opened by
// offset in another (`SharedDict.open(ctx, ptr)`); every wrapper holds one
// reference to the dict, dropped by `release()` (or, as a safety net, when the
// wrapper is garbage-collected on its thread). Keys and values: see
// shared-values.ts. Reads are the dict's lock-free reads; each write is one
// atomic dict operation. Errors a Python program would see as exceptions
// (unhashable key) cannot arise from the JS value types accepted here.

import type { ObjContext } from './context.js';
import { type TableHost, tablesOf } from './hashtable-ctx.js';
import {
  dictClear, dictContains, dictDelItem, dictGetRef, dictItems, dictLen, dictNew, dictSetItem,
} from './objects/dict.js';
import { isExc, type PyExc } from './numeric/errors.js';
import {
  containerWrappers, fromHeap, keyToHeap, type SharedContainer, type SharedValue, toHeap,
} from './shared-values.js';

function check<T>(r: T | PyExc): T {
  if (isExc(r)) throw new RangeError(`@pynogil/collections: ${r.toString()}`);
  return r;
}

interface Held { ctx: ObjContext; ptr: number }
// A wrapper collected after its thread left the runtime (tid 0) drops nothing:
// the reference leaks rather than touching a runtime this thread has left
// (call release() before the thread exits).
const finalizer = new FinalizationRegistry<Held>((h) => { if (h.ctx.rc.tid !== 0) h.ctx.decref(h.ptr); });

export class SharedDict implements SharedContainer, Iterable<[SharedValue, SharedValue]> {
  readonly ptr: number;
  private readonly ctx: ObjContext;
  private readonly t: TableHost;
  private released = false;

  /** Takes over one reference to the dict at `ptr`. */
  private constructor(ctx: ObjContext, ptr: number) {
    this.ctx = ctx;
    this.t = tablesOf(ctx);
    this.ptr = ptr;
    finalizer.register(this, { ctx, ptr }, this);
  }

  /** A new empty dict owned by the calling thread. */
  static create(ctx: ObjContext): SharedDict {
    const d = dictNew(tablesOf(ctx));
    if (d === 0) throw new RangeError('@pynogil/collections: heap exhausted');
    return new SharedDict(ctx, d);
  }

  /** A wrapper on this thread for a dict created elsewhere (adds a reference;
   *  the sender must keep its own until this returns). */
  static open(ctx: ObjContext, ptr: number): SharedDict {
    ctx.heap.ensure(ptr);
    if (ctx.typeOf(ptr) !== ctx.tDict) throw new TypeError(`SharedDict.open: ${ptr} is not a dict`);
    ctx.incref(ptr);
    return new SharedDict(ctx, ptr);
  }

  /** Drops this wrapper's reference. */
  release(): void {
    if (this.released) return;
    this.released = true;
    finalizer.unregister(this);
    this.ctx.decref(this.ptr);
  }

  get size(): number { return dictLen(this.t, this.ptr); }

  get(key: SharedValue): SharedValue | undefined {
    const [k, owned] = keyToHeap(this.ctx, this.t, key);
    const v = check(dictGetRef(this.t, this.ptr, k));
    if (owned) this.ctx.decref(k);
    if (v === 0) return undefined;
    const js = fromHeap(this.ctx, v);
    this.ctx.decref(v);
    return js;
  }

  has(key: SharedValue): boolean {
    const [k, owned] = keyToHeap(this.ctx, this.t, key);
    const r = check(dictContains(this.t, this.ptr, k));
    if (owned) this.ctx.decref(k);
    return r;
  }

  set(key: SharedValue, value: SharedValue): this {
    const [k, owned] = keyToHeap(this.ctx, this.t, key);
    const v = toHeap(this.ctx, value);
    const err = dictSetItem(this.t, this.ptr, k, v);
    if (owned) this.ctx.decref(k);
    this.ctx.decref(v);
    check(err);
    return this;
  }

  /** True if the key was present. */
  delete(key: SharedValue): boolean {
    const [k, owned] = keyToHeap(this.ctx, this.t, key);
    const r = check(dictDelItem(this.t, this.ptr, k));
    if (owned) this.ctx.decref(k);
    return r;
  }

  clear(): void { dictClear(this.t, this.ptr); }

  /** A consistent snapshot of the items, in insertion order. */
  entries(): IterableIterator<[SharedValue, SharedValue]> {
    const { keys, values } = dictItems(this.t, this.ptr);
    const out: [SharedValue, SharedValue][] = [];
    for (let i = 0; i < keys.length; i++) {
      out.push([fromHeap(this.ctx, keys[i]!), fromHeap(this.ctx, values[i]!)]);
      this.ctx.decref(keys[i]!);
      this.ctx.decref(values[i]!);
    }
    return out[Symbol.iterator]();
  }

  keys(): IterableIterator<SharedValue> {
    return Array.from(this.entries(), (e) => e[0])[Symbol.iterator]();
  }

  values(): IterableIterator<SharedValue> {
    return Array.from(this.entries(), (e) => e[1])[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[SharedValue, SharedValue]> { return this.entries(); }

  /** A plain JS copy: an object when every key is a string, else a Map; nested
   *  containers are converted too. */
  toJS(): Record<string, unknown> | Map<unknown, unknown> {
    const items = Array.from(this.entries());
    const conv = (v: SharedValue): unknown => {
      if (v !== null && typeof v === 'object') {
        const r = v.toJS();
        v.release();
        return r;
      }
      return v;
    };
    if (items.every(([k]) => typeof k === 'string')) {
      const o: Record<string, unknown> = {};
      for (const [k, v] of items) o[k as string] = conv(v);
      return o;
    }
    return new Map(items.map(([k, v]) => [conv(k), conv(v)]));
  }
}

containerWrappers.set('dict', (ctx, ptr) => SharedDict.open(ctx, ptr));
