// TableHost: the TableCtx (protocol.ts) of one thread, built over its ObjContext
// (context.ts). str, dict, set and the intern table take a TableCtx; get the
// calling thread's with `tablesOf(ctx)` (one per ObjContext, cached).
//
// Views: the getters return the allocator heap's current views, so code that
// re-reads `t.u8` after an allocation sees a grown memory. `u16` (which the
// allocator does not keep) is re-created here when the buffer changes.
//
// Locking is the object's critical section (ctx.begin / ctx.end), so a thread
// that blocks while holding a dict's lock releases it (critical-section.ts).
// The key protocol defaults to the per-thread type registry: hash through the
// type's `hash` behaviour and == through richCompareBool — the interpreter
// registers its classes' behaviours there, or replaces `protocol`.

import type { ObjContext } from './context.js';
import { Py_EQ } from './context.js';
import type { HashKey } from './numeric/hash-secret.js';
import type { BuiltinTypes, KeyProtocol, TableCtx } from './protocol.js';

export class TableHost implements TableCtx {
  readonly types: BuiltinTypes;
  readonly hashKey: HashKey;
  protocol: KeyProtocol | null;
  private u16v: Uint16Array;
  private u16for: ArrayBufferLike;

  constructor(readonly obj: ObjContext) {
    this.hashKey = obj.hashKey;
    this.types = {
      str: obj.tStr, int: obj.tInt, bool: obj.tBool, float: obj.tFloat, bytes: obj.tBytes, tuple: obj.tTuple,
      noneType: obj.tNone, dict: obj.tDict, set: obj.tSet, frozenset: obj.tFrozenset, list: obj.tList,
    };
    this.protocol = {
      hashOf: (p, out, off) => obj.hashOf(p, out, off),
      eq: (a, b) => obj.richCompareBool(a, b, Py_EQ),
    };
    this.u16for = obj.heap.u8.buffer;
    this.u16v = new Uint16Array(this.u16for);
  }

  get u8(): Uint8Array { return this.obj.heap.u8; }
  get u32(): Uint32Array { return this.obj.heap.u32; }
  get i32(): Int32Array { return this.obj.heap.i32; }
  get f64(): Float64Array { return this.obj.heap.f64; }
  get u16(): Uint16Array {
    const u8 = this.obj.heap.u8;
    if (u8.byteLength !== this.u16v.byteLength) {
      this.u16for = u8.buffer;
      this.u16v = new Uint16Array(this.u16for);
    }
    return this.u16v;
  }

  ensure(ptr: number): void { this.obj.heap.ensure(ptr); }
  incref(ptr: number): void { this.obj.rc.incref(ptr); }
  decref(ptr: number): void { this.obj.rc.decref(ptr); }
  tryIncref(ptr: number): boolean { return this.obj.rc.tryIncref(ptr); }
  setMaybeWeakref(ptr: number): void { this.obj.rc.setMaybeWeakref(ptr); }
  newObject(size: number, type: number, gc = false): number {
    const p = this.obj.rc.newObject(size, type, gc);
    if (p !== 0) this.obj.heap.ensure(p + size);
    return p;
  }
  mallocRaw(size: number): number {
    const p = this.obj.heap.malloc(size, 0);
    if (p !== 0) this.obj.heap.ensure(p + size);
    return p;
  }
  freeRaw(ptr: number): void { this.obj.heap.free(ptr); }
  qsbrDeferFree(ptr: number): void { this.obj.rc.qsbrDeferFree(ptr); }
  lock(obj: number): void { this.obj.begin(obj); }
  unlock(_obj: number): void { this.obj.end(); }
  get strType(): number { return this.types.str; }
}

const hosts = new WeakMap<ObjContext, TableHost>();

/** The calling thread's TableCtx for `ctx` (created on first use). */
export function tablesOf(ctx: ObjContext): TableHost {
  let t = hosts.get(ctx);
  if (t === undefined) {
    t = new TableHost(ctx);
    hosts.set(ctx, t);
  }
  return t;
}
