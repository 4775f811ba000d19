// Biased reference counting (PEP 703) as pure functions over views of the shared
// memory. They never allocate, free or call a deallocator: each returns what the
// caller must do next (`ACT_*`), so the whole state machine can be model-tested
// from one JS thread with simulated thread ids (test/biased.model.test.ts), and
// the runtime (thread.ts) wires the actions to the merge queue and deallocators.
//
// The protocol follows CPython 3.13's Include/internal/pycore_object.h,
// Objects/object.c (_Py_DecRefShared, _Py_MergeZeroLocalRefcount,
// _Py_ExplicitMergeRefcount, _Py_TryIncRefShared) and Python/brc.c; the state
// table is in docs/internals/refcount.md.
//
// Who may call what:
//   increfAs/decrefAs/tryIncrefAs   any thread, passing its own tid
//   mergeZeroLocal                  the owner only (its local count just hit 0)
//   explicitMerge                   the owner (queue processing, exit), or anyone
//                                   once the owner is gone (closed queue)
//   initObject/setImmortal/setDeferred  the creating thread, before sharing

import {
  addSeqCst, casSeqCst, casU16SeqCst, loadRelaxed, loadSeqCst, orU8SeqCst, storeU16SeqCst,
} from './atomics.js';
import {
  GC_DEFERRED, IMMORTAL_LOCAL, OB_GC_BITS, OB_REF_LOCAL, OB_REF_SHARED, OB_TYPE, REF_MAYBE_WEAKREF,
  REF_MERGED, REF_QUEUED, REF_SHARED_FLAG_MASK, REF_SHARED_ONE, REF_SHARED_SHIFT,
} from './layout.js';

/** Typed-array views of the whole shared memory (all over the same buffer). */
export interface HeapViews {
  u8: Uint8Array;
  u16: Uint16Array;
  u32: Uint32Array;
  i32: Int32Array;
}

/** Nothing more to do. */
export const ACT_NONE = 0;
/** The count reached zero: the caller runs the deallocator (exactly once). */
export const ACT_DEALLOC = 1;
/** A non-owner's decrement found the shared count at zero and set QUEUED: the
 *  caller must hand the object to its owner (see queueToOwner). */
export const ACT_QUEUE = 2;
export type RefAction = typeof ACT_NONE | typeof ACT_DEALLOC | typeof ACT_QUEUE;

/** Writes a fresh header: owned by `tid`, count 1, given type. */
export function initObject(v: HeapViews, tid: number, ptr: number, type: number): void {
  v.u16[ptr >>> 1] = tid;
  v.u8[ptr + 2] = 0;
  v.u8[ptr + OB_GC_BITS] = 0;
  v.u32[(ptr + OB_REF_LOCAL) >>> 2] = 1;
  v.i32[(ptr + OB_REF_SHARED) >>> 2] = 0;
  v.u32[(ptr + OB_TYPE) >>> 2] = type;
}

/** Makes an object immortal: no refcount write ever again. Before sharing it. */
export function setImmortal(v: HeapViews, ptr: number): void {
  v.u32[(ptr + OB_REF_LOCAL) >>> 2] = IMMORTAL_LOCAL;
  v.i32[(ptr + OB_REF_SHARED) >>> 2] = 0;
  storeU16SeqCst(v.u16, ptr >>> 1, 0);
}

export function isImmortal(v: HeapViews, ptr: number): boolean {
  return v.u32[(ptr + OB_REF_LOCAL) >>> 2] === IMMORTAL_LOCAL;
}

/** Deferred reference counting: sets GC_DEFERRED and adds the one shared reference
 *  that only the cycle collector may drop. By the creating thread, before sharing.
 *  Idempotent. */
export function setDeferred(v: HeapViews, ptr: number): void {
  if (isImmortal(v, ptr) || (v.u8[ptr + OB_GC_BITS] & GC_DEFERRED) !== 0) return;
  orU8SeqCst(v.u8, ptr + OB_GC_BITS, GC_DEFERRED);
  addSeqCst(v.i32, (ptr + OB_REF_SHARED) >>> 2, REF_SHARED_ONE);
}

export function isDeferred(v: HeapViews, ptr: number): boolean {
  return (v.u8[ptr + OB_GC_BITS] & GC_DEFERRED) !== 0;
}

/** Py_INCREF. Owner: plain store. Others: atomic add. Immortal: nothing. */
export function increfAs(v: HeapViews, tid: number, ptr: number): void {
  const li = (ptr + OB_REF_LOCAL) >>> 2;
  const local = v.u32[li]!;
  if (local === IMMORTAL_LOCAL) return;
  if (v.u16[ptr >>> 1] === tid) {
    v.u32[li] = local + 1; // 0xFFFFFFFE + 1 saturates into immortality, as in CPython
  } else {
    addSeqCst(v.i32, li + 1, REF_SHARED_ONE);
  }
}

/** Py_DECREF. Returns ACT_DEALLOC when the caller must free the object, ACT_QUEUE
 *  when it must hand it to its owner. */
export function decrefAs(v: HeapViews, tid: number, ptr: number): RefAction {
  const li = (ptr + OB_REF_LOCAL) >>> 2;
  const local = v.u32[li]!;
  if (local === IMMORTAL_LOCAL) return ACT_NONE;
  if (v.u16[ptr >>> 1] === tid) {
    const n = local - 1;
    v.u32[li] = n;
    return n === 0 ? mergeZeroLocal(v, ptr) : ACT_NONE;
  }
  return decrefShared(v, ptr);
}

/** Non-owner decrement (CPython _Py_DecRefShared). */
export function decrefShared(v: HeapViews, ptr: number): RefAction {
  const si = (ptr + OB_REF_SHARED) >>> 2;
  let shared = loadRelaxed(v.i32, si); // a guess: the CAS below validates it
  for (;;) {
    // Count 0 and neither queued nor merged: the owner's local count holds the
    // reference we drop. Do not subtract; QUEUED means "the queue entry holds it".
    const queue = shared === 0 || shared === REF_MAYBE_WEAKREF;
    const next = queue ? REF_QUEUED : shared - REF_SHARED_ONE;
    const seen = casSeqCst(v.i32, si, shared, next);
    if (seen === shared) {
      if (queue) return ACT_QUEUE;
      return next === REF_MERGED ? ACT_DEALLOC : ACT_NONE;
    }
    shared = seen;
  }
}

/** The owner's local count reached 0 (CPython _Py_MergeZeroLocalRefcount). */
export function mergeZeroLocal(v: HeapViews, ptr: number): RefAction {
  const si = (ptr + OB_REF_SHARED) >>> 2;
  let shared = loadSeqCst(v.i32, si);
  if (shared === 0) return ACT_DEALLOC; // never shared: the common case
  // Give up ownership before publishing MERGED, so that a thread that queues the
  // object and then reads ob_tid sees 0 and decrements itself.
  storeU16SeqCst(v.u16, ptr >>> 1, 0);
  for (;;) {
    const next = (shared & ~REF_SHARED_FLAG_MASK) | REF_MERGED;
    const seen = casSeqCst(v.i32, si, shared, next);
    if (seen === shared) return next === REF_MERGED ? ACT_DEALLOC : ACT_NONE;
    shared = seen;
  }
}

/** Folds local into shared and marks MERGED; `extra` is added to the total (-1
 *  when processing a queue entry, which held one reference). Returns the new total
 *  count (CPython _Py_ExplicitMergeRefcount). The caller deallocates at 0. */
export function explicitMerge(v: HeapViews, ptr: number, extra: number): number {
  const li = (ptr + OB_REF_LOCAL) >>> 2;
  const si = li + 1;
  let shared = loadRelaxed(v.i32, si); // validated by the CAS
  for (;;) {
    const total = (shared >> REF_SHARED_SHIFT) + v.u32[li]! + extra;
    const next = (total << REF_SHARED_SHIFT) | REF_MERGED;
    const seen = casSeqCst(v.i32, si, shared, next);
    if (seen === shared) {
      v.u32[li] = 0;
      storeU16SeqCst(v.u16, ptr >>> 1, 0);
      return total;
    }
    shared = seen;
  }
}

/** Where a queued object goes. `pushToOwner(owner, ptr)` returns false when the
 *  owner's queue is closed (it exited). Returns the action left for the caller. */
export function queueToOwner(
  v: HeapViews, tid: number, ptr: number, pushToOwner: (owner: number, ptr: number) => boolean,
): RefAction {
  const owner = v.u16[ptr >>> 1]!;
  if (owner === 0) {
    // The owner merged concurrently: the reference the queue would hold is now in
    // the merged count; drop it like any non-owner (CPython _Py_brc_queue_object).
    return decrefAs(v, tid, ptr);
  }
  if (pushToOwner(owner, ptr)) return ACT_NONE;
  return mergeOrphan(v, tid, ptr, owner);
}

/** The owner of `ptr` exited without merging it (its queue is closed): whoever
 *  finds the object merges it. Several threads may find it at once, so they first
 *  claim it by CAS of `ob_tid` from the dead owner's id to 0; only the winner reads
 *  and clears `ob_ref_local`. The losers (and the winner) then drop the reference
 *  the queue would have held. Returns ACT_DEALLOC when the count reached zero. */
export function mergeOrphan(v: HeapViews, tid: number, ptr: number, owner: number): RefAction {
  if (casU16SeqCst(v.u16, ptr >>> 1, owner, 0) === owner) {
    return explicitMerge(v, ptr, -1) === 0 ? ACT_DEALLOC : ACT_NONE;
  }
  // Someone else claimed it (ob_tid is 0 now): an ordinary shared decrement.
  return decrefAs(v, tid, ptr);
}

/** The owner processes one entry of its merge queue (CPython brc.c). */
export function mergeQueued(v: HeapViews, ptr: number): RefAction {
  return explicitMerge(v, ptr, -1) === 0 ? ACT_DEALLOC : ACT_NONE;
}

/** Merges one block if `tid` owns it (live objects it owns have a non-zero local
 *  count): used by the reclaim walk, with the world stopped, for exited owners. */
export function mergeIfOwned(v: HeapViews, tid: number, ptr: number): RefAction {
  if (v.u16[ptr >>> 1] !== tid) return ACT_NONE;
  const local = v.u32[(ptr + OB_REF_LOCAL) >>> 2]!;
  if (local === 0 || local === IMMORTAL_LOCAL) return ACT_NONE;
  return explicitMerge(v, ptr, 0) === 0 ? ACT_DEALLOC : ACT_NONE;
}

/** Incref for lock-free readers (CPython _Py_TryIncref): fails when the object may
 *  already be dead (shared count 0 without MAYBE_WEAKREF, or merged with count 0).
 *  A reader must re-validate the slot it loaded `ptr` from after success (and
 *  decref on mismatch): the block may have been freed and reused. */
export function tryIncrefAs(v: HeapViews, tid: number, ptr: number): boolean {
  const li = (ptr + OB_REF_LOCAL) >>> 2;
  const local = v.u32[li]!;
  if (local === IMMORTAL_LOCAL) return true;
  if (local !== 0 && v.u16[ptr >>> 1] === tid) {
    v.u32[li] = local + 1;
    return true;
  }
  const si = li + 1;
  let shared = loadRelaxed(v.i32, si); // validated by the CAS, or re-read below
  for (;;) {
    if (shared === 0 || shared === REF_MERGED) {
      const now = loadSeqCst(v.i32, si);
      if (now === shared) return false;
      shared = now;
      continue;
    }
    const seen = casSeqCst(v.i32, si, shared, shared + REF_SHARED_ONE);
    if (seen === shared) return true;
    shared = seen;
  }
}

/** Marks the object as possibly reached by lock-free readers, so that `tryIncref`
 *  succeeds while the owner alone holds it (CPython _PyObject_SetMaybeWeakref).
 *  Any thread. */
export function setMaybeWeakref(v: HeapViews, ptr: number): void {
  const si = (ptr + OB_REF_SHARED) >>> 2;
  if (v.u32[si - 1] === IMMORTAL_LOCAL) return;
  let shared = loadRelaxed(v.i32, si); // validated by the CAS
  for (;;) {
    if ((shared & REF_SHARED_FLAG_MASK) !== 0) return;
    const seen = casSeqCst(v.i32, si, shared, shared | REF_MAYBE_WEAKREF);
    if (seen === shared) return;
    shared = seen;
  }
}

/** Stack reference (eval loop): skips deferred objects. */
export function increfStackAs(v: HeapViews, tid: number, ptr: number): void {
  if ((v.u8[ptr + OB_GC_BITS]! & GC_DEFERRED) !== 0) return;
  increfAs(v, tid, ptr);
}

export function decrefStackAs(v: HeapViews, tid: number, ptr: number): RefAction {
  if ((v.u8[ptr + OB_GC_BITS]! & GC_DEFERRED) !== 0) return ACT_NONE;
  return decrefAs(v, tid, ptr);
}

/** The true count as far as one thread can tell (sys.getrefcount); racy by nature.
 *  Immortal objects report IMMORTAL_LOCAL. */
export function refcountOf(v: HeapViews, ptr: number): number {
  const li = (ptr + OB_REF_LOCAL) >>> 2;
  const local = v.u32[li]!;
  if (local === IMMORTAL_LOCAL) return IMMORTAL_LOCAL;
  return local + (loadSeqCst(v.i32, li + 1) >> REF_SHARED_SHIFT);
}

/** State bits of ob_ref_shared (REF_DEFAULT/MAYBE_WEAKREF/QUEUED/MERGED). */
export function sharedStateOf(v: HeapViews, ptr: number): number {
  return loadSeqCst(v.i32, (ptr + OB_REF_SHARED) >>> 2) & REF_SHARED_FLAG_MASK;
}
