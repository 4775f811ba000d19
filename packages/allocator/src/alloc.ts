// Allocation slow paths. ThreadHeap.malloc pops from the first page of the
// (tag, size class) queue inline; everything else is here: finding a page with free
// blocks (collecting its local and thread frees, carving more blocks, moving full pages
// to the full list), taking a fresh page, large blocks (a span of their own) and
// aligned allocation. Failure is the value 0 (NULL), never an exception.
import { loadRelaxed } from './atomics.js';
import { reclaimAbandoned } from './abandon.js';
import type { HeapCore } from './context.js';
import {
  D_BLOCK_SIZE, D_CAPACITY, D_FREE, D_KIND, D_LIST, D_LOCAL_FREE, D_NEXT, D_RESERVED,
  D_TAGCLS, D_THREAD_FREE, D_USED, K_LARGE, LARGE_CLASS, L_FULL, L_QUEUE, NTAGS, PAGE_SIZE,
  R_DELAYED, R_FRESH, R_FULL,
} from './layout.js';
import { processDelayed, sweepFull } from './free.js';
import {
  dlPushFront, dlRemove, initSmallPage, pageCollect, pageExtend, queueOf, setPageAligned, setPageList,
} from './page.js';
import { claimSpan } from './segment.js';
import { CLASS_SIZE, SIZE_TO_CLASS, SMALL_MAX } from './size-classes.js';
import type { Tag } from './types.js';

/** Fresh pages taken between two sweeps of the full list. */
const SWEEP_INTERVAL = 32;
/** Largest request: the memory cannot exceed 4 GiB. */
const MAX_REQUEST = 0xffff0000;

/** Pop a block from the free list of page `d` (which must have one). */
function popBlock(i32: Int32Array, d: number): number {
  const b = i32[d + D_FREE]!;
  i32[d + D_FREE] = i32[b >>> 2]!;
  i32[d + D_USED] = i32[d + D_USED]! + 1;
  return b >>> 0;
}

/** A span of `npages` for this heap: local/pool/top, then abandoned heaps, then growth. */
function takeSpan(core: HeapCore, npages: number): number {
  let d = claimSpan(core, npages, false);
  if (d === 0 && reclaimAbandoned(core)) d = claimSpan(core, npages, false);
  if (d === 0) d = claimSpan(core, npages, true);
  return d;
}

/** Everything malloc's inline fast path did not handle. */
export function mallocSlow(core: HeapCore, size: number, tag: number): number {
  if (core.id === 0) throw new Error('@pynogil/allocator: this thread heap was abandoned');
  if (!(size >= 0 && size <= MAX_REQUEST) || !(tag >= 0 && tag < NTAGS) || (tag | 0) !== tag) return 0;
  if (loadRelaxed(core.i32, core.heapBase + R_DELAYED) !== 0) processDelayed(core);
  if (size <= SMALL_MAX) return mallocSmallSlow(core, SIZE_TO_CLASS[(size + 7) >>> 3]!, tag);
  return mallocLarge(core, size, tag);
}

function mallocSmallSlow(core: HeapCore, cls: number, tag: number): number {
  const q = queueOf(core.heapBase, tag, cls);
  for (let pass = 0; pass < 2; pass++) {
    let i32 = core.i32;
    let d = i32[q]!;
    while (d !== 0) {
      const next = i32[d + D_NEXT]!;
      pageCollect(core, d);
      if (i32[d + D_FREE] === 0) pageExtend(core, d);
      if (i32[d + D_FREE] !== 0) {
        if (i32[q] !== d) {
          dlRemove(i32, q, q + 1, d);
          dlPushFront(i32, q, q + 1, d);
        }
        return popBlock(i32, d);
      }
      // No free block: off the queue until a free makes room (see free.ts).
      dlRemove(i32, q, q + 1, d);
      dlPushFront(i32, core.heapBase + R_FULL, -1, d);
      setPageList(i32, d, L_FULL);
      d = next;
    }
    const fresh = core.heapBase + R_FRESH;
    i32[fresh] = i32[fresh]! + 1;
    if (pass === 0 && i32[fresh]! >= SWEEP_INTERVAL) {
      sweepFull(core);
      if (i32[q] !== 0) continue;
    }
    d = takeSpan(core, 1);
    if (d === 0) return 0;
    i32 = core.i32;
    initSmallPage(core, d, tag, cls);
    pageExtend(core, d);
    dlPushFront(i32, q, q + 1, d);
    setPageList(i32, d, L_QUEUE);
    return popBlock(i32, d);
  }
  return 0;
}

/** A block bigger than SMALL_MAX: a span of whole pages holding only it. */
export function mallocLarge(core: HeapCore, size: number, tag: number): number {
  const npages = Math.ceil(Math.max(size, 1) / PAGE_SIZE);
  if (npages > core.maxPages) return 0;
  const d = takeSpan(core, npages);
  if (d === 0) return 0;
  const i32 = core.i32;
  i32[d + D_KIND] = K_LARGE;
  i32[d + D_TAGCLS] = (tag << 8) | LARGE_CLASS;
  i32[d + D_BLOCK_SIZE] = 0; // usable size is D_SPAN * PAGE_SIZE (may not fit in 31 bits)
  i32[d + D_CAPACITY] = 1;
  i32[d + D_RESERVED] = 1;
  i32[d + D_USED] = 1;
  i32[d + D_FREE] = 0;
  i32[d + D_LOCAL_FREE] = 0;
  i32[d + D_THREAD_FREE] = 0; // D_DELAYED stays: the span may be linked on a delayed stack
  i32[d + D_LIST] = L_FULL;
  dlPushFront(i32, core.heapBase + R_FULL, -1, d);
  return core.pageOf(d) * PAGE_SIZE;
}

/**
 * A block of at least `size` bytes whose address is a multiple of `align` (a power of
 * two). Small blocks whose class size is a multiple of `align` are naturally aligned
 * (pages are 64 KiB-aligned); otherwise the block is over-allocated and an interior
 * pointer is returned, which free and usableSize map back to the block.
 */
export function mallocAligned(core: HeapCore & { malloc(size: number, tag: Tag): number },
  size: number, align: number, tag: Tag): number {
  if (!(align > 0) || (align & (align - 1)) !== 0 || align > 0x40000000) return 0;
  if (!(size >= 0 && size <= MAX_REQUEST)) return 0;
  if (align <= 8) return core.malloc(size, tag);
  if (size <= SMALL_MAX && align <= PAGE_SIZE) {
    const cls = SIZE_TO_CLASS[(size + 7) >>> 3]!;
    if (CLASS_SIZE[cls]! % align === 0) return core.malloc(size, tag);
  }
  const total = size + align - 8;
  if (total > MAX_REQUEST) return 0;
  const p = total <= SMALL_MAX ? core.malloc(total, tag) : mallocLarge(core, total, tag);
  if (p === 0) return 0;
  const a = p + ((align - (p % align)) % align);
  if (a !== p && total <= SMALL_MAX) setPageAligned(core.i32, core.descOf(p));
  return a;
}
