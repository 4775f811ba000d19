// The per-object lock: the `ob_mutex` byte at +2 of every object header
// (BRIEF.md section 2, 5), after CPython 3.13's PyMutex (Python/lock.c).
//
//   bit 0 LOCKED  the lock is held
//   bit 1 PARKED  at least one thread sleeps in the parking lot on this byte
//
// lock:   CAS 0 -> LOCKED; else spin a little while nobody is parked, then set
//         PARKED and park (parking-lot.ts). A waiter woken with WAKE_HANDOFF owns
//         the lock already; one woken normally competes again.
// unlock: CAS LOCKED -> 0; if PARKED is set, unpark one waiter under its bucket
//         lock and store the new byte there: 0 or PARKED (more waiters) when the
//         waiter competes, or LOCKED(|PARKED) when the lock is handed to it
//         because it has waited >= 1 ms (fairness: a thread that re-locks at once
//         cannot starve the sleepers).
//
// The byte is CAS-ed through the Uint8Array view (Atomics works on any integer
// view of a SharedArrayBuffer), so refcount's 16-bit atomic stores to `ob_tid` and
// byte stores to `ob_gc_bits` are never lost. The lock is not re-entrant: use
// critical sections (critical-section.ts), which are.

import { casU8SeqCst, loadU8SeqCst, storeU8SeqCst } from './atomics.js';
import type { ThreadHost } from './host.js';
import { MUTEX_LOCKED, MUTEX_PARKED, OB_MUTEX, WAKE_HANDOFF, WAKE_NORMAL } from './layout.js';
import { PARK_AGAIN, park, unparkOne } from './parking-lot.js';

/** Loops of re-reading the byte before parking. Short: the machine may have fewer
 *  cores than threads, and a spinning thread then only delays the holder. */
const SPIN_LIMIT = 40;
/** A waiter that has slept this long gets the lock handed to it (CPython: 1 ms). */
export const FAIR_HANDOFF_MS = 1;

/** Internal misuse (unlock of a lock that is not held): a bug in pynogil. */
export class LockUsageError extends Error {}

/** Locks `obj`'s ob_mutex (PyMutex_Lock). May detach and sleep. */
export function lockObject(host: ThreadHost, obj: number): void {
  const heap = host.heap;
  // An object another thread allocated may lie past this thread's views, and an
  // Atomics operation out of range throws.
  if (obj >= heap.byteLength) heap.ensure(obj + 4);
  if (casU8SeqCst(heap.u8, obj + OB_MUTEX, 0, MUTEX_LOCKED) !== 0) lockSlow(host, obj + OB_MUTEX);
}

/** One attempt without waiting (PyMutex_LockFast). */
export function tryLockObject(host: ThreadHost, obj: number): boolean {
  if (obj >= host.heap.byteLength) host.heap.ensure(obj + 4);
  return casU8SeqCst(host.heap.u8, obj + OB_MUTEX, 0, MUTEX_LOCKED) === 0;
}

function lockSlow(host: ThreadHost, m: number): void {
  let spins = 0;
  for (;;) {
    const u8 = host.heap.u8;
    const v = loadU8SeqCst(u8, m);
    if ((v & MUTEX_LOCKED) === 0) {
      if (casU8SeqCst(u8, m, v, v | MUTEX_LOCKED) === v) return;
      continue;
    }
    if ((v & MUTEX_PARKED) === 0) {
      if (spins < SPIN_LIMIT) {
        spins++;
        continue;
      }
      if (casU8SeqCst(u8, m, v, v | MUTEX_PARKED) !== v) continue;
    }
    const r = park(host, m, MUTEX_LOCKED | MUTEX_PARKED);
    if (r === WAKE_HANDOFF) {
      host.lockStats.handoffsReceived++;
      return;
    }
    // PARK_AGAIN or WAKE_NORMAL: compete again (without spinning: others sleep).
    if (r !== PARK_AGAIN) spins = SPIN_LIMIT;
  }
}

/** Unlocks `obj`'s ob_mutex (PyMutex_Unlock). Never blocks. */
export function unlockObject(host: ThreadHost, obj: number): void {
  if (casU8SeqCst(host.heap.u8, obj + OB_MUTEX, MUTEX_LOCKED, 0) !== MUTEX_LOCKED) unlockSlow(host, obj + OB_MUTEX);
}

function unlockSlow(host: ThreadHost, m: number): void {
  const v = loadU8SeqCst(host.heap.u8, m);
  if ((v & MUTEX_LOCKED) === 0) throw new LockUsageError(`unlock of an object lock that is not held (byte ${m - OB_MUTEX})`);
  // PARKED is set: only unparkOne (under the bucket lock) changes the byte now,
  // apart from lockers CAS-ing LOCKED, which is held by us.
  unparkOne(host, m, (found, hasMore, waitedMs) => {
    const u8 = host.heap.u8;
    if (found && waitedMs >= FAIR_HANDOFF_MS) {
      host.lockStats.handoffsGiven++;
      storeU8SeqCst(u8, m, MUTEX_LOCKED | (hasMore ? MUTEX_PARKED : 0));
      return WAKE_HANDOFF;
    }
    storeU8SeqCst(u8, m, hasMore ? MUTEX_PARKED : 0);
    return WAKE_NORMAL;
  });
}

/** True if someone holds `obj`'s lock (racy: for assertions and tests). */
export function isObjectLocked(host: ThreadHost, obj: number): boolean {
  return (loadU8SeqCst(host.heap.u8, obj + OB_MUTEX) & MUTEX_LOCKED) !== 0;
}
