// Thread exit and reclamation. A thread that exits abandons its heap record: it only
// flips R_STATE to S_ABANDONED, so its blocks stay valid and any thread can still free
// them (into the pages' thread-free lists, as for any foreign page). The next thread
// that needs pages before growing the memory reclaims the whole abandoned heap: it
// becomes the owner of every page, queue, full page, retired span and free span of it,
// and the slot becomes free for a new thread. A thread that attaches when no slot is
// free takes over an abandoned slot as it is (id and pages included).
import { casAcqRel, exchangeAcqRel, loadAcquire, storeRelease } from './atomics.js';
import type { HeapCore } from './context.js';
import {
  D_DELAYED, D_KIND, D_NEXT, D_OWNER, D_SPAN, D_THREAD_FREE, K_LARGE, L_QUEUE, R_DELAYED,
  R_FULL, R_QUEUES, R_RETIRED_HEAD, R_RETIRED_TAIL, R_SPAN_PAGES, R_SPANS, R_STATE, S_ABANDONED,
  S_FREE, S_RECLAIMING,
} from './layout.js';
import { dlPushBack, dlPushFront, dlRemove, setPageList } from './page.js';
import { NCLASSES } from './size-classes.js';

/** The exiting thread: give up heap `core.id`. Its pages wait for a reclaimer. */
export function abandonHeap(core: HeapCore): void {
  if (core.id === 0) return;
  storeRelease(core.i32, core.recordOf(core.id) + R_STATE, S_ABANDONED);
  core.bindRecord(0);
}

/** Reclaim one abandoned heap into this thread's heap. True if one was found. */
export function reclaimAbandoned(core: HeapCore): boolean {
  const i32 = core.i32;
  for (let id = 1; id <= core.maxThreads; id++) {
    const st = core.recordOf(id) + R_STATE;
    if (loadAcquire(i32, st) !== S_ABANDONED) continue;
    if (casAcqRel(i32, st, S_ABANDONED, S_RECLAIMING) !== S_ABANDONED) continue;
    // The adopted pages may lie beyond this thread's views (the abandoned thread may
    // have grown the memory): refresh before touching them, and they stay covered.
    core.refresh();
    adoptHeap(core, id);
    storeRelease(core.i32, st, S_FREE);
    return true;
  }
  return false;
}

/** Move everything heap `id` owns to this thread's heap (its state is S_RECLAIMING). */
function adoptHeap(core: HeapCore, id: number): void {
  const i32 = core.i32;
  const rb = core.recordOf(id);
  const me = core.heapBase;
  // 1. Notices pushed to the old heap: clear their claims (the pages are collected below).
  let n = exchangeAcqRel(i32, rb + R_DELAYED, 0);
  while (n !== 0) {
    const next = loadAcquire(i32, n + D_DELAYED) >>> 1;
    storeRelease(i32, n + D_DELAYED, 0);
    n = next;
  }
  // 2. Small-page queues: append to ours.
  for (let k = 0; k < 3 * NCLASSES; k++) {
    const q = rb + R_QUEUES + (k << 1);
    const mq = me + R_QUEUES + (k << 1);
    let d = i32[q]!;
    while (d !== 0) {
      const next = i32[d + D_NEXT]!;
      storeRelease(i32, d + D_OWNER, core.id);
      dlPushBack(i32, mq, mq + 1, d);
      d = next;
    }
    i32[q] = 0;
    i32[q + 1] = 0;
  }
  // 3. Full list: small pages go to our queues (malloc will collect them), large spans
  //    to our full list, with any pending thread-free blocks re-announced to us.
  let d = i32[rb + R_FULL]!;
  while (d !== 0) {
    const next = i32[d + D_NEXT]!;
    storeRelease(i32, d + D_OWNER, core.id);
    if (i32[d + D_KIND] === K_LARGE) {
      dlPushFront(i32, me + R_FULL, -1, d);
    } else {
      const tc = i32[d + 2]!; // D_TAGCLS
      const mq = me + R_QUEUES + ((((tc >>> 8) * NCLASSES) + (tc & 255)) << 1);
      dlPushBack(i32, mq, mq + 1, d);
      setPageList(i32, d, L_QUEUE);
    }
    d = next;
  }
  i32[rb + R_FULL] = 0;
  // Large spans freed meanwhile: announce them to ourselves so processDelayed retires them.
  for (let l = i32[me + R_FULL]!; l !== 0; l = i32[l + D_NEXT]!) {
    if (loadAcquire(i32, l + D_THREAD_FREE) !== 0 && loadAcquire(i32, l + D_DELAYED) === 0) {
      if (casAcqRel(i32, l + D_DELAYED, 0, 1) === 0) {
        let head: number;
        do {
          head = loadAcquire(i32, me + R_DELAYED);
          storeRelease(i32, l + D_DELAYED, (head << 1) | 1);
        } while (casAcqRel(i32, me + R_DELAYED, head, l) !== head);
      }
    }
  }
  // 4. Retired spans: append the FIFO to ours (goals are kept).
  let r = i32[rb + R_RETIRED_HEAD]!;
  while (r !== 0) {
    const next = i32[r + D_NEXT]!;
    i32[r + D_OWNER] = core.id;
    i32[r + D_NEXT] = 0;
    const tail = i32[me + R_RETIRED_TAIL]!;
    if (tail !== 0) i32[tail + D_NEXT] = r;
    else i32[me + R_RETIRED_HEAD] = r;
    i32[me + R_RETIRED_TAIL] = r;
    r = next;
  }
  i32[rb + R_RETIRED_HEAD] = 0;
  i32[rb + R_RETIRED_TAIL] = 0;
  // 5. Free spans.
  let s = i32[rb + R_SPANS]!;
  while (s !== 0) {
    const next = i32[s + D_NEXT]!;
    dlRemove(i32, rb + R_SPANS, -1, s);
    i32[s + D_OWNER] = core.id;
    dlPushFront(i32, me + R_SPANS, -1, s);
    i32[me + R_SPAN_PAGES] = i32[me + R_SPAN_PAGES]! + i32[s + D_SPAN]!;
    s = next;
  }
  i32[rb + R_SPAN_PAGES] = 0;
}
