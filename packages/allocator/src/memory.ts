// Reading the current SharedArrayBuffer of a shared WebAssembly.Memory after another
// thread grew it. Measured on Node 20 (V8 11.3): right after a grow on thread A,
// thread B's `memory.buffer` may still return the old, shorter buffer — V8 updates it
// on an interrupt some time later. `memory.grow(0)` forces the update at once. Any
// package that keeps its own views of the heap must go through currentBuffer() (or the
// ThreadHeap's views), or a read past the stale length returns undefined and a write
// is silently dropped.
import type { WasmMemory } from './types.js';

/**
 * memory.buffer, made to cover at least `minByteLength` bytes if the memory is that
 * large (call with the size word's value, or with `ptr + 1` for an offset received from
 * another thread). Returns a shorter buffer only when the memory really is shorter.
 */
export function currentBuffer(memory: WasmMemory, minByteLength: number): SharedArrayBuffer {
  let buf = memory.buffer as unknown as SharedArrayBuffer;
  if (buf.byteLength < minByteLength) {
    memory.grow(0);
    buf = memory.buffer as unknown as SharedArrayBuffer;
  }
  return buf;
}
