// The parking lot: where a thread that cannot take an object's lock sleeps, keyed
// by the address of the lock byte (Atomics.wait needs an Int32Array word, and a
// one-byte lock in a 16-byte header has none of its own). As in WebKit's
// WTF::ParkingLot and CPython 3.13's Python/parking_lot.c, a fixed table of
// buckets in the heap holds FIFO lists of waiting threads; each thread sleeps on
// the futex word of its own wait node, so an unpark wakes exactly the thread it
// chose. Layout of buckets and nodes: layout.ts (PARKING_*, WAITER_*).
//
// Protocol (lock.ts is the only user):
//   park      under the bucket lock, re-check that the lock byte still has the
//             value the parker expects (the unlocker changes it only under the
//             same bucket lock when waiters exist), enqueue, release the bucket,
//             detach, sleep until the node's futex word is non-zero, attach.
//   unparkOne under the bucket lock, dequeue the first waiter of the address,
//             let the caller compute the new lock byte from (found, more waiters,
//             waited >= 1 ms) and store it while still holding the bucket lock,
//             release the bucket, then wake the waiter.

import {
  casSeqCst, exchangeSeqCst, loadSeqCst, loadU8SeqCst, notifySeqCst, storeSeqCst, waitSeqCst,
} from './atomics.js';
import {
  BUCKET_HEAD, BUCKET_LOCK, BUCKET_SIZE, WAITER_FUTEX, WAITER_KEY, WAITER_NEXT, WAITER_SIZE, WAITER_TIME,
  WAKE_NONE,
} from './layout.js';
import type { ThreadHost } from './host.js';

/** Milliseconds on a clock that all workers share (timeOrigin differs per worker,
 *  timeOrigin + now does not). */
export function sharedClockMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Bucket of a lock address (Fibonacci hashing of the word address). */
function bucketOf(host: ThreadHost, addr: number): number {
  return host.lotBase + ((Math.imul(addr >>> 2, 0x9e3779b1) >>> 16) & host.lotMask) * BUCKET_SIZE;
}

// Bucket lock word: 0 free, 1 held, 2 held and someone sleeps on it. Held for a
// few loads and stores, never across a wait or a call that can park.
function lockBucket(host: ThreadHost, b: number): void {
  const i32 = host.heap.i32;
  const w = (b + BUCKET_LOCK) >>> 2;
  if (casSeqCst(i32, w, 0, 1) === 0) return;
  for (let spin = 0; spin < 64; spin++) {
    if (loadSeqCst(i32, w) === 0 && casSeqCst(i32, w, 0, 1) === 0) return;
  }
  // Sleep (still attached: the holder never waits for anything while holding it).
  while (exchangeSeqCst(i32, w, 2) !== 0) waitSeqCst(i32, w, 2);
}

function unlockBucket(host: ThreadHost, b: number): void {
  const i32 = host.heap.i32;
  const w = (b + BUCKET_LOCK) >>> 2;
  if (exchangeSeqCst(i32, w, 0) === 2) notifySeqCst(i32, w, 1);
}

/** Result of `park`: the lock byte had changed (retry), or the futex value the
 *  unparker stored (WAKE_NORMAL or WAKE_HANDOFF). */
export const PARK_AGAIN = -1;

/**
 * Sleeps until an unparkOne on `addr` picks this thread, provided the byte at
 * `addr` still equals `expected` once the bucket is locked.
 */
export function park(host: ThreadHost, addr: number, expected: number): number {
  const b = bucketOf(host, addr);
  lockBucket(host, b);
  const heap = host.heap;
  if (loadU8SeqCst(heap.u8, addr) !== expected) {
    unlockBucket(host, b);
    return PARK_AGAIN;
  }
  const node = host.waiter;
  const u32 = heap.u32;
  u32[(node + WAITER_NEXT) >>> 2] = 0;
  u32[(node + WAITER_KEY) >>> 2] = addr;
  heap.f64[(node + WAITER_TIME) >>> 3] = sharedClockMs();
  storeSeqCst(heap.i32, (node + WAITER_FUTEX) >>> 2, WAKE_NONE);
  // Append at the tail (lists are short: the waiters of one bucket).
  const hw = (b + BUCKET_HEAD) >>> 2;
  let p = u32[hw]!;
  if (p === 0) {
    u32[hw] = node;
  } else {
    // Other threads' nodes may lie past this thread's views (memory grew since):
    // ensure before every dereference, or a read of `undefined` would loop forever
    // with the bucket locked.
    heap.ensure(p + WAITER_SIZE);
    while (heap.u32[(p + WAITER_NEXT) >>> 2] !== 0) {
      p = heap.u32[(p + WAITER_NEXT) >>> 2]!;
      heap.ensure(p + WAITER_SIZE);
    }
    heap.u32[(p + WAITER_NEXT) >>> 2] = node;
  }
  unlockBucket(host, b);
  host.lockStats.parks++;
  // Detach after enqueueing: detaching suspends this thread's critical sections,
  // which may unlock the very lock we wait for and so unpark us (we then return
  // at once and retry).
  host.detach();
  const fw = (node + WAITER_FUTEX) >>> 2;
  let r: number;
  // `heap.i32` may be re-created by another thread's growth only through this
  // thread's refresh, which does not happen while we sleep; the node is ours.
  while ((r = loadSeqCst(host.heap.i32, fw)) === WAKE_NONE) waitSeqCst(host.heap.i32, fw, WAKE_NONE);
  host.attach();
  return r;
}

/**
 * Dequeues the first waiter on `addr` and calls `decide(found, hasMore,
 * waitedMs)` with the bucket locked; `decide` stores the new lock byte and
 * returns the futex value for the waiter (ignored when none was found). Then
 * wakes the waiter.
 */
export function unparkOne(
  host: ThreadHost, addr: number, decide: (found: boolean, hasMore: boolean, waitedMs: number) => number,
): void {
  const b = bucketOf(host, addr);
  lockBucket(host, b);
  const heap = host.heap;
  const hw = (b + BUCKET_HEAD) >>> 2;
  let prev = 0;
  let p = heap.u32[hw]!;
  // ensure before each node: see park.
  while (p !== 0) {
    heap.ensure(p + WAITER_SIZE);
    if (heap.u32[(p + WAITER_KEY) >>> 2] === addr) break;
    prev = p;
    p = heap.u32[(p + WAITER_NEXT) >>> 2]!;
  }
  const u32 = heap.u32;
  if (p === 0) {
    decide(false, false, 0);
    unlockBucket(host, b);
    return;
  }
  const next = u32[(p + WAITER_NEXT) >>> 2]!;
  if (prev === 0) u32[hw] = next;
  else u32[(prev + WAITER_NEXT) >>> 2] = next;
  let q = next;
  while (q !== 0) {
    heap.ensure(q + WAITER_SIZE);
    if (heap.u32[(q + WAITER_KEY) >>> 2] === addr) break;
    q = heap.u32[(q + WAITER_NEXT) >>> 2]!;
  }
  const waited = sharedClockMs() - heap.f64[(p + WAITER_TIME) >>> 3]!;
  const i32 = heap.i32;
  const wake = decide(true, q !== 0, waited);
  unlockBucket(host, b);
  const fw = (p + WAITER_FUTEX) >>> 2;
  storeSeqCst(i32, fw, wake);
  notifySeqCst(i32, fw, 1);
}

/** Number of threads queued on `addr` and the earliest enqueue time among them
 *  (sharedClockMs; NaN if none). Takes the bucket lock; for tests and debugging. */
export function waitersOn(host: ThreadHost, addr: number): { count: number; since: number } {
  const b = bucketOf(host, addr);
  lockBucket(host, b);
  const heap = host.heap;
  let count = 0;
  let since = NaN;
  let p = heap.u32[(b + BUCKET_HEAD) >>> 2]!;
  while (p !== 0) {
    heap.ensure(p + WAITER_SIZE);
    if (heap.u32[(p + WAITER_KEY) >>> 2] === addr) {
      count++;
      const t = heap.f64[(p + WAITER_TIME) >>> 3]!;
      if (!(t >= since)) since = t;
    }
    p = heap.u32[(p + WAITER_NEXT) >>> 2]!;
  }
  unlockBucket(host, b);
  return { count, since };
}
