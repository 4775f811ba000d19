// Glue to @pynogil/allocator: start or join the refcount runtime of a heap, find it
// through the allocator's root slot ROOT_REFCOUNT, and install the QSBR-backed page
// reuse gate on the thread's heap. A ThreadHeap is a HeapPort as it is.

import type { ThreadHeap } from '@pynogil/allocator';
import { RefcountUsageError } from './thread-state.js';
import { ThreadContext } from './thread.js';

/** Allocator root slot holding the runtime block's offset. Other packages: take
 *  another slot. */
export const ROOT_REFCOUNT = 0;

export interface StartOptions {
  /** Thread slots (thread ids 1..maxThreads); default 128. */
  maxThreads?: number;
}

/** On the thread that created the heap: creates the runtime, publishes it in the
 *  root slot, joins it and installs the reuse gate. */
export function startRefcount(heap: ThreadHeap, options: StartOptions = {}): ThreadContext {
  if (heap.loadRoot(ROOT_REFCOUNT) !== 0) throw new RefcountUsageError('refcount runtime already started on this heap');
  const ctx = ThreadContext.create(heap, options.maxThreads ?? 128);
  heap.storeRoot(ROOT_REFCOUNT, ctx.rt);
  heap.setReuseGate(ctx.reuseGate());
  return ctx;
}

/** On any other thread, after attachHeap: joins the runtime and installs the gate. */
export function joinRefcount(heap: ThreadHeap): ThreadContext {
  const rt = heap.loadRoot(ROOT_REFCOUNT);
  if (rt === 0) throw new RefcountUsageError('no refcount runtime on this heap (call startRefcount first)');
  const ctx = ThreadContext.join(heap, rt);
  heap.setReuseGate(ctx.reuseGate());
  return ctx;
}
