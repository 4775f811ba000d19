// RefCore: what every mechanism of this package needs from one thread — views of
// the shared memory (re-created when another thread grows it), the offset of the
// runtime block (thread registry, stop-the-world and QSBR words, see layout.ts),
// this thread's id, and the allocator it frees and allocates through.
//
// Mechanisms (thread-state.ts, merge-queue.ts, stop-the-world.ts, qsbr.ts) are
// free functions over a RefCore; thread.ts puts them together in ThreadContext.
//
// Views: offsets received from another thread may lie past this thread's views
// after a growth; `ensure(ptr)` re-creates them (one compare when nothing grew).

import { currentBuffer } from '@pynogil/allocator';
import { RT_HEADER_SIZE, SLOT_SIZE } from './layout.js';

/** The part of a `WebAssembly.Memory` used here (the base tsconfig has no DOM/wasm
 *  lib, so the type is structural; @pynogil/allocator's WasmMemory). */
export interface SharedMemoryLike {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(deltaPages: number): number;
}

/** The allocator services this package uses, as seen by one thread. `heap.ts`
 *  builds one from @pynogil/allocator; tests may supply their own. */
/** Allocator tags: 0 raw memory, 1 objects, 2 GC-tracked objects. */
export type PortTag = 0 | 1 | 2;

export interface HeapPort {
  readonly memory: SharedMemoryLike;
  /** Allocates `size` bytes with a tag (0 raw, 1 object, 2 GC object); 0 on failure. */
  malloc(size: number, tag: PortTag): number;
  /** Frees a block from any thread. */
  free(ptr: number): void;
  /** Visits every live block of `tag` in every heap; called with the world stopped
   *  (the reclaim walk, reclaim.ts). */
  walk(tag: PortTag, visit: (ptr: number) => void): void;
}

export class RefCore {
  readonly memory: SharedMemoryLike;
  readonly port: HeapPort;
  // Views are `declare`d and first assigned in the constructor, so the fields never
  // hold `undefined` and V8 keeps their exact typed-array type (measured: ~2x on
  // the incref/decref owner path against `u8!:` fields).
  declare u8: Uint8Array;
  declare u16: Uint16Array;
  declare u32: Uint32Array;
  declare i32: Int32Array;
  /** Bytes covered by the views. */
  declare byteLength: number;
  /** Byte offset of the runtime block; its word index. */
  readonly rt: number;
  readonly rtw: number;
  /** Number of thread slots (max tid). */
  readonly capacity: number;
  /** This thread's id (1..capacity); 0 before registration and after exit. */
  tid = 0;
  /** Word index of this thread's slot (valid while tid != 0). */
  slotw = 0;
  /** True while this thread runs a stop-the-world callback. */
  inStop = false;

  constructor(port: HeapPort, rt: number, capacity: number) {
    const buf = currentBuffer(port.memory, rt + RT_HEADER_SIZE + capacity * SLOT_SIZE);
    this.u8 = new Uint8Array(buf);
    this.u16 = new Uint16Array(buf);
    this.u32 = new Uint32Array(buf);
    this.i32 = new Int32Array(buf);
    this.byteLength = buf.byteLength;
    this.memory = port.memory;
    this.port = port;
    this.rt = rt;
    this.rtw = rt >>> 2;
    this.capacity = capacity;
  }

  /** Re-create the views so that they reach at least `minBytes` bytes (if the
   *  memory is that large). Goes through the allocator's currentBuffer: after
   *  another thread's grow, `memory.buffer` may stay stale until `grow(0)`. */
  remap(minBytes = 0): void {
    const buf = currentBuffer(this.memory, minBytes);
    if (buf.byteLength === this.byteLength) return;
    this.u8 = new Uint8Array(buf);
    this.u16 = new Uint16Array(buf);
    this.u32 = new Uint32Array(buf);
    this.i32 = new Int32Array(buf);
    this.byteLength = buf.byteLength;
  }

  /** Make the views reach `ptr` (an offset another thread may have allocated). */
  ensure(ptr: number): void {
    if (ptr >= this.byteLength) this.remap(ptr + 16);
  }

  /** Word index of field `field` (a SLOT_* byte offset) of thread `tid`'s slot. */
  slotWord(tid: number, field: number): number {
    return ((this.rt + RT_HEADER_SIZE + (tid - 1) * SLOT_SIZE) >>> 2) + (field >>> 2);
  }

  /** Word index of runtime-block field `field` (an RT_* byte offset). */
  rtWord(field: number): number {
    return this.rtw + (field >>> 2);
  }
}
