// Freeing: the slow path of free (the inline fast path is ThreadHeap.free), frees
// from a thread that does not own the page (freeMt: a lock-free push on the page's
// thread-free list, plus a notice on the owner's delayed stack when the list was
// empty), and the owner's processing of those notices (processDelayed).
//
// Why the delayed stack: a page with no free block is moved to its heap's full list so
// that malloc never scans it; when another thread frees into it, the owner must learn
// that the page is usable again. The first free into an empty thread-free list claims
// the page's D_DELAYED word (CAS 0 -> 1) and pushes the page on the owner's R_DELAYED
// stack; the owner clears D_DELAYED *before* collecting the page, so a free that
// races with the collection either lands in it or notifies again.
import {
  casAcqRel, exchangeAcqRel, loadAcquire, loadRelaxed, storeRelease,
} from './atomics.js';
import type { HeapCore } from './context.js';
import {
  D_CAPACITY, D_DELAYED, D_FREE, D_KIND, D_LIST, D_LOCAL_FREE, D_NEXT, D_OWNER, D_SPAN,
  D_TAGCLS, D_THREAD_FREE, D_USED, D_BLOCK_SIZE, DESC_SHIFT, F_ALIGNED, K_LARGE, K_SMALL,
  K_SMALL_SLOW, K_TAIL, L_FULL, L_MASK, L_NONE, L_QUEUE, PAGE_SIZE, R_DELAYED, R_FRESH, R_FULL,
  S_ACTIVE, S_ABANDONED, S_RECLAIMING, R_STATE, R_QUEUES, NTAGS,
} from './layout.js';
import { NCLASSES } from './size-classes.js';
import {
  dlPushFront, dlRemove, listLength, pageCollect, queueOf, setPageList,
} from './page.js';
import { retireSpan } from './segment.js';
import { HeapCorruptionError } from './types.js';

/** Head descriptor of the span containing `ptr`, or 0 if `ptr` is not in a handed-out span. */
export function spanHeadOf(core: HeapCore, ptr: number): number {
  const p = ptr >>> 16;
  if (p < core.firstData || p >= core.maxPages || ptr >= core.byteLength) return 0;
  const i32 = core.i32;
  let d = core.ptBase + (p << DESC_SHIFT);
  if (i32[d + D_KIND] === K_TAIL) d = core.ptBase + (i32[d + D_SPAN]! << DESC_SHIFT);
  const k = i32[d + D_KIND]!;
  return k === K_SMALL || k === K_SMALL_SLOW || k === K_LARGE ? d : 0;
}

/** Start of the block of span `d` that contains `ptr` (ptr may be an aligned interior pointer). */
export function blockStartOf(core: HeapCore, d: number, ptr: number): number {
  const start = core.pageOf(d) * PAGE_SIZE;
  if (core.i32[d + D_KIND] === K_LARGE) return start;
  const bs = core.i32[d + D_BLOCK_SIZE]!;
  const off = (ptr >>> 0) - start;
  return start + off - (off % bs);
}

function corrupt(core: HeapCore, what: string, ptr: number): never {
  throw new HeapCorruptionError(what, ptr, (ptr >>> 16) <= core.maxPages ? ptr >>> 16 : -1);
}

/** Debug: is `block` on one of the free lists of small page `d`? */
function onFreeList(core: HeapCore, d: number, block: number): boolean {
  const i32 = core.i32;
  const cap = i32[d + D_CAPACITY]!;
  for (const w of [D_FREE, D_LOCAL_FREE, D_THREAD_FREE]) {
    let n = 0;
    for (let p = w === D_THREAD_FREE ? loadAcquire(i32, d + w) : i32[d + w]!; p !== 0 && n <= cap; p = i32[p >>> 2]!, n++) {
      if ((p >>> 0) === block) return true;
    }
  }
  return false;
}

/** Every free that the inline fast path does not handle. */
export function freeSlow(core: HeapCore, ptr: number): void {
  ptr = ptr >>> 0;
  if (ptr === 0) return;
  if (ptr >= core.byteLength) core.remap();
  const d = spanHeadOf(core, ptr);
  if (d === 0) corrupt(core, 'free of a pointer that is not in an allocated block', ptr);
  const i32 = core.i32;
  const block = blockStartOf(core, d, ptr);
  if (block !== ptr && (i32[d + D_KIND] !== K_LARGE && (i32[d + D_LIST]! & F_ALIGNED) === 0)) {
    corrupt(core, 'free of a pointer inside a block (never returned by malloc)', ptr);
  }
  if (i32[d + D_KIND] === K_LARGE) {
    if (core.debug && (i32[d + D_USED] !== 1 || loadAcquire(i32, d + D_THREAD_FREE) !== 0)) {
      corrupt(core, 'double free of a large block', ptr);
    }
    if (i32[d + D_OWNER] === core.id) {
      i32[d + D_USED] = 0;
      dlRemove(i32, core.heapBase + R_FULL, -1, d);
      retireSpan(core, d);
    } else {
      freeMt(core, d, block);
    }
    return;
  }
  if (core.debug) {
    const idx = (block - core.pageOf(d) * PAGE_SIZE) / i32[d + D_BLOCK_SIZE]!;
    if (idx >= i32[d + D_CAPACITY]!) corrupt(core, 'free of a block that was never allocated', ptr);
    if (onFreeList(core, d, block)) corrupt(core, 'double free', ptr);
  }
  if (i32[d + D_OWNER] === core.id) freeLocalSlow(core, d, block);
  else freeMt(core, d, block);
}

/** Owner, small page not on the fast path (full list or aligned flag, or debug mode). */
function freeLocalSlow(core: HeapCore, d: number, block: number): void {
  const i32 = core.i32;
  i32[block >>> 2] = i32[d + D_LOCAL_FREE]!;
  i32[d + D_LOCAL_FREE] = block;
  const used = i32[d + D_USED]! - 1;
  i32[d + D_USED] = used;
  if ((i32[d + D_LIST]! & L_MASK) === L_FULL) {
    // The page has a free block again: back to the front of its queue.
    const tc = i32[d + D_TAGCLS]!;
    const q = queueOf(core.heapBase, tc >>> 8, tc & 255);
    dlRemove(i32, core.heapBase + R_FULL, -1, d);
    dlPushFront(i32, q, q + 1, d);
    setPageList(i32, d, L_QUEUE);
  }
  if (used === 0) pageEmptyLocal(core, d);
}

/**
 * Owner: small page `d` on a queue has no live block. Keep it if it is the only page of
 * its queue (it can serve the same class again at once); otherwise retire it.
 */
export function pageEmptyLocal(core: HeapCore, d: number): void {
  const i32 = core.i32;
  if ((i32[d + D_LIST]! & L_MASK) !== L_QUEUE) return;
  const tc = i32[d + D_TAGCLS]!;
  const q = queueOf(core.heapBase, tc >>> 8, tc & 255);
  if (i32[q] === d && i32[d + D_NEXT] === 0) return;
  dlRemove(i32, q, q + 1, d);
  setPageList(i32, d, L_NONE);
  retireSpan(core, d);
}

/** Any thread that does not own span `d`: push `block` on its thread-free list. */
export function freeMt(core: HeapCore, d: number, block: number): void {
  const i32 = core.i32;
  let head: number;
  do {
    head = loadRelaxed(i32, d + D_THREAD_FREE);
    i32[block >>> 2] = head;
  } while (casAcqRel(i32, d + D_THREAD_FREE, head, block) !== head);
  if (head === 0) notifyOwnerMt(core, d);
}

/** Push span `d` on its owner's delayed stack unless it is already on one. */
export function notifyOwnerMt(core: HeapCore, d: number): void {
  const i32 = core.i32;
  if (casAcqRel(i32, d + D_DELAYED, 0, 1) !== 0) return;
  const owner = loadAcquire(i32, d + D_OWNER);
  if (owner <= 0) {
    // Not owned by a heap (cannot happen for a span with a live block): drop the claim.
    storeRelease(i32, d + D_DELAYED, 0);
    return;
  }
  const stack = core.recordOf(owner) + R_DELAYED;
  let head: number;
  do {
    head = loadAcquire(i32, stack);
    storeRelease(i32, d + D_DELAYED, (head << 1) | 1);
  } while (casAcqRel(i32, stack, head, d) !== head);
}

/** Owner: after collecting, put span `d` where it belongs (queue, full list, retired). */
function settleAfterCollect(core: HeapCore, d: number): void {
  const i32 = core.i32;
  if (i32[d + D_KIND] === K_LARGE) {
    if (i32[d + D_THREAD_FREE] !== 0) {
      exchangeAcqRel(i32, d + D_THREAD_FREE, 0);
      i32[d + D_USED] = 0;
      dlRemove(i32, core.heapBase + R_FULL, -1, d);
      retireSpan(core, d);
    }
    return;
  }
  if ((i32[d + D_LIST]! & L_MASK) !== L_FULL) return; // on a queue: malloc collects it there
  pageCollect(core, d);
  if (i32[d + D_FREE] === 0) return;
  dlRemove(i32, core.heapBase + R_FULL, -1, d);
  if (i32[d + D_USED] === 0) {
    setPageList(i32, d, L_NONE);
    retireSpan(core, d);
    return;
  }
  const tc = i32[d + D_TAGCLS]!;
  const q = queueOf(core.heapBase, tc >>> 8, tc & 255);
  dlPushFront(i32, q, q + 1, d);
  setPageList(i32, d, L_QUEUE);
}

/** Owner: handle every page other threads told us about (see the file header). */
export function processDelayed(core: HeapCore): void {
  const i32 = core.i32;
  let d = exchangeAcqRel(i32, core.heapBase + R_DELAYED, 0);
  while (d !== 0) {
    const next = loadAcquire(i32, d + D_DELAYED) >>> 1;
    storeRelease(i32, d + D_DELAYED, 0);
    const owner = loadAcquire(i32, d + D_OWNER);
    if (owner !== core.id) {
      // A notice that reached a previous owner of the slot: forward it.
      const st = owner <= 0 ? -1 : loadAcquire(i32, core.recordOf(owner) + R_STATE);
      if ((st === S_ACTIVE || st === S_ABANDONED || st === S_RECLAIMING) && loadAcquire(i32, d + D_THREAD_FREE) !== 0) {
        notifyOwnerMt(core, d);
      }
    } else {
      settleAfterCollect(core, d);
    }
    d = next;
  }
}

/**
 * Owner: collect every page on the full list. Notices can be lost when a page changes
 * owner (a thread reclaims an abandoned heap while another frees into it), so malloc
 * runs this every SWEEP_INTERVAL fresh pages; collect() runs it too.
 */
export function sweepFull(core: HeapCore): void {
  const i32 = core.i32;
  let d = i32[core.heapBase + R_FULL]!;
  while (d !== 0) {
    const next = i32[d + D_NEXT]!;
    settleAfterCollect(core, d);
    d = next;
  }
  i32[core.heapBase + R_FRESH] = 0;
}

/**
 * Owner: collect every page on the small-page queues and retire the ones left with no
 * live block — all of them with `force`, otherwise all but the first of each queue
 * (which malloc would use next). Frees by other threads into a page that is not full
 * are otherwise only collected when malloc reaches the page.
 */
export function collectQueues(core: HeapCore, force: boolean): void {
  const i32 = core.i32;
  for (let k = 0; k < NTAGS * NCLASSES; k++) {
    const q = core.heapBase + R_QUEUES + (k << 1);
    let d = i32[q]!;
    while (d !== 0) {
      const next = i32[d + D_NEXT]!;
      pageCollect(core, d);
      if (i32[d + D_USED] === 0 && (force || i32[q] !== d)) {
        dlRemove(i32, q, q + 1, d);
        setPageList(i32, d, L_NONE);
        retireSpan(core, d);
      }
      d = next;
    }
  }
}

/** Debug/stats helper: number of blocks on page `d`'s thread-free list (world stopped). */
export function threadFreeLength(core: HeapCore, d: number): number {
  return listLength(core.i32, loadAcquire(core.i32, d + D_THREAD_FREE), core.i32[d + D_CAPACITY]!);
}
