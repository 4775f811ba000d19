// Quiescent-state-based reclamation (design: docs/internals/qsbr.md; after CPython
// Python/qsbr.c). Decides when memory that a lock-free reader may still be looking
// at (a list's old item array, a dict's old keys table, an empty page that may be
// re-cut for another size class) can be reused.
//
// Shared words (layout.ts):
//   RT_QSBR_WR_SEQ  global write sequence; odd; advanced by QSBR_INCR (Atomics.add)
//                   by whoever retires memory; the value after the add is the goal.
//   RT_QSBR_RD_SEQ  cached lower bound of every online read sequence; only moves
//                   forward (CAS); lets most polls finish with one load.
//   SLOT_QSBR_SEQ   per thread: the write sequence it saw at its last quiescent
//                   state (safe point, attach), or QSBR_OFFLINE (0) while detached.
// Sequences wrap at 2^32; compare with seqGeq (valid while no thread lags by 2^31).
//
// Invariant: memory retired with goal g is freed only when every thread that was
// online when it was retired has published a read sequence >= g, i.e. has passed a
// quiescent state after the memory was unlinked.
//
// Deferred frees of one thread are kept in JS arrays (a cache of work, not Python
// state); at exit the leftovers go to RT_QSBR_ABANDONED, a Treiber stack of heap
// nodes (DNODE_*), which any thread adopts at its next QSBR slow path.

import {
  addSeqCst, casSeqCst, exchangeSeqCst, loadSeqCst, orSeqCst, storeSeqCst,
} from './atomics.js';
import type { RefCore } from './core.js';
import {
  BREAKER_QSBR_PENDING, BREAKER_QSBR_REPORT, DNODE_GOAL, DNODE_NEXT, DNODE_PTR, DNODE_SIZE,
  QSBR_INCR, QSBR_OFFLINE, RT_QSBR_ABANDONED, RT_QSBR_RD_SEQ, RT_QSBR_WR_SEQ, RT_TID_HIGH,
  SLOT_BREAKER, SLOT_QSBR_SEQ, SLOT_STATE, THREAD_ATTACHED,
} from './layout.js';

/** a >= b in wrapping sequence arithmetic. */
export function seqGeq(a: number, b: number): boolean {
  return ((a - b) | 0) >= 0;
}

/** Advances the write sequence; returns the new value: the goal for memory retired
 *  now. Any thread. */
export function qsbrAdvance(core: RefCore): number {
  return (addSeqCst(core.i32, core.rtWord(RT_QSBR_WR_SEQ), QSBR_INCR) + QSBR_INCR) | 0;
}

/** The current write sequence. */
export function qsbrWriteSeq(core: RefCore): number {
  return loadSeqCst(core.i32, core.rtWord(RT_QSBR_WR_SEQ));
}

/** Reports a quiescent state: this thread holds no pointer obtained before now
 *  from a structure another thread may retire. Called at safe points. */
export function qsbrQuiescent(core: RefCore): void {
  storeSeqCst(core.i32, core.slotw + (SLOT_QSBR_SEQ >>> 2), qsbrWriteSeq(core));
}

/** Minimum over online read sequences (the write sequence if none is online);
 *  also moves the cached RT_QSBR_RD_SEQ forward. */
export function qsbrComputeMin(core: RefCore): number {
  const { i32 } = core;
  let min = qsbrWriteSeq(core);
  const high = loadSeqCst(i32, core.rtWord(RT_TID_HIGH));
  for (let tid = 1; tid <= high; tid++) {
    const s = loadSeqCst(i32, core.slotWord(tid, SLOT_QSBR_SEQ));
    if (s !== QSBR_OFFLINE && !seqGeq(s, min)) min = s;
  }
  const rw = core.rtWord(RT_QSBR_RD_SEQ);
  let rd = loadSeqCst(i32, rw);
  while (min !== rd && seqGeq(min, rd)) {
    const seen = casSeqCst(i32, rw, rd, min);
    if (seen === rd) break;
    rd = seen;
  }
  return min;
}

/** True once every thread has passed `goal`. Cheap when the cache already says so. */
export function qsbrPoll(core: RefCore, goal: number): boolean {
  if (seqGeq(loadSeqCst(core.i32, core.rtWord(RT_QSBR_RD_SEQ)), goal)) return true;
  return seqGeq(qsbrComputeMin(core), goal);
}

/** Asks every online thread still behind `goal` to report at its next safe point
 *  (sets BREAKER_QSBR_REPORT), so that a thread that never blocks still lets
 *  memory be reclaimed while its safe-point fast path stays one load. */
export function qsbrRequestReports(core: RefCore, goal: number): void {
  const { i32 } = core;
  const high = loadSeqCst(i32, core.rtWord(RT_TID_HIGH));
  for (let tid = 1; tid <= high; tid++) {
    if (tid === core.tid) continue;
    const s = loadSeqCst(i32, core.slotWord(tid, SLOT_QSBR_SEQ));
    if (s !== QSBR_OFFLINE && !seqGeq(s, goal)) orSeqCst(i32, core.slotWord(tid, SLOT_BREAKER), BREAKER_QSBR_REPORT);
  }
}

/** One thread's blocks waiting for their goal, oldest first (goals are monotonic). */
export class DeferredFrees {
  ptrs: number[] = [];
  goals: number[] = [];
  /** Index of the first entry not yet freed. */
  head = 0;

  get length(): number {
    return this.ptrs.length - this.head;
  }

  push(ptr: number, goal: number): void {
    this.ptrs.push(ptr);
    this.goals.push(goal);
  }

  /** Frees (through `free`) every entry whose goal every thread has passed;
   *  returns how many were freed. */
  process(core: RefCore, free: (ptr: number) => void): number {
    const n = this.ptrs.length;
    if (this.head === n) return 0;
    let done = this.head;
    // Goals are pushed in increasing order, so one poll of the newest reachable
    // bound answers for a prefix.
    const min = seqGeq(loadSeqCst(core.i32, core.rtWord(RT_QSBR_RD_SEQ)), this.goals[done]!)
      ? loadSeqCst(core.i32, core.rtWord(RT_QSBR_RD_SEQ))
      : qsbrComputeMin(core);
    while (done < n && seqGeq(min, this.goals[done]!)) {
      free(this.ptrs[done]!);
      done++;
    }
    const freed = done - this.head;
    this.head = done;
    if (done === n) {
      this.ptrs.length = 0;
      this.goals.length = 0;
      this.head = 0;
    } else if (done > 1024 && done * 2 > n) {
      this.ptrs = this.ptrs.slice(done);
      this.goals = this.goals.slice(done);
      this.head = 0;
    }
    return freed;
  }

  /** Oldest goal still waiting (undefined if none). */
  oldestGoal(): number | undefined {
    return this.head < this.ptrs.length ? this.goals[this.head] : undefined;
  }
}

/** At exit: pushes the leftovers onto the shared abandoned stack and asks the
 *  attached threads to adopt them. */
export function qsbrAbandon(core: RefCore, list: DeferredFrees): void {
  const { port } = core;
  const hw = core.rtWord(RT_QSBR_ABANDONED);
  for (let k = list.head; k < list.ptrs.length; k++) {
    const node = port.malloc(DNODE_SIZE, 0 /* raw */);
    if (node === 0) throw new RangeError('@pynogil/refcount: out of memory abandoning deferred frees');
    core.ensure(node);
    const w = node >>> 2;
    core.u32[w + (DNODE_PTR >>> 2)] = list.ptrs[k]!;
    core.i32[w + (DNODE_GOAL >>> 2)] = list.goals[k]!;
    let head = loadSeqCst(core.i32, hw);
    for (;;) {
      core.i32[w + (DNODE_NEXT >>> 2)] = head;
      const seen = casSeqCst(core.i32, hw, head, node);
      if (seen === head) break;
      head = seen;
    }
  }
  list.ptrs.length = 0;
  list.goals.length = 0;
  list.head = 0;
  const high = loadSeqCst(core.i32, core.rtWord(RT_TID_HIGH));
  for (let tid = 1; tid <= high; tid++) {
    if (tid !== core.tid && loadSeqCst(core.i32, core.slotWord(tid, SLOT_STATE)) === THREAD_ATTACHED) {
      orSeqCst(core.i32, core.slotWord(tid, SLOT_BREAKER), BREAKER_QSBR_PENDING);
    }
  }
}

/** Moves abandoned entries (if any) into this thread's list. Returns how many. */
export function qsbrAdopt(core: RefCore, list: DeferredFrees): number {
  const hw = core.rtWord(RT_QSBR_ABANDONED);
  if (loadSeqCst(core.i32, hw) === 0) return 0;
  let node = exchangeSeqCst(core.i32, hw, 0);
  const ptrs: number[] = [];
  const goals: number[] = [];
  while (node !== 0) {
    core.ensure(node);
    const w = node >>> 2;
    const next = core.i32[w + (DNODE_NEXT >>> 2)]!;
    ptrs.push(core.u32[w + (DNODE_PTR >>> 2)]!);
    goals.push(core.i32[w + (DNODE_GOAL >>> 2)]!);
    core.port.free(node);
    node = next;
  }
  // Keep the list ordered by goal (process() frees a prefix): merge and sort.
  for (let k = list.head; k < list.ptrs.length; k++) {
    ptrs.push(list.ptrs[k]!);
    goals.push(list.goals[k]!);
  }
  const adopted = ptrs.length - (list.ptrs.length - list.head);
  const order = ptrs.map((_, k) => k).sort((a, b) => ((goals[a]! - goals[b]!) | 0));
  list.ptrs = order.map((k) => ptrs[k]!);
  list.goals = order.map((k) => goals[k]!);
  list.head = 0;
  return adopted;
}
