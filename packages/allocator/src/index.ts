// @pynogil/allocator — public entry point: a mimalloc-style, thread-safe allocator over
// one shared WebAssembly.Memory. See README.md of this package for usage and
// docs/internals/allocator.md for the design; src/layout.ts documents the memory layout.
export { ThreadHeap, createHeap, attachHeap } from './heap.js';
export { HeapCore, IMMEDIATE_REUSE } from './context.js';
export { currentBuffer } from './memory.js';
export { Tag, NULL, HeapCorruptionError } from './types.js';
export type {
  HeapOptions, HeapHandle, WasmMemory, ReuseGate, HeapStats, BlockCounts, SizeClassStats,
} from './types.js';
export { SMALL_MAX, NCLASSES, CLASS_SIZE, sizeClassOf } from './size-classes.js';
export { PAGE_SIZE, SEGMENT_PAGES, ROOT_SLOTS } from './layout.js';
export { validateHeap, assertHeapValid } from './debug/validate.js';
