// Shared-memory layout of @pynogil/allocator: every offset, every field, who writes
// it and the invariants that hold between fields. This file is the design document of
// the allocator (in the manner of mimalloc's types.h); docs/internals/allocator.md
// explains the mechanisms. Offsets are defined here once and nowhere else.
//
// ## Glossary
//
// * memory   — one shared WebAssembly.Memory; a pointer is a u32 byte offset into it,
//              and 0 is NULL (page 0 holds the heap header, so no block starts at 0).
// * page     — 64 KiB of memory, aligned to 64 KiB, the same size as a wasm page.
//              Page number `p` covers bytes [p << 16, (p + 1) << 16). Every page has a
//              descriptor in the page table, found from any pointer by `ptr >>> 16`.
// * span     — a run of consecutive pages with one descriptor at its head page; the
//              other pages are TAIL pages pointing back at the head.
// * segment  — the unit in which a thread heap takes pages from the global pool:
//              SEGMENT_PAGES pages (1 MiB) at once (or the exact span for a large
//              block), so that the global lock is taken once per segment, not per page.
// * small page — a one-page span cut into equal blocks of one size class and one tag.
// * large block — a block bigger than SMALL_MAX: a span of its own (one block).
// * thread heap — the per-thread record (one per worker that attached); it owns pages.
//                 Only its thread allocates from them; any thread may free into them.
// * tag      — RAW (plain memory), OBJECT (non-GC objects), GC (GC-tracked objects).
//              Pages never mix tags, so `walk(tag)` finds objects without a list.
//
// ## Memory map
//
//   [0, HEADER_BYTES)              global header (below)
//   [HEADER_BYTES, + maxThreads*HEAP_BYTES)  thread-heap records, slot 1 at index 0
//   [ptOffset, ptOffset + maxPages*DESC_BYTES)  page table: one descriptor per page
//   [firstDataPage << 16, top << 16)      spans handed out so far (data)
//   [top << 16, sizePages << 16)          committed but never used
//
// Metadata pages [0, firstDataPage) have descriptors of kind K_META.
//
// ## Global header (Int32 word index → field)                        writer
//
//   H_MAGIC        0  HEAP_MAGIC                                      creator
//   H_VERSION      1  LAYOUT_VERSION                                  creator
//   H_SIZE_PAGES   2  committed wasm pages (the "size word")          grower, under lock, release-store
//   H_MAX_PAGES    3  maximum wasm pages of the memory                creator
//   H_LOCK         4  global lock: 0 free, 1 held, 2 held + waiters   lock.ts
//   H_TOP          5  first page number never handed out             under lock
//   H_PT_OFFSET    6  byte offset of the page table                   creator
//   H_FIRST_DATA   7  first data page number                          creator
//   H_MAX_THREADS  8  number of thread-heap slots                      creator
//   H_HEAPS_OFFSET 9  byte offset of the thread-heap records          creator
//   H_POOL_HEAD   10  descriptor (word index) of the first free global span, 0 = none  under lock
//   H_FLAGS       11  bit 0: debug checks on                          creator
//   H_GROWS       12  number of successful memory.grow calls          under lock
//   H_ROOTS      32..63  ROOT_SLOTS root words (u32 offsets of other packages'
//                    global structures); any thread, atomics only.
//   H_NULL_QUEUES 64..  NTAGS * NCLASSES * 2 words that stay zero: the queues an
//                    abandoned ThreadHeap points at, so its inline malloc finds no
//                    page and falls into the slow path (which reports the misuse).
//
// Invariants: firstDataPage <= top <= sizePages <= maxPages;
//             sizePages only increases; memory.buffer.byteLength >= sizePages << 16.
//
// ## Thread-heap record (HEAP_WORDS words at heapsOffset + (id - 1) * HEAP_BYTES)
//
//   R_STATE         0  S_FREE / S_ACTIVE / S_ABANDONED / S_RECLAIMING   CAS by any thread
//   R_DELAYED       1  head of the delayed-page stack (descriptor), pushed by
//                      other threads that freed into one of our FULL pages or
//                      large spans; popped all at once by the owner (exchange)
//   R_FULL          2  first descriptor of the full list (owner)
//   R_RETIRED_HEAD  3  oldest retired page (FIFO, owner)
//   R_RETIRED_TAIL  4  newest retired page (owner)
//   R_SPANS         5  first free span owned by this heap (owner)
//   R_SPAN_PAGES    6  pages in those spans (owner)
//   R_GENERATION    7  incremented each time a thread takes the slot (owner)
//   R_FRESH         8  count of pages taken since the last sweep of the full list (owner)
//   R_QUEUES       16  NTAGS * NCLASSES queues of small pages, two words each:
//                      [first, last] descriptors; `first` is where malloc looks.
//
// A heap slot's id (1-based) is its thread id: block owner checks compare a page's
// D_OWNER with it, and it fits the u16 `ob_tid` of the object header.
//
// ## Page descriptor (DESC_WORDS = 16 words = 64 bytes; `d` = its Int32 word index)
//
//   D_KIND        0  K_* below                          owner (or lock holder for K_FREE in the pool)
//   D_OWNER       1  heap id owning the span; POOL_OWNER (-1) = in the global pool
//                    (written only under the global lock); 0 = none (tail pages)
//                    owner; adopter when reclaiming; lock holder for the pool
//   D_TAGCLS      2  (tag << 8) | sizeClass; sizeClass = LARGE_CLASS for large spans   owner
//   D_BLOCK_SIZE  3  bytes per block (small) or usable bytes (large)   owner
//   D_CAPACITY    4  blocks carved so far (free lists extended lazily) owner
//   D_RESERVED    5  blocks that fit in the page                       owner
//   D_USED        6  blocks handed out and not returned to FREE/LOCAL_FREE
//                    (blocks on THREAD_FREE still count)               owner
//   D_FREE        7  free list malloc pops from (block ptr, 0 = empty) owner
//   D_LOCAL_FREE  8  blocks freed by the owner since the last collect  owner
//   D_THREAD_FREE 9  blocks freed by other threads (lock-free stack)    CAS by any thread; owner exchanges to 0
//   D_NEXT       10  next descriptor in whichever list the span is on  owner (lock holder in pool)
//   D_PREV       11  previous descriptor                               same
//   D_SPAN       12  head: pages in the span; tail: head page number    owner / lock holder
//   D_GOAL       13  reuse goal stamped when the span became empty     owner
//   D_DELAYED    14  0 = not on a delayed stack; else (next << 1) | 1  CAS 0->1 by the freeing thread
//   D_LIST       15  L_* (low 2 bits): which owner list a small page is on;
//                    F_ALIGNED: interior pointers were handed out       owner
//
// D_KIND of a small page is K_SMALL exactly when D_LIST == L_QUEUE (no flags): that
// is the only case free's inline fast path handles; every other page goes to freeSlow.
//
// Block free lists are threaded through the blocks: the first word of a free block
// holds the next free block (0 ends the list). Blocks are 8-aligned and >= 8 bytes.
//
// Invariants of a small page (when no other thread is running, e.g. the world is stopped):
//   used + |free| + |local_free| == capacity <= reserved == floor(PAGE_SIZE / block_size)
//   live blocks == used - |thread_free|          (so 0 <= |thread_free| <= used)
//   every block on free/local_free/thread_free lies at page_start + i * block_size, i < capacity
//   the three lists are disjoint and acyclic
//   D_LIST == L_FULL  <=>  the page is on its heap's full list; L_QUEUE: on the queue of its (tag, class)
// Invariants of a large span: used ∈ {0, 1}, capacity == reserved == 1; used == 1 while on R_FULL.
// Invariants of the page table: pages [firstData, top) are partitioned into spans; each
// span's head has kind K_SMALL, K_SMALL_SLOW, K_LARGE, K_FREE or K_RETIRED and
// D_SPAN == its page count; its other pages are K_TAIL with D_SPAN == head page number.
// A K_FREE span with D_OWNER == POOL_OWNER is in the global pool (H_POOL_HEAD list);
// with D_OWNER == h it is on heap h's R_SPANS list. POOL_OWNER is a value no other
// span head or tail ever holds, so a thread merging pool spans under the lock can never
// mistake a span that another thread is cutting (outside the lock) for a pool span. A K_RETIRED span is on its heap's
// retired FIFO; it becomes K_FREE only once the heap's reuse gate says D_GOAL is reached.

export const PAGE_SHIFT = 16;
export const PAGE_SIZE = 1 << PAGE_SHIFT; // 64 KiB, equal to a wasm page
export const WASM_PAGE_SIZE = 65536;
export const SEGMENT_PAGES = 16; // 1 MiB claimed from the global pool at once

export const HEAP_MAGIC = 0x50794d61; // 'PyMa'
export const LAYOUT_VERSION = 1;

// Global header words.
export const H_MAGIC = 0;
export const H_VERSION = 1;
export const H_SIZE_PAGES = 2;
export const H_MAX_PAGES = 3;
export const H_LOCK = 4;
export const H_TOP = 5;
export const H_PT_OFFSET = 6;
export const H_FIRST_DATA = 7;
export const H_MAX_THREADS = 8;
export const H_HEAPS_OFFSET = 9;
export const H_POOL_HEAD = 10;
export const H_FLAGS = 11;
export const H_GROWS = 12;
export const H_ROOTS = 32;
export const ROOT_SLOTS = 32;
/** Words [H_NULL_QUEUES, H_NULL_QUEUES + NTAGS * NCLASSES * 2): always zero. */
export const H_NULL_QUEUES = 64;
export const HEADER_BYTES = 2048;
export const FLAG_DEBUG = 1;

// Thread-heap record words.
export const R_STATE = 0;
export const R_DELAYED = 1;
export const R_FULL = 2;
export const R_RETIRED_HEAD = 3;
export const R_RETIRED_TAIL = 4;
export const R_SPANS = 5;
export const R_SPAN_PAGES = 6;
export const R_GENERATION = 7;
export const R_FRESH = 8;
export const R_QUEUES = 16;

export const S_FREE = 0;
export const S_ACTIVE = 1;
export const S_ABANDONED = 2;
export const S_RECLAIMING = 3;

// Page descriptor words.
export const DESC_WORDS = 16;
export const DESC_SHIFT = 4; // log2(DESC_WORDS)
export const DESC_BYTES = DESC_WORDS * 4;
export const D_KIND = 0;
export const D_OWNER = 1;
export const D_TAGCLS = 2;
export const D_BLOCK_SIZE = 3;
export const D_CAPACITY = 4;
export const D_RESERVED = 5;
export const D_USED = 6;
export const D_FREE = 7;
export const D_LOCAL_FREE = 8;
export const D_THREAD_FREE = 9;
export const D_NEXT = 10;
export const D_PREV = 11;
export const D_SPAN = 12;
export const D_GOAL = 13;
export const D_DELAYED = 14;
export const D_LIST = 15;

// Page kinds (D_KIND).
export const K_UNUSED = 0; // at or above H_TOP: never handed out
export const K_META = 1; // header / page table
export const K_SMALL = 2; // small page on its queue, no interior pointers: free's fast path applies
export const K_SMALL_SLOW = 3; // small page on the full list or with interior (aligned) pointers
export const K_LARGE = 4; // head of a span holding one large block
export const K_TAIL = 5; // non-head page of any span
export const K_FREE = 6; // head of a free span (global pool or a heap's R_SPANS)
export const K_RETIRED = 7; // head of an empty span waiting for its reuse goal

// Which owner list a small page is on (D_LIST, low bits) and page flags (high bits).
export const L_NONE = 0;
export const L_QUEUE = 1;
export const L_FULL = 2;
export const L_MASK = 3;
/** D_LIST flag: an interior pointer (from mallocAligned) was handed out from this page. */
export const F_ALIGNED = 16;

// Tags.
export const NTAGS = 3;
/** D_OWNER of a span in the global pool. */
export const POOL_OWNER = -1;
/** sizeClass value stored for large spans. */
export const LARGE_CLASS = 255;

/** Bytes of one thread-heap record (words rounded up to a multiple of 16). */
export function heapRecordWords(nclasses: number): number {
  return (R_QUEUES + NTAGS * nclasses * 2 + 15) & ~15;
}
