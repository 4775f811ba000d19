// Pages: initialising a small page for a (tag, size class), carving its blocks lazily
// into the free list, collecting the local-free and thread-free lists back into the
// free list, and the intrusive doubly-linked lists (queues, full list, span lists)
// that descriptors are kept on. All functions here run on the page's owner thread
// (or under the global lock for pool spans) except where the name ends in Mt.
import { exchangeAcqRel } from './atomics.js';
import type { HeapCore } from './context.js';
import {
  D_BLOCK_SIZE, D_CAPACITY, D_FREE, D_GOAL, D_KIND, D_LIST, D_LOCAL_FREE, D_NEXT,
  D_OWNER, D_PREV, D_RESERVED, D_TAGCLS, D_THREAD_FREE, D_USED, F_ALIGNED, K_SMALL, K_SMALL_SLOW,
  L_MASK, L_NONE, L_QUEUE, PAGE_SHIFT, PAGE_SIZE, R_QUEUES,
} from './layout.js';
import { CLASS_SIZE, NCLASSES } from './size-classes.js';

/** Word index of the [first, last] queue of (tag, cls) in the heap record at `heapBase`. */
export function queueOf(heapBase: number, tag: number, cls: number): number {
  return heapBase + R_QUEUES + ((tag * NCLASSES + cls) << 1);
}

/** Owner: record which list small page `d` is on, keeping its flags, and set its kind. */
export function setPageList(i32: Int32Array, d: number, list: number): void {
  const v = (i32[d + D_LIST]! & ~L_MASK) | list;
  i32[d + D_LIST] = v;
  i32[d + D_KIND] = v === L_QUEUE ? K_SMALL : K_SMALL_SLOW;
}

/** Owner: mark small page `d` as having handed out an interior pointer. */
export function setPageAligned(i32: Int32Array, d: number): void {
  i32[d + D_LIST] = i32[d + D_LIST]! | F_ALIGNED;
  i32[d + D_KIND] = K_SMALL_SLOW;
}

/** Bytes carved into the free list at a time (at least one block). */
const EXTEND_BYTES = 4096;

/** Byte offset where page/span `d` starts. */
export function spanStart(core: HeapCore, d: number): number {
  return core.pageOf(d) * PAGE_SIZE;
}

/** Turn the one-page span `d` (owned by this heap) into an empty small page of (tag, cls). */
export function initSmallPage(core: HeapCore, d: number, tag: number, cls: number): void {
  const i32 = core.i32;
  const size = CLASS_SIZE[cls]!;
  i32[d + D_KIND] = K_SMALL;
  i32[d + D_OWNER] = core.id;
  i32[d + D_TAGCLS] = (tag << 8) | cls;
  i32[d + D_BLOCK_SIZE] = size;
  i32[d + D_CAPACITY] = 0;
  i32[d + D_RESERVED] = Math.floor(PAGE_SIZE / size);
  i32[d + D_USED] = 0;
  i32[d + D_FREE] = 0;
  i32[d + D_LOCAL_FREE] = 0;
  i32[d + D_THREAD_FREE] = 0;
  i32[d + D_NEXT] = 0;
  i32[d + D_PREV] = 0;
  i32[d + D_GOAL] = 0;
  // D_DELAYED is left alone: the page may still be linked on a delayed stack.
  i32[d + D_LIST] = L_NONE;
}

/** Carve more never-used blocks of page `d` onto its (empty) free list. False if full. */
export function pageExtend(core: HeapCore, d: number): boolean {
  const i32 = core.i32;
  const cap = i32[d + D_CAPACITY]!;
  const reserved = i32[d + D_RESERVED]!;
  if (cap >= reserved) return false;
  const size = i32[d + D_BLOCK_SIZE]!;
  let n = Math.floor(EXTEND_BYTES / size);
  if (n < 1) n = 1;
  if (n > reserved - cap) n = reserved - cap;
  const start = core.pageOf(d) * PAGE_SIZE + cap * size;
  // Link start -> start+size -> ... -> last -> old free (0).
  let p = start;
  for (let k = 1; k < n; k++) {
    const next = p + size;
    i32[p >>> 2] = next;
    p = next;
  }
  i32[p >>> 2] = i32[d + D_FREE]!;
  i32[d + D_FREE] = start;
  i32[d + D_CAPACITY] = cap + n;
  return true;
}

/**
 * Owner: move blocks freed by other threads (thread_free, taken atomically) and by this
 * thread (local_free) onto the free list. Afterwards `used` counts only live blocks.
 */
export function pageCollect(core: HeapCore, d: number): void {
  const i32 = core.i32;
  if (i32[d + D_THREAD_FREE] !== 0) {
    const head = exchangeAcqRel(i32, d + D_THREAD_FREE, 0);
    if (head !== 0) {
      let n = 1;
      let tail = head;
      for (let next = i32[tail >>> 2]!; next !== 0; next = i32[tail >>> 2]!) {
        tail = next;
        n++;
      }
      i32[tail >>> 2] = i32[d + D_FREE]!;
      i32[d + D_FREE] = head;
      i32[d + D_USED] = i32[d + D_USED]! - n;
    }
  }
  if (i32[d + D_FREE] === 0) {
    i32[d + D_FREE] = i32[d + D_LOCAL_FREE]!;
    i32[d + D_LOCAL_FREE] = 0;
  }
}

/** Number of blocks on the list starting at `head` (debug / stats; the list must not change). */
export function listLength(i32: Int32Array, head: number, limit: number): number {
  let n = 0;
  for (let p = head; p !== 0 && n <= limit; p = i32[p >>> 2]!) n++;
  return n;
}

// ---- intrusive descriptor lists (owner thread, or global lock for the pool) ----

/** Push `d` at the front of the list whose first word is i32[head] (tail word optional: -1). */
export function dlPushFront(i32: Int32Array, head: number, tail: number, d: number): void {
  const first = i32[head]!;
  i32[d + D_PREV] = 0;
  i32[d + D_NEXT] = first;
  if (first !== 0) i32[first + D_PREV] = d;
  else if (tail >= 0) i32[tail] = d;
  i32[head] = d;
}

/** Append `d` to the list with words i32[head], i32[tail]. */
export function dlPushBack(i32: Int32Array, head: number, tail: number, d: number): void {
  const last = i32[tail]!;
  i32[d + D_NEXT] = 0;
  i32[d + D_PREV] = last;
  if (last !== 0) i32[last + D_NEXT] = d;
  else i32[head] = d;
  i32[tail] = d;
}

/** Unlink `d` from the list with words i32[head] and (unless -1) i32[tail]. */
export function dlRemove(i32: Int32Array, head: number, tail: number, d: number): void {
  const prev = i32[d + D_PREV]!;
  const next = i32[d + D_NEXT]!;
  if (prev !== 0) i32[prev + D_NEXT] = next;
  else i32[head] = next;
  if (next !== 0) i32[next + D_PREV] = prev;
  else if (tail >= 0) i32[tail] = prev;
  i32[d + D_PREV] = 0;
  i32[d + D_NEXT] = 0;
}

/** Page number containing byte `ptr`. */
export function pageNumberOf(ptr: number): number {
  return ptr >>> PAGE_SHIFT;
}
