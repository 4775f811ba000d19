// Test helpers: heaps created through newHeap() are validated after every test
// (validateHeap from src/debug/validate.ts), so every test also checks the invariants
// of layout.ts on the state it leaves behind.
import { afterEach, expect } from 'vitest';
import { createHeap, attachHeap, validateHeap } from '@pynogil/allocator';
import type { HeapOptions, ThreadHeap } from '@pynogil/allocator';

const live: ThreadHeap[] = [];

/** A fresh heap (small by default) that is validated after the test. */
export function newHeap(options: HeapOptions = {}): ThreadHeap {
  const h = createHeap({ maximumPages: 4096, maxThreads: 16, ...options });
  live.push(h);
  return h;
}

/** A second "thread" on the same memory, in this JS thread: a second ThreadHeap. */
export function otherThread(h: ThreadHeap): ThreadHeap {
  return attachHeap(h.handle());
}

/** Validate now and fail with the violations. */
export function expectValid(h: ThreadHeap): void {
  expect(validateHeap(h)).toEqual([]);
}

afterEach(() => {
  for (const h of live.splice(0)) expect(validateHeap(h)).toEqual([]);
});

/** A deterministic PRNG (xorshift32) for stress tests sized by iteration counts. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}
