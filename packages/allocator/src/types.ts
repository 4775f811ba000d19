// Public types of @pynogil/allocator: options, the postable handle, the reuse gate
// the embedder installs (refcount's QSBR), statistics and the tag constants.

/** Which kind of block a page holds; pages never mix tags. */
export const Tag = {
  /** Plain memory (buffers, tables, stacks). */
  RAW: 0,
  /** Objects the cycle collector does not track. */
  OBJECT: 1,
  /** Objects the cycle collector tracks; `walk(Tag.GC, …)` visits them. */
  GC: 2,
} as const;
export type Tag = (typeof Tag)[keyof typeof Tag];

/** The NULL offset: malloc's failure value; no block ever starts at 0. */
export const NULL = 0;

export interface HeapOptions {
  /** Initial wasm pages (64 KiB); raised to fit the header and one segment. */
  initialPages?: number;
  /** Maximum wasm pages; default 65536 (4 GiB). The page table is sized from it. */
  maximumPages?: number;
  /** Number of thread-heap slots (threads attached at once); default 128, max 65535. */
  maxThreads?: number;
  /** Check every free: double frees and foreign pointers throw HeapCorruptionError. */
  debug?: boolean;
}

/**
 * The shared WebAssembly.Memory, typed structurally because this project's TypeScript
 * libs (ES2022 + @types/node 20) do not declare the WebAssembly namespace. A real
 * WebAssembly.Memory is assignable to it.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(deltaPages: number): number;
}

/** What another worker needs to attach: post it with postMessage (structured clone). */
export interface HeapHandle {
  readonly memory: WasmMemory;
}

/**
 * Decides when an empty page may be reused for another size class or tag (or given
 * back to the pool), so that a lock-free reader that still holds a stale pointer never
 * finds another object's header at its place. A page that becomes empty is stamped
 * with `retireGoal()`; it is reused only once `isReached(goal)` returns true.
 * refcount installs a gate backed by QSBR (goal = the write sequence after advancing
 * it; reached = every attached thread has reported a quiescent state past it).
 */
export interface ReuseGate {
  retireGoal(): number;
  isReached(goal: number): boolean;
}

/** Counts for one tag or one size class. */
export interface BlockCounts {
  /** Live blocks. */
  blocks: number;
  /** Bytes of live blocks, counted at their block size (usable size). */
  bytes: number;
  /** Spans (pages for small classes) holding them, including partially used ones. */
  pages: number;
}

export interface SizeClassStats extends BlockCounts {
  sizeClass: number;
  blockSize: number;
}

/** A snapshot; exact when no other thread allocates or frees (world stopped). */
export interface HeapStats {
  /** memory.buffer.byteLength as published by the size word. */
  committedBytes: number;
  /** Header and page table. */
  metadataBytes: number;
  /** Bytes of pages handed out to heaps (in use, free in a heap, retired). */
  pagesBytes: number;
  /** Bytes of live blocks (all tags). */
  inUseBytes: number;
  inUseBlocks: number;
  /** Bytes in free spans (global pool and heaps' spans), not counting never-used memory. */
  freeSpanBytes: number;
  /** Bytes in retired spans waiting for their reuse goal. */
  retiredBytes: number;
  /** Indexed by tag. */
  byTag: BlockCounts[];
  /** Indexed by size class; only small blocks. */
  bySizeClass: SizeClassStats[];
  /** Large blocks (spans of their own). */
  large: BlockCounts;
  /** Thread-heap slots in each state. */
  heaps: { active: number; abandoned: number };
}

/** Thrown in debug mode on a double free or a pointer the allocator never returned. */
export class HeapCorruptionError extends Error {
  readonly ptr: number;
  readonly page: number;
  constructor(message: string, ptr: number, page: number) {
    super(`${message} (ptr=0x${(ptr >>> 0).toString(16)}, page=${page})`);
    this.name = 'HeapCorruptionError';
    this.ptr = ptr >>> 0;
    this.page = page;
  }
}
