// Stop-the-world (after CPython Python/pystate.c stop_the_world/start_the_world):
// one thread runs a callback while every other registered thread is SUSPENDED —
// attached threads park at their next safe point, detached ones are parked by the
// requester so they cannot re-attach until the world restarts.
//
// Protocol (words in layout.ts):
//   1. The requester (ATTACHED) takes RT_LOCK; if it is busy it detaches while it
//      waits, so a stop already in progress does not wait for it. Holding RT_LOCK
//      also freezes registration: no thread appears or disappears during the stop.
//   2. It stores RT_STW_REQUESTED = 1, then scans the slots up to RT_TID_HIGH:
//        ATTACHED  -> set BREAKER_STOP in its eval breaker; not done yet
//        DETACHED  -> CAS to SUSPENDED (it will block in attach); retry on failure
//        SUSPENDED, FREE -> done
//      A SUSPENDED slot stays SUSPENDED until step 4 and a FREE one stays FREE, so
//      one scan that finds every slot done is final. Between scans it sleeps on
//      RT_STW_WAKE, which threads bump after parking, detaching or exiting while a
//      stop is requested (thread-state.ts wakeStopRequester).
//   3. It runs the callback.
//   4. It stores RT_STW_REQUESTED = 0, moves every SUSPENDED slot to DETACHED and
//      notifies it (parked threads then re-attach), and releases RT_LOCK.
//
// Why no deadlock: a thread that detaches during a stop is parked by the requester
// instead of being waited for; an exiting thread detaches before it needs RT_LOCK;
// a second requester waits for RT_LOCK detached; and the requester never waits
// for anything but states that attached threads reach by themselves at safe points.

import {
  addSeqCst, casSeqCst, loadSeqCst, notifyAll, orSeqCst, storeSeqCst, waitWhileEqual,
} from './atomics.js';
import type { RefCore } from './core.js';
import {
  BREAKER_STOP, QSBR_OFFLINE, RT_STW_COUNT, SLOT_QSBR_SEQ, RT_STW_REQUESTED, RT_STW_WAKE, RT_TID_HIGH, SLOT_BREAKER,
  SLOT_STATE, THREAD_ATTACHED, THREAD_DETACHED, THREAD_SUSPENDED,
} from './layout.js';
import {
  RefcountUsageError, attachThread, detachThread, lockRuntimeDetached, tryLockRuntime,
  unlockRuntime, wakeStopRequester,
} from './thread-state.js';

/** Stops every other thread, runs `fn`, restarts them. The caller must be ATTACHED
 *  and must not already be inside a stop. Returns fn's result. */
export function stopTheWorld<T>(core: RefCore, fn: () => T): T {
  if (loadSeqCst(core.i32, core.slotw) !== THREAD_ATTACHED) {
    throw new RefcountUsageError('stopTheWorld requires an attached thread');
  }
  if (core.inStop) throw new RefcountUsageError('stopTheWorld called inside a stop');
  if (!tryLockRuntime(core)) {
    detachThread(core);
    lockRuntimeDetached(core);
    attachThread(core); // cannot be suspended: suspending needs the lock we hold
  }
  try {
    return stopTheWorldLockHeld(core, fn);
  } finally {
    unlockRuntime(core);
  }
}

/** The same with RT_LOCK already held by the caller, which is attached or not
 *  registered at all (registration reclaiming zombie ids). */
export function stopTheWorldLockHeld<T>(core: RefCore, fn: () => T): T {
  try {
    storeSeqCst(core.i32, core.rtWord(RT_STW_REQUESTED), 1);
    core.inStop = true;
    waitUntilStopped(core);
    return fn();
  } finally {
    core.inStop = false;
    restart(core);
  }
}

function waitUntilStopped(core: RefCore): void {
  const { i32 } = core;
  const ww = core.rtWord(RT_STW_WAKE);
  const high = loadSeqCst(i32, core.rtWord(RT_TID_HIGH));
  for (;;) {
    const wake = loadSeqCst(i32, ww);
    let stopped = true;
    for (let tid = 1; tid <= high; tid++) {
      if (tid === core.tid) continue;
      const sw = core.slotWord(tid, SLOT_STATE);
      const st = loadSeqCst(i32, sw);
      if (st === THREAD_ATTACHED) {
        orSeqCst(i32, core.slotWord(tid, SLOT_BREAKER), BREAKER_STOP);
        stopped = false;
      } else if (st === THREAD_DETACHED) {
        if (casSeqCst(i32, sw, THREAD_DETACHED, THREAD_SUSPENDED) !== THREAD_DETACHED) stopped = false;
      }
    }
    if (stopped) return;
    // Every transition we wait for bumps the wake word after it happened; the
    // timeout only bounds the damage of an embedder bug (a thread that stopped
    // calling safe points while attached).
    waitWhileEqual(i32, ww, wake, 20);
  }
}

function restart(core: RefCore): void {
  const { i32 } = core;
  storeSeqCst(i32, core.rtWord(RT_STW_REQUESTED), 0);
  const high = loadSeqCst(i32, core.rtWord(RT_TID_HIGH));
  for (let tid = 1; tid <= high; tid++) {
    const sw = core.slotWord(tid, SLOT_STATE);
    if (casSeqCst(i32, sw, THREAD_SUSPENDED, THREAD_DETACHED) === THREAD_SUSPENDED) notifyAll(i32, sw);
  }
  addSeqCst(i32, core.rtWord(RT_STW_COUNT), 1);
}

/** Safe-point part: BREAKER_STOP was seen (and cleared). Parks until the world
 *  restarts, then re-attaches. No-op if the stop already ended. */
export function parkForStop(core: RefCore): void {
  const { i32 } = core;
  if (loadSeqCst(i32, core.rtWord(RT_STW_REQUESTED)) === 0) return;
  // Parked threads hold no pointers: offline for QSBR until they re-attach, so the
  // requester's callback may poll goals without waiting for them.
  storeSeqCst(i32, core.slotw + (SLOT_QSBR_SEQ >>> 2), QSBR_OFFLINE);
  if (casSeqCst(i32, core.slotw, THREAD_ATTACHED, THREAD_SUSPENDED) !== THREAD_ATTACHED) {
    throw new RefcountUsageError('parkForStop on a thread that is not attached');
  }
  wakeStopRequester(core);
  while (loadSeqCst(i32, core.slotw) === THREAD_SUSPENDED) {
    waitWhileEqual(i32, core.slotw, THREAD_SUSPENDED, 100);
  }
  attachThread(core);
}

/** Number of completed stops (statistics, tests). */
export function stopCount(core: RefCore): number {
  return loadSeqCst(core.i32, core.rtWord(RT_STW_COUNT));
}
