// Spans and segments: where pages come from and where empty ones go.
//
//   retired FIFO --(reuse gate reached)--> heap's free spans (R_SPANS)
//        ^                                   |  ^          | (too many)
//   empty page/span                          v  |          v
//                               claimSpan <-- global pool (H_POOL_HEAD, coalesced)
//                                                  ^
//                                   H_TOP / memory.grow (under the global lock)
//
// A heap takes a whole segment (SEGMENT_PAGES pages) from the global pool or the top
// at once and cuts single pages and large spans from it without any lock; the global
// lock is taken once per segment. An empty span is never handed to another size class
// or tag before the heap's ReuseGate says its goal is reached (see types.ts).
import { loadAcquire, storeRelease } from './atomics.js';
import type { HeapCore } from './context.js';
import {
  D_GOAL, D_KIND, D_NEXT, D_OWNER, D_SPAN, DESC_SHIFT, H_GROWS, H_POOL_HEAD, H_SIZE_PAGES,
  H_TOP, K_FREE, K_RETIRED, K_TAIL, POOL_OWNER, R_RETIRED_HEAD, R_RETIRED_TAIL, R_SPAN_PAGES, R_SPANS,
  SEGMENT_PAGES,
} from './layout.js';
import { globalLockAcquire, globalLockRelease } from './lock.js';
import { dlPushFront, dlRemove } from './page.js';

/** Free pages a heap keeps for itself before giving spans back to the global pool. */
const LOCAL_SPAN_LIMIT = 4 * SEGMENT_PAGES;

/** Write the span structure: head `d` covers `npages`; other pages are tails pointing at it. */
export function markSpan(core: HeapCore, d: number, npages: number): void {
  const i32 = core.i32;
  i32[d + D_SPAN] = npages;
  const head = core.pageOf(d);
  for (let k = 1; k < npages; k++) {
    const t = d + (k << DESC_SHIFT);
    i32[t + D_KIND] = K_TAIL;
    i32[t + D_SPAN] = head;
    i32[t + D_OWNER] = 0;
  }
}

/** Cut span `d` to `npages`; return the descriptor of the remainder (its kind is not set). */
function splitSpan(core: HeapCore, d: number, npages: number): number {
  const n = core.i32[d + D_SPAN]!;
  markSpan(core, d, npages);
  const r = d + (npages << DESC_SHIFT);
  markSpan(core, r, n - npages);
  return r;
}

/** Owner: put span `d` on this heap's free spans; return extra spans to the pool. */
export function releaseSpanLocal(core: HeapCore, d: number): void {
  const i32 = core.i32;
  const h = core.heapBase;
  i32[d + D_KIND] = K_FREE;
  i32[d + D_OWNER] = core.id;
  dlPushFront(i32, h + R_SPANS, -1, d);
  i32[h + R_SPAN_PAGES] = i32[h + R_SPAN_PAGES]! + i32[d + D_SPAN]!;
  if (i32[h + R_SPAN_PAGES]! > LOCAL_SPAN_LIMIT) trimLocalSpans(core, LOCAL_SPAN_LIMIT >>> 1);
}

/** Owner: give free spans back to the global pool until at most `keep` pages remain. */
export function trimLocalSpans(core: HeapCore, keep: number): void {
  const i32 = core.i32;
  const h = core.heapBase;
  globalLockAcquire(i32);
  while (i32[h + R_SPAN_PAGES]! > keep && i32[h + R_SPANS] !== 0) {
    const d = i32[h + R_SPANS]!;
    dlRemove(i32, h + R_SPANS, -1, d);
    i32[h + R_SPAN_PAGES] = i32[h + R_SPAN_PAGES]! - i32[d + D_SPAN]!;
    poolReleaseLocked(core, d);
  }
  globalLockRelease(i32);
}

/** Global lock held: add span `d` to the pool, merging it with free neighbours. */
export function poolReleaseLocked(core: HeapCore, d: number): void {
  const i32 = core.i32;
  const pool = H_POOL_HEAD;
  let n = i32[d + D_SPAN]!;
  let p = core.pageOf(d);
  const top = i32[H_TOP]!;
  // Merge with the span that follows.
  if (p + n < top) {
    const nd = core.ptBase + ((p + n) << DESC_SHIFT);
    if (i32[nd + D_OWNER] === POOL_OWNER) {
      dlRemove(i32, pool, -1, nd);
      n += i32[nd + D_SPAN]!;
    }
  }
  // Merge with the span that precedes (its last page is a tail naming its head, or it is one page).
  if (p - 1 >= core.firstData) {
    const pd = core.ptBase + ((p - 1) << DESC_SHIFT);
    const hp = i32[pd + D_KIND] === K_TAIL ? i32[pd + D_SPAN]! : p - 1;
    const hd = core.ptBase + (hp << DESC_SHIFT);
    if (i32[hd + D_OWNER] === POOL_OWNER && hp + i32[hd + D_SPAN]! === p) {
      dlRemove(i32, pool, -1, hd);
      n += i32[hd + D_SPAN]!;
      p = hp;
      d = hd;
    }
  }
  markSpan(core, d, n);
  i32[d + D_KIND] = K_FREE;
  i32[d + D_OWNER] = POOL_OWNER;
  dlPushFront(i32, pool, -1, d);
}

/** Owner: span `d` became empty; stamp it with the gate's goal and queue it. */
export function retireSpan(core: HeapCore, d: number): void {
  const i32 = core.i32;
  const h = core.heapBase;
  i32[d + D_KIND] = K_RETIRED;
  i32[d + D_OWNER] = core.id;
  i32[d + D_GOAL] = core.gate.retireGoal();
  i32[d + D_NEXT] = 0;
  const tail = i32[h + R_RETIRED_TAIL]!;
  if (tail !== 0) i32[tail + D_NEXT] = d;
  else i32[h + R_RETIRED_HEAD] = d;
  i32[h + R_RETIRED_TAIL] = d;
}

/** Owner: move retired spans whose goal is reached to the free spans (oldest first). */
export function drainRetired(core: HeapCore): void {
  const i32 = core.i32;
  const h = core.heapBase;
  let d = i32[h + R_RETIRED_HEAD]!;
  while (d !== 0 && core.gate.isReached(i32[d + D_GOAL]!)) {
    const next = i32[d + D_NEXT]!;
    i32[h + R_RETIRED_HEAD] = next;
    if (next === 0) i32[h + R_RETIRED_TAIL] = 0;
    releaseSpanLocal(core, d);
    d = i32[h + R_RETIRED_HEAD]!;
  }
}

/** Owner: first fit among this heap's free spans. */
function takeLocal(core: HeapCore, npages: number): number {
  const i32 = core.i32;
  const h = core.heapBase;
  for (let d = i32[h + R_SPANS]!; d !== 0; d = i32[d + D_NEXT]!) {
    const n = i32[d + D_SPAN]!;
    if (n < npages) continue;
    dlRemove(i32, h + R_SPANS, -1, d);
    i32[h + R_SPAN_PAGES] = i32[h + R_SPAN_PAGES]! - n;
    if (n > npages) {
      const r = splitSpan(core, d, npages);
      i32[r + D_KIND] = K_FREE;
      i32[r + D_OWNER] = core.id;
      dlPushFront(i32, h + R_SPANS, -1, r);
      i32[h + R_SPAN_PAGES] = i32[h + R_SPAN_PAGES]! + (n - npages);
    }
    return d;
  }
  return 0;
}

/** Global lock held: first fit in the pool; the span is removed and returned whole. */
function poolTakeLocked(core: HeapCore, npages: number): number {
  const i32 = core.i32;
  for (let d = i32[H_POOL_HEAD]!; d !== 0; d = i32[d + D_NEXT]!) {
    if (i32[d + D_SPAN]! >= npages) {
      dlRemove(i32, H_POOL_HEAD, -1, d);
      return d;
    }
  }
  return 0;
}

/** Global lock held: make sure `pages` wasm pages are committed. False when the memory cannot grow. */
function growLocked(core: HeapCore, pages: number): boolean {
  const i32 = core.i32;
  const size = i32[H_SIZE_PAGES]!;
  if (pages <= size) return true;
  if (pages > core.maxPages) return false;
  // Grow by at least an eighth of the heap to keep the number of grow calls logarithmic.
  const want = Math.min(core.maxPages, Math.max(pages, size + (size >>> 3)));
  for (const target of want > pages ? [want, pages] : [pages]) {
    let now: number;
    try {
      // Nobody else may grow this memory (pages beyond the size word would be handed
      // out twice); the result is used anyway so the size word matches the engine.
      now = core.memory.grow(target - size) + (target - size);
    } catch {
      continue; // RangeError: the engine could not commit; try the exact need, then fail.
    }
    storeRelease(core.i32, H_SIZE_PAGES, now);
    core.remap();
    core.i32[H_GROWS] = core.i32[H_GROWS]! + 1;
    return true;
  }
  return false;
}

/**
 * Owner: a span of exactly `npages` pages owned by this heap (kind still to be set by
 * the caller), or 0. With `grow` false only memory that is already committed is used.
 */
export function claimSpan(core: HeapCore, npages: number, grow: boolean): number {
  drainRetired(core);
  let d = takeLocal(core, npages);
  if (d !== 0) return d;
  const want = npages < SEGMENT_PAGES ? SEGMENT_PAGES : npages;
  globalLockAcquire(core.i32);
  d = poolTakeLocked(core, want);
  if (d === 0 && want > npages) d = poolTakeLocked(core, npages);
  if (d === 0) {
    const top = core.i32[H_TOP]!;
    let take = want;
    const size = loadAcquire(core.i32, H_SIZE_PAGES);
    if (top + take > size && !(grow && growLocked(core, top + take))) {
      take = npages;
      if (top + take > size && !(grow && growLocked(core, top + take))) take = 0;
    }
    if (take > 0) {
      d = core.ptBase + (top << DESC_SHIFT);
      core.i32[H_TOP] = top + take;
      markSpan(core, d, take);
    }
  }
  // Own `d` while still holding the lock: while it says POOL_OWNER a neighbour's release would merge it.
  if (d !== 0) core.i32[d + D_OWNER] = core.id;
  globalLockRelease(core.i32);
  if (d === 0) return 0;
  core.refresh();
  const i32 = core.i32;
  const n = i32[d + D_SPAN]!;
  if (n > npages) {
    const r = splitSpan(core, d, npages);
    releaseSpanLocal(core, r);
  }
  return d;
}
