// ThreadHost: what the lock, the parking lot and the critical sections need from
// the calling thread, as an interface so that those mechanisms do not import the
// per-thread context (context.ts implements it; no import cycle).
//
// Views: `heap` is the thread's @pynogil/allocator ThreadHeap; its u8/i32/u32/f64
// views are re-created when the memory grows (heap.ensure(ptr) before using an
// offset that came from another thread). Never keep a view across a malloc.

import type { ThreadHeap } from '@pynogil/allocator';

export interface LockStats {
  /** Times this thread parked (slept in Atomics.wait) on an object lock. */
  parks: number;
  /** Times this thread received a lock by hand-off from its unlocker. */
  handoffsReceived: number;
  /** Times this thread handed a lock to a waiter that waited >= 1 ms. */
  handoffsGiven: number;
}

export interface ThreadHost {
  readonly heap: ThreadHeap;
  /** Byte offset of the parking-lot bucket array; bucket count - 1. */
  readonly lotBase: number;
  readonly lotMask: number;
  /** This thread's wait node (layout.ts WAITER_*). */
  readonly waiter: number;
  readonly lockStats: LockStats;
  /** Before sleeping in the parking lot: suspends this thread's critical sections
   *  (releasing their locks) and detaches it from the refcount runtime, so that a
   *  stop-the-world does not wait for it and no lock-order deadlock is possible. */
  detach(): void;
  /** After waking: re-attaches (waits out a stop-the-world) and re-locks the
   *  innermost critical section. */
  attach(): void;
}
