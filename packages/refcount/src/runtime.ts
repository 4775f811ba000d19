// The runtime block: one per heap, created by the first thread, found by the others
// through the offset the embedder hands them (or an allocator root slot, see
// heap.ts). Layout and field owners: layout.ts (RT_*, SLOT_*).
//
// Creation initialises every slot FREE with its merge queue CLOSED, so a push to a
// thread id that is not registered fails and the pusher merges by itself.

import { currentBuffer } from '@pynogil/allocator';
import { loadSeqCst, storeSeqCst } from './atomics.js';
import { RefcountUsageError } from './thread-state.js';
import type { HeapPort } from './core.js';
import {
  MAX_THREADS, QSBR_INITIAL, QUEUE_CLOSED, RT_CAPACITY, RT_HEADER_SIZE, RT_MAGIC,
  RT_MAGIC_VALUE, RT_QSBR_RD_SEQ, RT_QSBR_WR_SEQ, SLOT_QUEUE, SLOT_SIZE,
} from './layout.js';

export interface RuntimeInfo {
  readonly rt: number;
  readonly capacity: number;
}

const TAG_RAW = 0 as const;

/** Allocates and initialises a runtime block for up to `maxThreads` threads.
 *  Before any thread joins. Returns its offset. */
export function createRuntime(port: HeapPort, maxThreads = 128): number {
  if (!(maxThreads >= 1 && maxThreads <= MAX_THREADS)) {
    throw new RefcountUsageError(`maxThreads must be in 1..${MAX_THREADS}`);
  }
  const bytes = RT_HEADER_SIZE + maxThreads * SLOT_SIZE;
  const rt = port.malloc(bytes, TAG_RAW);
  if (rt === 0) throw new RangeError('@pynogil/refcount: out of memory creating the runtime');
  const i32 = new Int32Array(currentBuffer(port.memory, rt + bytes));
  i32.fill(0, rt >>> 2, (rt + bytes) >>> 2);
  const w = rt >>> 2;
  i32[w + (RT_CAPACITY >>> 2)] = maxThreads;
  i32[w + (RT_QSBR_WR_SEQ >>> 2)] = QSBR_INITIAL;
  i32[w + (RT_QSBR_RD_SEQ >>> 2)] = QSBR_INITIAL;
  for (let k = 0; k < maxThreads; k++) {
    i32[((rt + RT_HEADER_SIZE + k * SLOT_SIZE + SLOT_QUEUE) >>> 2)] = QUEUE_CLOSED;
  }
  storeSeqCst(i32, w + (RT_MAGIC >>> 2), RT_MAGIC_VALUE); // publishes the block
  return rt;
}

/** Checks that `rt` is a runtime block. */
export function openRuntime(port: HeapPort, rt: number): RuntimeInfo {
  const i32 = new Int32Array(currentBuffer(port.memory, rt + RT_HEADER_SIZE));
  if (rt === 0 || (rt & 3) !== 0 || loadSeqCst(i32, (rt + RT_MAGIC) >>> 2) !== RT_MAGIC_VALUE) {
    throw new RefcountUsageError(`no refcount runtime at offset ${rt}`);
  }
  return { rt, capacity: i32[(rt + RT_CAPACITY) >>> 2]! };
}
