// ThreadHeap: one thread's handle on the shared heap, and the functions that create
// the heap (createHeap) or attach another worker to it (attachHeap). malloc and free
// keep their common case inline here — a pop from / push to the free list of the
// page that serves the (tag, size class), with no atomic operation and no JS
// allocation — and call alloc.ts / free.ts for everything else.
import { abandonHeap, reclaimAbandoned } from './abandon.js';
import { mallocAligned, mallocSlow } from './alloc.js';
import { casAcqRel, loadAcquire, storeRelease } from './atomics.js';
import { HeapCore } from './context.js';
import {
  D_BLOCK_SIZE, D_KIND, D_LOCAL_FREE, D_OWNER, D_SPAN, D_TAGCLS, D_USED, DESC_BYTES, DESC_WORDS,
  FLAG_DEBUG, H_FIRST_DATA, H_FLAGS, H_HEAPS_OFFSET, H_MAGIC, H_MAX_PAGES, H_MAX_THREADS,
  H_PT_OFFSET, H_ROOTS, H_SIZE_PAGES, H_TOP, H_VERSION, HEADER_BYTES, HEAP_MAGIC, K_LARGE, K_META,
  K_SMALL, LAYOUT_VERSION, PAGE_SIZE, R_GENERATION, R_STATE, ROOT_SLOTS, S_ABANDONED, S_ACTIVE,
  S_FREE, SEGMENT_PAGES, heapRecordWords,
} from './layout.js';
import { blockStartOf, collectQueues, freeMt, freeSlow, pageEmptyLocal, processDelayed, spanHeadOf, sweepFull } from './free.js';
import { drainRetired, trimLocalSpans } from './segment.js';
import { NCLASSES, SIZE_TO_CLASS, SMALL_MAX } from './size-classes.js';
import { heapStats, walkTag } from './stats.js';
import type { HeapHandle, HeapOptions, HeapStats, ReuseGate, Tag, WasmMemory } from './types.js';

export class ThreadHeap extends HeapCore {
  /** Use createHeap / attachHeap. */
  constructor(memory: WasmMemory) {
    super(memory);
    this.claimSlot();
  }

  private claimSlot(): void {
    const i32 = this.i32;
    // A never-used or reclaimed slot first; else take over an abandoned heap as it is.
    for (const [from, label] of [[S_FREE, 0], [S_ABANDONED, 1]] as const) {
      for (let id = 1; id <= this.maxThreads; id++) {
        const rb = this.recordOf(id);
        if (loadAcquire(i32, rb + R_STATE) !== from) continue;
        if (casAcqRel(i32, rb + R_STATE, from, S_ACTIVE) !== from) continue;
        this.bindRecord(id);
        i32[rb + R_GENERATION] = i32[rb + R_GENERATION]! + 1;
        if (label === 1) processDelayed(this);
        return;
      }
    }
    throw new Error(`@pynogil/allocator: all ${this.maxThreads} thread-heap slots are in use`);
  }

  /** What another worker passes to attachHeap (post it with postMessage). */
  handle(): HeapHandle {
    return { memory: this.memory };
  }

  /** Install the policy that decides when empty pages may change size class or tag. */
  setReuseGate(gate: ReuseGate): void {
    this.gate = gate;
  }

  /**
   * `size` bytes (0 allowed) in a page of `tag`, 8-aligned; 0 (NULL) when the memory
   * cannot grow. Blocks are not zeroed.
   */
  malloc(size: number, tag: Tag = 0): number {
    if (size <= SMALL_MAX && size >= 0 && tag >>> 0 < 3) {
      const i32 = this.i32;
      const d = i32[this.qBase + ((tag * NCLASSES + SIZE_TO_CLASS[(size + 7) >>> 3]!) << 1)]!;
      if (d !== 0) {
        let b = i32[d + 7]!; // D_FREE
        if (b === 0) {
          // Take the blocks this thread freed (D_LOCAL_FREE) without leaving the fast path;
          // thread frees are collected by the slow path once the local list runs dry too.
          b = i32[d + 8]!;
          i32[d + 8] = 0;
        }
        if (b !== 0) {
          i32[d + 7] = i32[b >>> 2]!;
          i32[d + 6]++; // D_USED
          return b >>> 0;
        }
      }
    }
    return mallocSlow(this, size, tag);
  }

  /** `count * size` zeroed bytes, or 0. */
  calloc(count: number, size: number, tag: Tag = 0): number {
    const n = count * size;
    if (!(n >= 0) || n > 0xffff0000) return 0;
    const p = this.malloc(n, tag);
    if (p !== 0) this.u8.fill(0, p, p + n);
    return p;
  }

  /**
   * Resize block `ptr` to `size` bytes, keeping its contents and tag; returns the new
   * offset (possibly `ptr`), or 0 with `ptr` untouched when memory is exhausted.
   * realloc(0, n) is malloc(n, tag).
   */
  realloc(ptr: number, size: number, tag: Tag = 0): number {
    if (ptr === 0) return this.malloc(size, tag);
    if (!(size >= 0) || size > 0xffff0000) return 0;
    const usable = this.usableSize(ptr);
    if (size <= usable && size >= (usable >>> 1) - 16) return ptr;
    const d = spanHeadOf(this, ptr);
    const oldTag = (this.i32[d + D_TAGCLS]! >>> 8) as Tag;
    const p = this.malloc(size, oldTag);
    if (p === 0) return 0;
    this.u8.copyWithin(p, ptr, ptr + Math.min(size, usable));
    this.free(ptr);
    return p;
  }

  /** Give block `ptr` back; any thread may free any block. free(0) does nothing. */
  free(ptr: number): void {
    if (ptr >= this.byteLength) return freeSlow(this, ptr); // remaps, then checks the range
    const i32 = this.i32;
    const d = this.ptBase + ((ptr >>> 16) << 4);
    if (i32[d + D_KIND] === K_SMALL && !this.debug) {
      if (i32[d + D_OWNER] === this.id) {
        // freeLocal: push on the page's local free list; no atomics.
        i32[ptr >>> 2] = i32[d + D_LOCAL_FREE]!;
        i32[d + D_LOCAL_FREE] = ptr;
        const used = i32[d + D_USED]! - 1;
        i32[d + D_USED] = used;
        if (used === 0) pageEmptyLocal(this, d);
      } else {
        // K_SMALL pages hand out no interior pointers, so ptr is the block itself.
        freeMt(this, d, ptr);
      }
      return;
    }
    freeSlow(this, ptr);
  }

  /** Bytes usable from `ptr` to the end of its block; 0 if `ptr` is not in a block. */
  usableSize(ptr: number): number {
    this.ensure(ptr);
    const d = spanHeadOf(this, ptr);
    if (d === 0) return 0;
    const start = blockStartOf(this, d, ptr);
    const size = this.i32[d + D_KIND] === K_LARGE ? this.i32[d + D_SPAN]! * PAGE_SIZE : this.i32[d + D_BLOCK_SIZE]!;
    return size - ((ptr >>> 0) - start);
  }

  /** Tag of the block containing `ptr`, or -1. */
  tagOf(ptr: number): number {
    this.ensure(ptr);
    const d = spanHeadOf(this, ptr);
    return d === 0 ? -1 : this.i32[d + D_TAGCLS]! >>> 8;
  }

  /** `size` bytes at a multiple of `align` (a power of two), or 0. Free it with free(). */
  mallocAligned(size: number, align: number, tag: Tag = 0): number {
    if (this.id === 0 || !(tag >= 0 && tag <= 2)) return 0;
    return mallocAligned(this, size, align, tag);
  }

  /**
   * Collect frees from other threads, retire pages left empty (with `force` even the
   * one each size class keeps), release retired pages whose reuse goal is reached, and
   * with `force` first adopt every abandoned heap and finally give every free span
   * back to the global pool. Call at a safe point.
   */
  collect(force = false): void {
    if (this.id === 0) return;
    if (force) while (reclaimAbandoned(this)) { /* adopt every abandoned heap */ }
    processDelayed(this);
    sweepFull(this);
    collectQueues(this, force);
    drainRetired(this);
    if (force) trimLocalSpans(this, 0);
  }

  /**
   * Visit every live block of `tag` in every heap (abandoned ones included), as
   * visit(blockStart, blockSize). Only while no other thread allocates or frees (world
   * stopped); `visit` itself must not allocate or free (collect the offsets, free after).
   */
  walk(tag: Tag, visit: (ptr: number, size: number) => void): void {
    this.refresh();
    walkTag(this, tag, visit);
  }

  /** Statistics by scanning the page table; exact when the world is stopped. */
  stats(): HeapStats {
    this.refresh();
    return heapStats(this);
  }

  /** Root slot `i` (0 <= i < ROOT_SLOTS): where packages publish their global structures. */
  loadRoot(i: number): number {
    return loadAcquire(this.i32, H_ROOTS + checkRoot(i)) >>> 0;
  }

  storeRoot(i: number, value: number): void {
    storeRelease(this.i32, H_ROOTS + checkRoot(i), value | 0);
  }

  /** Set root `i` to `value` if it holds `expected`; returns the value found (unsigned). */
  compareExchangeRoot(i: number, expected: number, value: number): number {
    return casAcqRel(this.i32, H_ROOTS + checkRoot(i), expected | 0, value | 0) >>> 0;
  }

  /**
   * The thread is exiting: its heap is abandoned. Its live blocks stay valid and may be
   * freed by any thread; another thread reclaims its pages. This object is unusable after.
   */
  abandon(): void {
    abandonHeap(this);
  }

  /**
   * For an embedder that saw worker `id`'s thread end without calling abandon() (it
   * must have ended between two allocator calls): abandon its heap on its behalf.
   */
  abandonThread(id: number): boolean {
    if (!(id >= 1 && id <= this.maxThreads) || id === this.id) return false;
    return casAcqRel(this.i32, this.recordOf(id) + R_STATE, S_ACTIVE, S_ABANDONED) === S_ACTIVE;
  }

  /** Committed bytes according to the size word (may be ahead of this thread's views). */
  committedBytes(): number {
    return loadAcquire(this.i32, H_SIZE_PAGES) * PAGE_SIZE;
  }
}

function checkRoot(i: number): number {
  if (!(i >= 0 && i < ROOT_SLOTS) || (i | 0) !== i) throw new RangeError(`root slot ${i} out of range 0..${ROOT_SLOTS - 1}`);
  return i;
}

/** Create the shared memory and its heap; returns the calling thread's heap. */
export function createHeap(options: HeapOptions = {}): ThreadHeap {
  const maxPages = options.maximumPages ?? 65536;
  const maxThreads = options.maxThreads ?? 128;
  if (!(maxPages >= 2 && maxPages <= 65536) || (maxPages | 0) !== maxPages) throw new RangeError(`maximumPages must be an integer in 2..65536, not ${maxPages}`);
  if (!(maxThreads >= 1 && maxThreads <= 65535) || (maxThreads | 0) !== maxThreads) throw new RangeError(`maxThreads must be in 1..65535, not ${maxThreads}`);
  const heapsOffset = HEADER_BYTES;
  const ptOffset = (heapsOffset + maxThreads * heapRecordWords(NCLASSES) * 4 + 63) & ~63;
  const firstData = Math.ceil((ptOffset + maxPages * DESC_BYTES) / PAGE_SIZE);
  if (firstData >= maxPages) throw new RangeError(`maximumPages ${maxPages} leaves no room for data after ${firstData} pages of metadata`);
  const initial = Math.min(maxPages, Math.max(options.initialPages ?? 0, firstData + SEGMENT_PAGES));
  const Memory = (globalThis as any).WebAssembly.Memory as new (d: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  const memory = new Memory({ initial, maximum: maxPages, shared: true });
  const i32 = new Int32Array(memory.buffer as unknown as SharedArrayBuffer);
  i32[H_VERSION] = LAYOUT_VERSION;
  i32[H_SIZE_PAGES] = initial;
  i32[H_MAX_PAGES] = maxPages;
  i32[H_TOP] = firstData;
  i32[H_PT_OFFSET] = ptOffset;
  i32[H_FIRST_DATA] = firstData;
  i32[H_MAX_THREADS] = maxThreads;
  i32[H_HEAPS_OFFSET] = heapsOffset;
  i32[H_FLAGS] = options.debug ? FLAG_DEBUG : 0;
  for (let p = 0; p < firstData; p++) i32[(ptOffset >>> 2) + p * DESC_WORDS + D_KIND] = K_META;
  storeRelease(i32, H_MAGIC, HEAP_MAGIC);
  return new ThreadHeap(memory);
}

/** In another worker: attach to the heap behind `handle` and get this thread's heap. */
export function attachHeap(handle: HeapHandle, gate?: ReuseGate): ThreadHeap {
  const h = new ThreadHeap(handle.memory);
  if (gate) h.setReuseGate(gate);
  return h;
}
