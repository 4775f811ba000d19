// Cross-thread frees, the delayed-page notices, growth seen by another thread, and
// abandon/reclaim — with two ThreadHeaps on one memory inside this JS thread, which
// behave exactly like two workers but run deterministically. Real workers are in
// workers.test.ts.
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, Tag } from '@pynogil/allocator';
import { expectValid, newHeap, otherThread } from './helpers.js';

describe('cross-thread free', () => {
  it('goes to the thread-free list and comes back to the owner on collection', () => {
    const a = newHeap();
    const b = otherThread(a);
    expect(b.id).not.toBe(a.id);
    const n = Math.floor(PAGE_SIZE / 32);
    const ps: number[] = [];
    for (let i = 0; i < n; i++) ps.push(a.malloc(32)); // exactly one full page
    expect(new Set(ps.map((p) => p >>> 16)).size).toBe(1);
    for (const p of ps.slice(0, 100)) b.free(p);
    expect(a.stats().bySizeClass[3]!.blocks).toBe(n - 100);
    expectValid(a);
    // The page is full for `a`: the next malloc must find the 100 blocks through the notice.
    const again = new Set<number>();
    for (let i = 0; i < 100; i++) again.add(a.malloc(32));
    expect([...again].sort()).toEqual(ps.slice(0, 100).sort());
    for (const p of [...again, ...ps.slice(100)]) (p % 2 ? a : b).free(p);
    a.collect();
    expect(a.stats().inUseBlocks).toBe(0);
  });

  it('frees large blocks of another thread', () => {
    const a = newHeap();
    const b = otherThread(a);
    const p = a.malloc(3 * PAGE_SIZE, Tag.GC);
    b.free(p);
    expect(a.stats().large.blocks).toBe(0);
    a.collect();
    expect(a.stats().retiredBytes + a.stats().freeSpanBytes).toBeGreaterThanOrEqual(3 * PAGE_SIZE);
  });
});

describe('growth', () => {
  it('another thread sees blocks in memory grown after it attached, after ensure()', () => {
    const a = newHeap({ initialPages: 1 });
    const b = otherThread(a);
    const before = b.byteLength;
    const p = a.malloc(8 * 1024 * 1024);
    expect(p).not.toBe(0);
    expect(a.byteLength).toBeGreaterThan(before);
    expect(b.byteLength).toBe(before); // b's views are stale until it looks
    a.u8[p + 8 * 1024 * 1024 - 1] = 42;
    b.ensure(p + 8 * 1024 * 1024 - 1);
    expect(b.u8[p + 8 * 1024 * 1024 - 1]).toBe(42);
    const q = a.malloc(4 * 1024 * 1024);
    b.free(q); // free refreshes for itself
    b.refresh();
    expect(b.byteLength).toBe(a.committedBytes());
    a.free(p);
  });
});

describe('abandon and reclaim', () => {
  it('blocks of an exited thread stay valid, can be freed by anyone, and its pages are reclaimed', () => {
    const a = newHeap();
    const t = otherThread(a);
    const blocks: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const p = t.malloc(16 + (i % 50), (i % 3) as Tag);
      t.u32[p >>> 2] = i;
      blocks.push(p);
    }
    const big = t.malloc(2 * PAGE_SIZE);
    const tid = t.id;
    for (let i = 0; i < 1000; i++) t.free(blocks.pop()!);
    t.abandon();
    expect(a.stats().heaps.abandoned).toBe(1);
    expectValid(a);
    // Still readable and freeable by another thread while abandoned.
    blocks.forEach((p, i) => expect(a.u32[p >>> 2]).toBe(i));
    for (let i = 0; i < 500; i++) a.free(blocks.pop()!);
    a.free(big);
    // `a` exhausts its pages; it reclaims the abandoned heap before growing the memory.
    const grows = a.committedBytes();
    a.collect(); // not force: that would adopt the abandoned heap right here
    const c = otherThread(a); // a new thread takes a free slot, not the abandoned one
    expect(c.id).not.toBe(tid);
    const mine: number[] = [];
    while (a.stats().heaps.abandoned > 0 && mine.length < 200000) mine.push(a.malloc(64));
    expect(a.stats().heaps.abandoned).toBe(0);
    expect(a.committedBytes()).toBe(grows);
    expectValid(a);
    blocks.forEach((p, i) => expect(a.u32[p >>> 2]).toBe(i));
    for (const p of blocks) a.free(p);
    for (const p of mine) a.free(p);
    a.collect();
    expect(a.stats().inUseBlocks).toBe(0);
  });

  it('a thread that attaches when every slot is taken adopts an abandoned heap whole', () => {
    const a = newHeap({ maxThreads: 2 });
    const t = otherThread(a);
    const p = t.malloc(100);
    t.u8[p] = 9;
    const id = t.id;
    t.abandon();
    const u = otherThread(a);
    expect(u.id).toBe(id);
    expect(u.u8[p]).toBe(9);
    u.free(p); // now a local free
    expect(() => otherThread(a)).toThrow(/slots/);
    expect(a.abandonThread(u.id)).toBe(true);
    expect(a.stats().heaps.abandoned).toBe(1);
  });
});

describe('misuse after abandon', () => {
  it('malloc on an abandoned heap throws instead of touching memory; free still works', () => {
    const a = newHeap();
    const t = otherThread(a);
    a.storeRoot(0, 0x12345678); // non-zero header words must not be taken for pages
    const p = a.malloc(24);
    t.abandon();
    expect(() => t.malloc(24)).toThrow(/abandoned/);
    t.free(p); // a foreign free, as from any thread
    expect(a.stats().inUseBlocks).toBe(0);
    expect(t.mallocAligned(24, 64)).toBe(0);
  });
});

describe('collect', () => {
  it('retires pages emptied by other threads, and with force the last page of a class too', () => {
    const a = newHeap();
    const b = otherThread(a);
    const per = Math.floor(PAGE_SIZE / 64);
    const ps: number[] = [];
    for (let i = 0; i < per * 3 - 5; i++) ps.push(a.malloc(64)); // 3 pages, last not full
    for (const p of ps) b.free(p);
    expect(a.stats().inUseBlocks).toBe(0);
    expect(a.stats().bySizeClass[7]!.pages).toBe(3);
    a.collect();
    expect(a.stats().bySizeClass[7]!.pages).toBe(1);
    a.collect(true);
    expect(a.stats().bySizeClass[7]!.pages).toBe(0);
    expect(a.stats().retiredBytes + a.stats().pagesBytes).toBeGreaterThan(0);
  });
});
