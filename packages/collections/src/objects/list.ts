// list in the heap: PyListObject (layout.ts LIST_*) with its items in a separate
// array block whose capacity sits at ob_item[-1] (as CPython 3.13's _PyListArray),
// thread-safe in the free-threaded CPython way (Objects/listobject.c of 3.13):
//
//   * every write (append, insert, pop, setitem, delitem, extend, clear) runs in a
//     critical section on the list (ctx.begin/ctx.end: its ob_mutex), so each is
//     atomic, as CPython documents list.append, list.pop, L[i] = x … to be;
//   * `len()` is one Atomics load of ob_size; `list[i]` is lock-free
//     (listGetItemRef, after list_get_item_ref): load ob_size, ob_item, the
//     array's capacity and the slot, tryIncref the item, then re-check that the
//     slot and ob_item still hold what was loaded; on any doubt fall back to the
//     locked read (listGetItemLocked) beside it;
//   * a replaced item array is freed through QSBR (refcount's qsbrDeferFree) once
//     the list is shared, because a reader may still be reading it; slots in
//     [ob_size, capacity) are always 0, and a slot is cleared before the reference
//     it held is dropped, so a reader never increfs a pointer the list no longer
//     owned when the reader loaded it from a slot that still holds it.
//
// Growth follows 3.11's list_resize exactly: no change while
// allocated/2 <= newsize <= allocated, else
// new_allocated = (newsize + (newsize >> 3) + 6) & ~3, or (newsize + 3) & ~3 when
// the request is closer to that than to the old size, and 0 for an empty list.
//
// "Shared": as in CPython, a list becomes shared (GC_SHARED in ob_gc_bits) the first
// time a thread that does not own it reads or writes it; until then its owner
// frees old arrays at once and other threads' reads take the locked path.
//
// Ownership: items are owned references. Functions returning an object return a
// new reference; arguments are borrowed (increfed when stored).

import { GC_SHARED, OB_GC_BITS, type ThreadContext } from '@pynogil/refcount';
import { trashcanDealloc } from '../trashcan.js';
import {
  loadPtrSeqCst, loadU8SeqCst, orU8SeqCst, storeSeqCst,
} from '../atomics.js';
import type { CompareOp, ObjContext } from '../context.js';
import { NOT_IMPLEMENTED, Py_EQ, Py_NE, cmpResult } from '../context.js';
import {
  LIST_ALLOCATED, LIST_ARRAY_CAP, LIST_ARRAY_HEADER, LIST_ITEM, LIST_SIZE, LIST_STRUCT_SIZE,
  listArrayBlockSize,
} from '../layout.js';
import { PyExc } from '../numeric/errors.js';

const MAX_LIST = 0x1ffffff0;

function memErr(): PyExc {
  return new PyExc('MemoryError', '');
}

/** A new empty list (PyList_New(0)). */
export function listNew(ctx: ObjContext): number | PyExc {
  const p = ctx.newObject(LIST_STRUCT_SIZE, ctx.tList, true);
  if (p === 0) return memErr();
  const i32 = ctx.heap.i32;
  i32[(p + LIST_SIZE) >>> 2] = 0;
  i32[(p + LIST_ITEM) >>> 2] = 0;
  i32[(p + LIST_ALLOCATED) >>> 2] = 0;
  return p;
}

/** A new list holding `items` (borrowed: each is increfed). */
export function listFromItems(ctx: ObjContext, items: ArrayLike<number>): number | PyExc {
  const l = listNew(ctx);
  if (typeof l !== 'number') return l;
  if (items.length === 0) return l;
  const e = listExtend(ctx, l, items);
  if (e !== null) {
    ctx.decref(l);
    return e;
  }
  return l;
}

/** len(list): one plain aligned load, no lock: it cannot tear, and any value it
 *  returns was the length at some moment (see listGetItemRef on plain loads). */
export function listLength(ctx: ObjContext, l: number): number {
  const heap = ctx.heap;
  if (l >= heap.byteLength) heap.ensure(l);
  return heap.i32[(l + LIST_SIZE) >>> 2]!;
}

/** `allocated` (for tests and sys.getsizeof). */
export function listAllocated(ctx: ObjContext, l: number): number {
  ctx.heap.ensure(l);
  return ctx.heap.i32[(l + LIST_ALLOCATED) >>> 2]!;
}

function isShared(ctx: ObjContext, l: number): boolean {
  return (loadU8SeqCst(ctx.heap.u8, l + OB_GC_BITS) & GC_SHARED) !== 0;
}

function ownedByMe(ctx: ObjContext, l: number): boolean {
  return (ctx.heap.u32[l >>> 2]! & 0xffff) === ctx.rc.tid;
}

/** Called with the lock held by a thread that may not own the list. */
function markSharedLockHeld(ctx: ObjContext, l: number): void {
  if (!isShared(ctx, l) && !ownedByMe(ctx, l)) orU8SeqCst(ctx.heap.u8, l + OB_GC_BITS, GC_SHARED);
}

/** Word index of item 0 of `l`'s current array, with the views made to cover the
 *  whole array (another thread may have allocated it past this thread's views).
 *  Lock held, or the list unshared. Garbage (and unused) when ob_item is 0. */
function itemWords(ctx: ObjContext, l: number): number {
  const heap = ctx.heap;
  const items = heap.u32[(l + LIST_ITEM) >>> 2]!;
  const end = items + 4 * heap.i32[(l + LIST_ALLOCATED) >>> 2]!;
  if (end > heap.byteLength) heap.ensure(end);
  return items >>> 2;
}

// ------------------------------------------------------------------ reads

/**
 * list[i] (negative i from the end): a new reference, or IndexError. Lock-free
 * when it can be (list_get_item_ref), locked otherwise.
 */
export function listGetItemRef(ctx: ObjContext, l: number, i: number): number | PyExc {
  const heap = ctx.heap;
  if (l >= heap.byteLength) heap.ensure(l);
  // The first loads (ob_size, ob_item, the capacity, the slot) are plain
  // ("unordered") typed-array loads: Atomics.load is a builtin call in Node 20's V8
  // (~13 ns against ~1 ns, measured), and nothing here needs more. Aligned 32-bit
  // loads never tear; a stale ob_size only gives a result a concurrent operation
  // could have produced; the array is read through the pointer just loaded (an
  // address dependency: ordered on every CPU Node runs on, as CPython's acquire
  // load is on x86); and what was loaded is checked again by the two SeqCst loads
  // after the SeqCst tryIncref, which is what makes the result correct.
  const n = heap.i32[(l + LIST_SIZE) >>> 2]!;
  if (i < 0) i += n;
  if (i < 0 || i >= n) return new PyExc('IndexError', 'list index out of range');
  // Not ours and not shared yet: the locked path marks it shared.
  if ((heap.u8[l + OB_GC_BITS]! & GC_SHARED) === 0 && (heap.u32[l >>> 2]! & 0xffff) !== ctx.rc.tid) {
    return listGetItemLocked(ctx, l, i);
  }
  const items = heap.u32[(l + LIST_ITEM) >>> 2]!;
  if (items === 0) return listGetItemLocked(ctx, l, i);
  if (items + 4 * i + 4 > heap.byteLength) heap.ensure(items + 4 * i + 4);
  const u32 = heap.u32; // after ensure: never read through a view taken before it
  if (i >= u32[(items + LIST_ARRAY_CAP) >>> 2]!) return listGetItemLocked(ctx, l, i);
  const slot = (items >>> 2) + i;
  const item = u32[slot]!;
  if (item === 0 || !ctx.rc.tryIncref(item)) return listGetItemLocked(ctx, l, i);
  const i32 = heap.i32;
  if (loadPtrSeqCst(i32, slot) !== item || loadPtrSeqCst(i32, (l + LIST_ITEM) >>> 2) !== items) {
    ctx.rc.decref(item);
    return listGetItemLocked(ctx, l, i);
  }
  return item;
}

/** list[i] under the list's lock (list_item_impl in a critical section); i >= 0
 *  or negative from the end. */
export function listGetItemLocked(ctx: ObjContext, l: number, i: number): number | PyExc {
  ctx.begin(l);
  const heap = ctx.heap;
  const n = heap.i32[(l + LIST_SIZE) >>> 2]!;
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    ctx.end();
    return new PyExc('IndexError', 'list index out of range');
  }
  markSharedLockHeld(ctx, l);
  // itemWords may re-create the views: call it before reading heap.u32 (in
  // `heap.u32[itemWords(…)]` JS evaluates the stale view first, and a read past it
  // gives undefined — the race test found exactly that).
  const w = itemWords(ctx, l);
  const item = heap.u32[w + i]!;
  heap.ensure(item);
  ctx.rc.incref(item);
  // Let later lock-free reads of this item succeed although its owner alone may
  // count it (a shared count of 0 would make tryIncref fail).
  if ((heap.u32[item >>> 2]! & 0xffff) !== ctx.rc.tid) ctx.rc.setMaybeWeakref(item);
  ctx.end();
  return item;
}

/** list[start:stop] (step 1; indices clamped as PySequence_GetSlice): a new list. */
export function listSlice(ctx: ObjContext, l: number, start: number, stop: number): number | PyExc {
  const r = listNew(ctx);
  if (typeof r !== 'number') return r;
  ctx.begin(l);
  const n = ctx.heap.i32[(l + LIST_SIZE) >>> 2]!;
  if (start < 0) start = Math.max(0, start + n);
  if (stop < 0) stop = Math.max(0, stop + n);
  if (start > n) start = n;
  if (stop > n) stop = n;
  const m = stop > start ? stop - start : 0;
  let err: PyExc | null = null;
  if (m > 0) {
    // r is new and unshared: fill it directly (cap m exactly, as list_slice).
    const arr = allocArray(ctx, m);
    if (arr === 0) {
      err = memErr();
    } else {
      const src = itemWords(ctx, l);
      const u32 = ctx.heap.u32;
      const dst = arr >>> 2;
      for (let k = 0; k < m; k++) {
        const o = u32[src + start + k]!;
        ctx.rc.incref(o);
        u32[dst + k] = o;
      }
      const i32 = ctx.heap.i32;
      i32[(r + LIST_ITEM) >>> 2] = arr;
      i32[(r + LIST_ALLOCATED) >>> 2] = m;
      i32[(r + LIST_SIZE) >>> 2] = m;
    }
  }
  ctx.end();
  if (err !== null) {
    ctx.decref(r);
    return err;
  }
  return r;
}

// ------------------------------------------------------------------ the array

/** An item array of capacity `cap` whose slots from `zeroFrom` on are 0 (the
 *  caller fills the ones before); returns ob_item (block + 4) or 0. */
function allocArray(ctx: ObjContext, cap: number, zeroFrom = 0): number {
  const b = ctx.heap.malloc(listArrayBlockSize(cap), 0);
  if (b === 0) return 0;
  const heap = ctx.heap;
  heap.ensure(b + listArrayBlockSize(cap));
  heap.u32[b >>> 2] = cap;
  heap.u32.fill(0, (b >>> 2) + 1 + zeroFrom, (b >>> 2) + 1 + cap);
  return b + LIST_ARRAY_HEADER;
}

/** Frees an item array: at once if no other thread can be reading it, else after
 *  a QSBR grace period. */
function freeArray(ctx: ObjContext, l: number, items: number): void {
  if (isShared(ctx, l)) ctx.rc.qsbrDeferFree(items - LIST_ARRAY_HEADER);
  else ctx.heap.free(items - LIST_ARRAY_HEADER);
}

/**
 * list_resize of 3.11 for the array only (the caller updates ob_size): makes the
 * capacity fit `newsize` items, copying the first min(oldsize, newsize) items.
 * Lock held. Returns false on MemoryError (list unchanged).
 */
function resizeLockHeld(ctx: ObjContext, l: number, newsize: number, oldsize: number): boolean {
  const heap = ctx.heap;
  const allocated = heap.i32[(l + LIST_ALLOCATED) >>> 2]!;
  if (allocated >= newsize && newsize >= (allocated >> 1)) return true;
  let newAllocated = (newsize + (newsize >> 3) + 6) & ~3;
  if (newsize - oldsize > newAllocated - newsize) newAllocated = (newsize + 3) & ~3;
  if (newsize === 0) newAllocated = 0;
  if (newAllocated > MAX_LIST) return false;
  const old = heap.u32[(l + LIST_ITEM) >>> 2]!;
  let arr = 0;
  if (newAllocated > 0) {
    const keep = oldsize < newsize ? oldsize : newsize;
    arr = allocArray(ctx, newAllocated, keep);
    if (arr === 0) return false;
    const s = itemWords(ctx, l);
    // A bulk copy is safe here: the new array is not published yet, and no other
    // thread writes the old one (we hold the lock); readers only read it.
    ctx.heap.u32.copyWithin(arr >>> 2, s, s + keep);
  }
  const i32 = ctx.heap.i32;
  // Capacity first: a reader bounds-checks against the array it loaded, never
  // against `allocated`.
  i32[(l + LIST_ALLOCATED) >>> 2] = newAllocated;
  storeSeqCst(i32, (l + LIST_ITEM) >>> 2, arr);
  if (old !== 0) freeArray(ctx, l, old);
  return true;
}

// ------------------------------------------------------------------ writes

/** list.append(item) (PyList_Append; item borrowed). Atomic. */
export function listAppend(ctx: ObjContext, l: number, item: number): PyExc | null {
  ctx.begin(l);
  const heap = ctx.heap;
  const n = heap.i32[(l + LIST_SIZE) >>> 2]!;
  // Fast path: room in the array.
  if (n < heap.i32[(l + LIST_ALLOCATED) >>> 2]!) {
    ctx.rc.incref(item);
    const w = itemWords(ctx, l);
    storeSeqCst(heap.i32, w + n, item);
    storeSeqCst(heap.i32, (l + LIST_SIZE) >>> 2, n + 1);
    ctx.end();
    return null;
  }
  return appendSlow(ctx, l, item, n);
}

function appendSlow(ctx: ObjContext, l: number, item: number, n: number): PyExc | null {
  if (n >= MAX_LIST) {
    ctx.end();
    return memErr();
  }
  markSharedLockHeld(ctx, l);
  if (!resizeLockHeld(ctx, l, n + 1, n)) {
    ctx.end();
    return memErr();
  }
  const heap = ctx.heap;
  ctx.rc.incref(item);
  const w = itemWords(ctx, l);
  storeSeqCst(heap.i32, w + n, item);
  storeSeqCst(heap.i32, (l + LIST_SIZE) >>> 2, n + 1);
  ctx.end();
  return null;
}

/** list.insert(i, item) (ins1: i clamped to [0, n] after adding n to a negative i). */
export function listInsert(ctx: ObjContext, l: number, i: number, item: number): PyExc | null {
  ctx.begin(l);
  markSharedLockHeld(ctx, l);
  const n = ctx.heap.i32[(l + LIST_SIZE) >>> 2]!;
  if (n >= MAX_LIST || !resizeLockHeld(ctx, l, n + 1, n)) {
    ctx.end();
    return memErr();
  }
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  const w = itemWords(ctx, l);
  const i32 = ctx.heap.i32;
  // Shift up one pointer at a time (a reader may load any slot meanwhile; each
  // slot always holds a pointer the list owns or 0).
  for (let k = n; k > i; k--) storeSeqCst(i32, w + k, i32[w + k - 1]!);
  ctx.rc.incref(item);
  storeSeqCst(i32, w + i, item);
  storeSeqCst(i32, (l + LIST_SIZE) >>> 2, n + 1);
  ctx.end();
  return null;
}

/** Removes item i (0 <= i < n) with the lock held; returns the reference it held. */
function removeLockHeld(ctx: ObjContext, l: number, i: number, n: number): number {
  const w = itemWords(ctx, l);
  let i32 = ctx.heap.i32;
  const item = i32[w + i]! >>> 0;
  for (let k = i; k < n - 1; k++) storeSeqCst(i32, w + k, i32[w + k + 1]!);
  storeSeqCst(i32, w + n - 1, 0);
  // Shrinking never fails for want of memory in CPython's sense: keep the old
  // array when a smaller one cannot be had.
  resizeLockHeld(ctx, l, n - 1, n);
  i32 = ctx.heap.i32;
  storeSeqCst(i32, (l + LIST_SIZE) >>> 2, n - 1);
  return item;
}

/** list.pop(i) (default -1): the item (new reference), or IndexError. Atomic. */
export function listPop(ctx: ObjContext, l: number, i = -1): number | PyExc {
  ctx.begin(l);
  markSharedLockHeld(ctx, l);
  const n = ctx.heap.i32[(l + LIST_SIZE) >>> 2]!;
  if (n === 0) {
    ctx.end();
    return new PyExc('IndexError', 'pop from empty list');
  }
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    ctx.end();
    return new PyExc('IndexError', 'pop index out of range');
  }
  const item = removeLockHeld(ctx, l, i, n);
  ctx.end();
  return item;
}

/** del list[i]: IndexError 'list assignment index out of range'. */
export function listDelItem(ctx: ObjContext, l: number, i: number): PyExc | null {
  ctx.begin(l);
  markSharedLockHeld(ctx, l);
  const n = ctx.heap.i32[(l + LIST_SIZE) >>> 2]!;
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    ctx.end();
    return new PyExc('IndexError', 'list assignment index out of range');
  }
  const item = removeLockHeld(ctx, l, i, n);
  ctx.end();
  ctx.decref(item); // outside the lock: may run a destructor
  return null;
}

/** list[i] = item (item borrowed). Atomic. */
export function listSetItem(ctx: ObjContext, l: number, i: number, item: number): PyExc | null {
  const old = listExchangeItem(ctx, l, i, item);
  if (old instanceof PyExc) return old;
  ctx.decref(old); // outside the lock: may run a destructor
  return null;
}

/** list[i] = item, returning the item it replaced (a new reference — the one the
 *  list held), in one critical section. Not a Python operation: for the
 *  interpreter's helpers and for tests that account for every reference. */
export function listExchangeItem(ctx: ObjContext, l: number, i: number, item: number): number | PyExc {
  ctx.begin(l);
  markSharedLockHeld(ctx, l);
  const heap = ctx.heap;
  const n = heap.i32[(l + LIST_SIZE) >>> 2]!;
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    ctx.end();
    return new PyExc('IndexError', 'list assignment index out of range');
  }
  const slot = itemWords(ctx, l) + i;
  ctx.rc.incref(item);
  const old = heap.i32[slot]! >>> 0;
  storeSeqCst(heap.i32, slot, item);
  ctx.end();
  return old;
}

/** list.extend(items) for a sequence of objects (borrowed). Atomic. */
export function listExtend(ctx: ObjContext, l: number, items: ArrayLike<number>): PyExc | null {
  const m = items.length;
  if (m === 0) return null;
  ctx.begin(l);
  markSharedLockHeld(ctx, l);
  const n = ctx.heap.i32[(l + LIST_SIZE) >>> 2]!;
  if (n + m > MAX_LIST || !resizeLockHeld(ctx, l, n + m, n)) {
    ctx.end();
    return memErr();
  }
  const w = itemWords(ctx, l);
  const i32 = ctx.heap.i32;
  for (let k = 0; k < m; k++) {
    const o = items[k]!;
    ctx.rc.incref(o);
    storeSeqCst(i32, w + n + k, o);
  }
  storeSeqCst(i32, (l + LIST_SIZE) >>> 2, n + m);
  ctx.end();
  return null;
}

/** a.extend(b) for two lists: both locked in address order (a.extend(a) too). */
export function listExtendList(ctx: ObjContext, a: number, b: number): PyExc | null {
  ctx.begin2(a, b);
  const heap = ctx.heap;
  const m = heap.i32[(b + LIST_SIZE) >>> 2]!;
  const src = itemWords(ctx, b);
  const snapshot: number[] = [];
  for (let k = 0; k < m; k++) snapshot.push(heap.u32[src + k]!);
  const r = m === 0 ? null : listExtend(ctx, a, snapshot); // re-entrant: a is held
  ctx.end();
  return r;
}

/** list.clear(): ob_item = NULL, size and allocated 0, then the items dropped. */
export function listClear(ctx: ObjContext, l: number): void {
  ctx.begin(l);
  markSharedLockHeld(ctx, l);
  const heap = ctx.heap;
  const n = heap.i32[(l + LIST_SIZE) >>> 2]!;
  const items = heap.u32[(l + LIST_ITEM) >>> 2]!;
  const dropped: number[] = [];
  if (items !== 0) {
    const w = itemWords(ctx, l);
    const i32 = heap.i32;
    for (let k = 0; k < n; k++) {
      dropped.push(i32[w + k]! >>> 0);
      storeSeqCst(i32, w + k, 0);
    }
    storeSeqCst(i32, (l + LIST_SIZE) >>> 2, 0);
    storeSeqCst(i32, (l + LIST_ITEM) >>> 2, 0);
    i32[(l + LIST_ALLOCATED) >>> 2] = 0;
    freeArray(ctx, l, items);
  }
  ctx.end();
  for (const o of dropped) ctx.decref(o);
}

/** A snapshot of the items (new references), taken under the lock. */
export function listItems(ctx: ObjContext, l: number): number[] {
  ctx.begin(l);
  const heap = ctx.heap;
  const n = heap.i32[(l + LIST_SIZE) >>> 2]!;
  const w = itemWords(ctx, l);
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const o = heap.u32[w + k]!;
    ctx.rc.incref(o);
    out.push(o);
  }
  ctx.end();
  return out;
}

// ------------------------------------------------------------------ protocol

/** list_richcompare: both lists locked while compared (a snapshot each). */
export function listRichCompare(ctx: ObjContext, a: number, b: number, op: CompareOp): boolean | PyExc | typeof NOT_IMPLEMENTED {
  if (ctx.typeOf(b) !== ctx.tList) return NOT_IMPLEMENTED;
  const xa = listItems(ctx, a);
  const xb = listItems(ctx, b);
  try {
    if ((op === Py_EQ || op === Py_NE) && xa.length !== xb.length) return op === Py_NE;
    let i = 0;
    for (; i < xa.length && i < xb.length; i++) {
      const eq = ctx.richCompareBool(xa[i]!, xb[i]!, Py_EQ);
      if (eq instanceof PyExc) return eq;
      if (!eq) break;
    }
    if (i >= xa.length || i >= xb.length) return cmpResult(xa.length - xb.length, op);
    if (op === Py_EQ) return false;
    if (op === Py_NE) return true;
    return ctx.richCompareBool(xa[i]!, xb[i]!, op);
  } finally {
    for (const o of xa) ctx.decref(o);
    for (const o of xb) ctx.decref(o);
  }
}

/** repr(list): '[a, b]'; '[...]' for a list inside itself. */
export function listRepr(ctx: ObjContext, l: number): string | PyExc {
  if (ctx.reprActive.has(l)) return '[...]';
  const xs = listItems(ctx, l);
  ctx.reprActive.add(l);
  try {
    const parts: string[] = [];
    for (const o of xs) {
      const r = ctx.reprOf(o);
      if (r instanceof PyExc) return r;
      parts.push(r);
    }
    return `[${parts.join(', ')}]`;
  } finally {
    ctx.reprActive.delete(l);
    for (const o of xs) ctx.decref(o);
  }
}

/** Deallocator: drops the items, frees the array at once (nobody can read a list
 *  whose count reached zero) and the object; through the trashcan. */
export function listDealloc(l: number, rc: ThreadContext): void {
  trashcanDealloc(l, rc, listDeallocBody);
}

function listDeallocBody(l: number, rc: ThreadContext): void {
  rc.ensure(l);
  const n = rc.u32[(l + LIST_SIZE) >>> 2]!;
  const items = rc.u32[(l + LIST_ITEM) >>> 2]!;
  if (items !== 0) {
    rc.ensure(items + 4 * n);
    for (let k = 0; k < n; k++) {
      const o = rc.u32[(items >>> 2) + k]!;
      if (o !== 0) rc.decref(o);
    }
    rc.freeBlock(items - LIST_ARRAY_HEADER);
  }
  rc.freeBlock(l);
}
