// The reclaim walk: makes the ids of exited threads (ZOMBIE slots) reusable.
//
// An exiting thread does not look for its objects (thread-state.ts explains why
// merging is lazy). Before its id can be handed out again, no header may carry it,
// or the new thread would take the owner's plain-store path on objects that other
// threads are merging. So, with RT_LOCK held and the world stopped (no thread is
// between reading an `ob_tid` and acting on it: decref has no safe point inside),
// this walks every live block of the OBJECT and GC tags (the allocator's walk over
// all heaps, abandoned ones included) and merges each object whose owner is a
// zombie, then frees the zombie slots.
//
// Cost: one stop-the-world plus one pass over the object pages, for any number of
// zombies; it runs only when registration finds no FREE slot (or on request), so
// with N slots it is amortised over N thread exits.

import { ACT_DEALLOC, mergeIfOwned } from './biased.js';
import type { RefCore } from './core.js';
import { SLOT_STATE, THREAD_ZOMBIE } from './layout.js';
import { loadSeqCst } from './atomics.js';
import { stopTheWorldLockHeld } from './stop-the-world.js';
import { freeZombiesStopped } from './thread-state.js';

const TAG_OBJECT = 1 as const;
const TAG_GC = 2 as const;

export interface ReclaimResult {
  /** Zombie ids made FREE. */
  ids: number;
  /** Objects merged. */
  merged: number;
  /** Objects whose merged count was 0 (must be deallocated by the caller, after
   *  the world restarted). Empty unless an embedder dropped references wrongly. */
  dead: number[];
}

/** With RT_LOCK held: stop the world, merge zombie-owned objects, free the ids. */
export function reclaimZombiesLockHeld(core: RefCore): ReclaimResult {
  const result: ReclaimResult = { ids: 0, merged: 0, dead: [] };
  stopTheWorldLockHeld(core, () => {
    const zombie = new Uint8Array(core.capacity + 1);
    let any = false;
    for (let tid = 1; tid <= core.capacity; tid++) {
      if (loadSeqCst(core.i32, core.slotWord(tid, SLOT_STATE)) === THREAD_ZOMBIE) {
        zombie[tid] = 1;
        any = true;
      }
    }
    if (!any) return;
    const visit = (p: number): void => {
      core.ensure(p);
      const owner = core.u16[p >>> 1]!;
      if (owner === 0 || owner > core.capacity || zombie[owner] === 0) return;
      result.merged++;
      if (mergeIfOwned(core, owner, p) === ACT_DEALLOC) result.dead.push(p);
    };
    core.port.walk(TAG_OBJECT, visit);
    core.port.walk(TAG_GC, visit);
    result.ids = freeZombiesStopped(core);
  });
  return result;
}
