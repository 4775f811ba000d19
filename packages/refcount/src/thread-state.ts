// Thread registry and thread states, in the shared heap (layout: layout.ts, slot
// fields SLOT_*; design: docs/internals/refcount.md "Threads").
//
// A thread id is a slot number 1..capacity. It is handed out and returned under the
// runtime lock RT_LOCK, which a stop-the-world requester also holds for the whole
// stop, so the set of registered threads never changes while the world is stopped.
//
// Exit is cheap and merging is lazy: an exiting thread closes its merge queue
// (pushers then merge by themselves, biased.ts mergeOrphan) and becomes a ZOMBIE;
// its objects keep its id in `ob_tid`. A zombie id is handed out again only after
// a reclaim walk (reclaim.ts) — one stop-the-world and one walk over the object
// pages for any number of zombies — merged every object still carrying it. That
// walk runs when registration finds no FREE slot, or when the embedder asks.
//
// States (SLOT_STATE) and who moves them — every transition is a CAS:
//   FREE      -> DETACHED   registerThread (RT_LOCK held)
//   DETACHED  -> ATTACHED   attachThread, by the thread; blocks while SUSPENDED
//   ATTACHED  -> DETACHED   detachThread, by the thread (before blocking)
//   ATTACHED  -> SUSPENDED  the thread itself, at a safe point, for a stop
//   DETACHED  -> SUSPENDED  a stop-the-world requester (so it cannot re-attach)
//   SUSPENDED -> DETACHED   the requester, when the world restarts
//   DETACHED  -> ZOMBIE     retireThread, at exit (RT_LOCK held)
//   ZOMBIE    -> FREE       the reclaim walk, world stopped (RT_LOCK held)

import {
  addSeqCst, casSeqCst, loadSeqCst, notifyAll, storeSeqCst, waitWhileEqual,
} from './atomics.js';
import type { RefCore } from './core.js';
import {
  QSBR_OFFLINE, RT_LIVE_THREADS, RT_LOCK, RT_LOCK_OWNER, RT_QSBR_WR_SEQ, RT_STW_REQUESTED,
  RT_STW_WAKE, RT_TID_HIGH, SLOT_BREAKER, SLOT_GENERATION, SLOT_QSBR_SEQ, SLOT_QUEUE,
  SLOT_STATE, THREAD_ATTACHED, THREAD_DETACHED, THREAD_FREE, THREAD_SUSPENDED, THREAD_ZOMBIE,
  RT_ZOMBIES,
} from './layout.js';

/** Raised for API misuse by the embedder (never for a Python-level error). */
export class RefcountUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefcountUsageError';
  }
}

/** Takes RT_LOCK. The caller must not be ATTACHED (a stop holds the lock while it
 *  waits for attached threads: an attached waiter would deadlock it). */
export function lockRuntimeDetached(core: RefCore): void {
  const w = core.rtWord(RT_LOCK);
  while (casSeqCst(core.i32, w, 0, 1) !== 0) {
    waitWhileEqual(core.i32, w, 1, 50);
  }
  storeSeqCst(core.i32, core.rtWord(RT_LOCK_OWNER), core.tid);
}

export function tryLockRuntime(core: RefCore): boolean {
  if (casSeqCst(core.i32, core.rtWord(RT_LOCK), 0, 1) !== 0) return false;
  storeSeqCst(core.i32, core.rtWord(RT_LOCK_OWNER), core.tid);
  return true;
}

export function unlockRuntime(core: RefCore): void {
  const w = core.rtWord(RT_LOCK);
  storeSeqCst(core.i32, core.rtWord(RT_LOCK_OWNER), 0);
  storeSeqCst(core.i32, w, 0);
  notifyAll(core.i32, w);
}

/** Hands out a thread id (state DETACHED, queue open, QSBR offline). When no slot
 *  is FREE but some are ZOMBIE, calls `reclaimLockHeld` (RT_LOCK held) first. */
export function registerThread(core: RefCore, reclaimLockHeld?: () => void): number {
  if (core.tid !== 0) throw new RefcountUsageError('thread already registered');
  lockRuntimeDetached(core);
  try {
    const { i32 } = core;
    if (reclaimLockHeld && loadSeqCst(i32, core.rtWord(RT_ZOMBIES)) > 0 && !hasFreeSlot(core)) {
      reclaimLockHeld();
    }
    for (let tid = 1; tid <= core.capacity; tid++) {
      const sw = core.slotWord(tid, SLOT_STATE);
      if (loadSeqCst(i32, sw) !== THREAD_FREE) continue;
      storeSeqCst(i32, core.slotWord(tid, SLOT_BREAKER), 0);
      storeSeqCst(i32, core.slotWord(tid, SLOT_QUEUE), 0);
      storeSeqCst(i32, core.slotWord(tid, SLOT_QSBR_SEQ), QSBR_OFFLINE);
      addSeqCst(i32, core.slotWord(tid, SLOT_GENERATION), 1);
      storeSeqCst(i32, sw, THREAD_DETACHED);
      addSeqCst(i32, core.rtWord(RT_LIVE_THREADS), 1);
      const hw = core.rtWord(RT_TID_HIGH);
      if (loadSeqCst(i32, hw) < tid) storeSeqCst(i32, hw, tid);
      core.tid = tid;
      core.slotw = sw;
      return tid;
    }
    throw new RefcountUsageError(`no free thread slot (capacity ${core.capacity})`);
  } finally {
    unlockRuntime(core);
  }
}

function hasFreeSlot(core: RefCore): boolean {
  for (let tid = 1; tid <= core.capacity; tid++) {
    if (loadSeqCst(core.i32, core.slotWord(tid, SLOT_STATE)) === THREAD_FREE) return true;
  }
  return false;
}

/** Exit: DETACHED -> ZOMBIE. The thread must have closed its merge queue. Blocks
 *  while a stop is running (RT_LOCK). */
export function retireThread(core: RefCore): void {
  lockRuntimeDetached(core);
  try {
    const seen = casSeqCst(core.i32, core.slotw, THREAD_DETACHED, THREAD_ZOMBIE);
    if (seen !== THREAD_DETACHED) throw new RefcountUsageError(`exit in state ${seen}`);
    addSeqCst(core.i32, core.rtWord(RT_LIVE_THREADS), -1);
    addSeqCst(core.i32, core.rtWord(RT_ZOMBIES), 1);
  } finally {
    unlockRuntime(core);
  }
  core.tid = 0;
  core.slotw = 0;
}

/** ZOMBIE -> FREE for every zombie; with RT_LOCK held and the world stopped, after
 *  the reclaim walk merged their objects. Returns how many. */
export function freeZombiesStopped(core: RefCore): number {
  let n = 0;
  for (let tid = 1; tid <= core.capacity; tid++) {
    if (casSeqCst(core.i32, core.slotWord(tid, SLOT_STATE), THREAD_ZOMBIE, THREAD_FREE) === THREAD_ZOMBIE) n++;
  }
  addSeqCst(core.i32, core.rtWord(RT_ZOMBIES), -n);
  return n;
}

/** DETACHED -> ATTACHED; waits while a stop-the-world keeps this thread SUSPENDED.
 *  Publishes an online QSBR read sequence. */
export function attachThread(core: RefCore): void {
  const { i32 } = core;
  for (;;) {
    const seen = casSeqCst(i32, core.slotw, THREAD_DETACHED, THREAD_ATTACHED);
    if (seen === THREAD_DETACHED) break;
    if (seen !== THREAD_SUSPENDED) throw new RefcountUsageError(`attach in state ${seen}`);
    waitWhileEqual(i32, core.slotw, THREAD_SUSPENDED, 100);
  }
  storeSeqCst(i32, core.slotw + (SLOT_QSBR_SEQ >>> 2), loadSeqCst(i32, core.rtWord(RT_QSBR_WR_SEQ)));
}

/** ATTACHED -> DETACHED (before blocking). QSBR offline; wakes a stop requester. */
export function detachThread(core: RefCore): void {
  const { i32 } = core;
  storeSeqCst(i32, core.slotw + (SLOT_QSBR_SEQ >>> 2), QSBR_OFFLINE);
  const seen = casSeqCst(i32, core.slotw, THREAD_ATTACHED, THREAD_DETACHED);
  if (seen !== THREAD_ATTACHED) throw new RefcountUsageError(`detach in state ${seen}`);
  wakeStopRequester(core);
}

/** After a transition a stop requester waits for (park, detach, exit): bump and
 *  notify its wake word if a stop is requested. The CAS on the state comes first,
 *  the requester stores RT_STW_REQUESTED before scanning states: with SeqCst one of
 *  the two sees the other, so no wake-up is lost. */
export function wakeStopRequester(core: RefCore): void {
  if (loadSeqCst(core.i32, core.rtWord(RT_STW_REQUESTED)) === 0) return;
  const ww = core.rtWord(RT_STW_WAKE);
  addSeqCst(core.i32, ww, 1);
  notifyAll(core.i32, ww);
}

export function threadStateOf(core: RefCore, tid: number): number {
  return loadSeqCst(core.i32, core.slotWord(tid, SLOT_STATE));
}
