// Error reporting: out of memory is NULL (never a RangeError); in debug mode a double
// free or a pointer that was never allocated throws HeapCorruptionError naming the
// pointer and the page.
import { describe, expect, it } from 'vitest';
import { HeapCorruptionError, PAGE_SIZE } from '@pynogil/allocator';
import { expectValid, newHeap, otherThread } from './helpers.js';

describe('out of memory', () => {
  it('returns NULL when the memory cannot grow, and recovers after frees', () => {
    const h = newHeap({ maximumPages: 64 });
    const ps: number[] = [];
    let p: number;
    while ((p = h.malloc(1000)) !== 0) ps.push(p);
    expect(ps.length).toBeGreaterThan(1000);
    expect(h.malloc(10 * PAGE_SIZE)).toBe(0);
    expect(h.malloc(PAGE_SIZE * 1000)).toBe(0);
    expect(h.mallocAligned(100, 1 << 20)).toBe(0);
    expect(h.committedBytes()).toBe(64 * PAGE_SIZE);
    expectValid(h);
    for (const q of ps) h.free(q);
    h.collect(true);
    expect(h.malloc(10 * PAGE_SIZE)).not.toBe(0);
  });
});

describe('debug mode', () => {
  it('reports a double free with the pointer and the page', () => {
    const h = newHeap({ debug: true });
    const p = h.malloc(24);
    h.malloc(24);
    h.free(p);
    let e: unknown;
    try { h.free(p); } catch (x) { e = x; }
    expect(e).toBeInstanceOf(HeapCorruptionError);
    expect((e as HeapCorruptionError).ptr).toBe(p);
    expect((e as HeapCorruptionError).page).toBe(p >>> 16);
    expect(String((e as Error).message)).toMatch(/double free.*ptr=0x[0-9a-f]+, page=\d+/);
  });

  it('reports a double free from another thread and of a large block', () => {
    const h = newHeap({ debug: true });
    const t = otherThread(h);
    const p = h.malloc(24);
    h.malloc(24);
    t.free(p);
    expect(() => t.free(p)).toThrow(HeapCorruptionError);
    const big = h.malloc(100000);
    h.malloc(100000);
    t.free(big);
    expect(() => h.free(big)).toThrow(/double free/);
  });

  it('reports pointers that were never allocated', () => {
    const h = newHeap({ debug: true });
    const p = h.malloc(24);
    expect(() => h.free(p + 8)).toThrow(/inside a block/);
    expect(() => h.free(16)).toThrow(HeapCorruptionError);
    expect(() => h.free(p + 4 * PAGE_SIZE)).toThrow(HeapCorruptionError);
    expect(() => h.free(p + 24 * 1000)).toThrow(/never allocated/);
    h.free(p);
  });

  it('reports pointers outside every span even without debug mode', () => {
    const h = newHeap();
    const p = h.malloc(24);
    expect(() => h.free(h.committedBytes() + 64)).toThrow(HeapCorruptionError);
    expect(() => h.free(8)).toThrow(HeapCorruptionError); // the header
    expect(() => h.free(p + 8 * PAGE_SIZE)).toThrow(HeapCorruptionError); // never handed out
    h.free(p);
  });
});
