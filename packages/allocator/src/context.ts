// HeapCore: the per-thread view of the shared heap — the typed-array views of the one
// WebAssembly.Memory, the cached geometry from the global header, and this thread's
// heap id. Every mechanism (alloc, free, page, segment, stats) takes a HeapCore; the
// public ThreadHeap (heap.ts) extends it. Views are plain fields so that hot code in
// other packages can read `ctx.i32[ptr >> 2]` and V8 inlines the access.
//
// Growth: memory grows while other workers allocate. The grower publishes the new
// size in H_SIZE_PAGES; a thread notices on its next refresh()/ensure() and re-creates
// its views from memory.buffer. Old views stay valid for their old length, so a stale
// view never reads garbage — it only cannot reach the new pages. Callers must call
// ensure(ptr) (or refresh()) before dereferencing an offset received from another
// thread; offsets this thread allocated itself are always inside its views.
import { loadAcquire } from './atomics.js';
import { currentBuffer } from './memory.js';
import {
  DESC_SHIFT, H_FIRST_DATA, H_FLAGS, H_HEAPS_OFFSET, H_MAGIC, H_MAX_PAGES, H_MAX_THREADS,
  H_NULL_QUEUES, H_PT_OFFSET, H_SIZE_PAGES, HEAP_MAGIC, FLAG_DEBUG, PAGE_SHIFT, R_QUEUES, WASM_PAGE_SIZE,
  heapRecordWords,
} from './layout.js';
import { NCLASSES } from './size-classes.js';
import type { ReuseGate, WasmMemory } from './types.js';

/** Default reuse policy without refcount: an empty page may be reused at once. */
export const IMMEDIATE_REUSE: ReuseGate = {
  retireGoal: () => 0,
  isReached: () => true,
};

export class HeapCore {
  readonly memory: WasmMemory;
  u8: Uint8Array;
  i32: Int32Array;
  u32: Uint32Array;
  f64: Float64Array;
  dv: DataView;
  /** Bytes covered by the current views. */
  byteLength: number;
  /** This thread's heap id (1-based slot number); 0 once abandoned. */
  id = 0;
  /** Word index of this thread's heap record and of its first queue word. */
  heapBase = 0;
  qBase = H_NULL_QUEUES;
  /** Word index of the page table (descriptor of page p at ptBase + (p << 4)). */
  readonly ptBase: number;
  readonly heapsBase: number;
  readonly heapWords: number;
  readonly firstData: number;
  readonly maxPages: number;
  readonly maxThreads: number;
  readonly debug: boolean;
  gate: ReuseGate = IMMEDIATE_REUSE;

  constructor(memory: WasmMemory) {
    this.memory = memory;
    const buf = memory.buffer as unknown as SharedArrayBuffer;
    this.u8 = new Uint8Array(buf);
    this.i32 = new Int32Array(buf);
    this.u32 = new Uint32Array(buf);
    this.f64 = new Float64Array(buf);
    this.dv = new DataView(buf);
    this.byteLength = buf.byteLength;
    const i32 = this.i32;
    if (i32[H_MAGIC] !== HEAP_MAGIC) throw new Error('@pynogil/allocator: memory does not hold a heap');
    this.ptBase = i32[H_PT_OFFSET]! >>> 2;
    this.heapsBase = i32[H_HEAPS_OFFSET]! >>> 2;
    this.heapWords = heapRecordWords(NCLASSES);
    this.firstData = i32[H_FIRST_DATA]!;
    this.maxPages = i32[H_MAX_PAGES]!;
    this.maxThreads = i32[H_MAX_THREADS]!;
    this.debug = (i32[H_FLAGS]! & FLAG_DEBUG) !== 0;
    this.refresh();
  }

  /** Word index of heap record `id`. */
  recordOf(id: number): number {
    return this.heapsBase + (id - 1) * this.heapWords;
  }

  /** Select the heap record this context allocates from. */
  bindRecord(id: number): void {
    this.id = id;
    this.heapBase = id === 0 ? 0 : this.recordOf(id);
    this.qBase = id === 0 ? H_NULL_QUEUES : this.heapBase + R_QUEUES;
  }

  /** Descriptor (word index) of the page containing `ptr`. */
  descOf(ptr: number): number {
    return this.ptBase + ((ptr >>> PAGE_SHIFT) << DESC_SHIFT);
  }

  /** Page number of descriptor `d`. */
  pageOf(d: number): number {
    return (d - this.ptBase) >>> DESC_SHIFT;
  }

  /** Re-create the views if another thread grew the memory (a size-word read, ~5 ns). */
  refresh(): void {
    if (loadAcquire(this.i32, H_SIZE_PAGES) * WASM_PAGE_SIZE > this.byteLength) this.remap();
  }

  /** Make sure the views reach byte `ptr` (call before using an offset from another thread). */
  ensure(ptr: number): void {
    if (ptr >= this.byteLength) this.remap();
  }

  /**
   * Pick up memory.buffer's current length — at least what the size word says, through
   * currentBuffer() (memory.ts: another thread's grow can leave `memory.buffer` stale).
   */
  remap(): void {
    const buf = currentBuffer(this.memory, loadAcquire(this.i32, H_SIZE_PAGES) * WASM_PAGE_SIZE);
    if (buf.byteLength === this.byteLength) return;
    this.u8 = new Uint8Array(buf);
    this.i32 = new Int32Array(buf);
    this.u32 = new Uint32Array(buf);
    this.f64 = new Float64Array(buf);
    this.dv = new DataView(buf);
    this.byteLength = buf.byteLength;
  }
}
