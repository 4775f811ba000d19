// malloc / free / calloc / realloc / usableSize / tags on one thread.
import { describe, expect, it } from 'vitest';
import { CLASS_SIZE, NCLASSES, NULL, PAGE_SIZE, SMALL_MAX, Tag, sizeClassOf } from '@pynogil/allocator';
import { expectValid, newHeap } from './helpers.js';

describe('size classes', () => {
  it('are increasing multiples of 8 that waste at most 25%', () => {
    for (let c = 1; c < NCLASSES; c++) {
      expect(CLASS_SIZE[c]! % 8).toBe(0);
      expect(CLASS_SIZE[c]!).toBeGreaterThan(CLASS_SIZE[c - 1]!);
      if (CLASS_SIZE[c]! > 128) expect(CLASS_SIZE[c - 1]! + 1).toBeGreaterThanOrEqual(CLASS_SIZE[c]! * 0.75);
    }
    expect(CLASS_SIZE[NCLASSES - 1]).toBe(SMALL_MAX);
  });
  it('map every size to the smallest class that fits', () => {
    for (let s = 0; s <= SMALL_MAX; s++) {
      const c = sizeClassOf(s);
      expect(CLASS_SIZE[c]!).toBeGreaterThanOrEqual(Math.max(s, 1));
      if (c > 0) expect(CLASS_SIZE[c - 1]!).toBeLessThan(s);
    }
    expect(sizeClassOf(SMALL_MAX + 1)).toBe(-1);
    expect(sizeClassOf(-1)).toBe(-1);
  });
});

describe('malloc', () => {
  it('never returns NULL-page offsets and returns 8-aligned distinct blocks', () => {
    const h = newHeap();
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const p = h.malloc(i % 200);
      expect(p).toBeGreaterThanOrEqual(h.firstData * PAGE_SIZE);
      expect(p % 8).toBe(0);
      expect(seen.has(p)).toBe(false);
      seen.add(p);
      expect(h.usableSize(p)).toBeGreaterThanOrEqual(Math.max(1, i % 200));
    }
    for (const p of seen) h.free(p);
    expect(h.stats().inUseBlocks).toBe(0);
  });

  it('reuses freed blocks of a full page before taking another page', () => {
    const h = newHeap();
    const n = Math.floor(PAGE_SIZE / 40);
    const ps: number[] = [];
    for (let i = 0; i < n; i++) ps.push(h.malloc(40));
    expect(new Set(ps.map((p) => p >>> 16)).size).toBe(1);
    h.free(ps[17]!);
    h.free(ps[3]!);
    const again = [h.malloc(40), h.malloc(40)].sort((a, b) => a - b);
    expect(again).toEqual([ps[3], ps[17]]);
    ps.forEach((p) => h.free(p));
  });

  it('puts each tag in pages of its own', () => {
    const h = newHeap();
    const pages = new Map<number, number>();
    for (let i = 0; i < 3000; i++) {
      const tag = (i % 3) as Tag;
      const p = h.malloc(24, tag);
      expect(h.tagOf(p)).toBe(tag);
      const page = p >>> 16;
      if (pages.has(page)) expect(pages.get(page)).toBe(tag);
      pages.set(page, tag);
    }
  });

  it('blocks hold their contents independently', () => {
    const h = newHeap();
    const ps: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const n = 8 + (i % 97);
      const p = h.malloc(n);
      h.u8.fill(i & 255, p, p + n);
      ps.push(p);
    }
    ps.forEach((p, i) => {
      const n = 8 + (i % 97);
      for (let k = 0; k < n; k++) expect(h.u8[p + k]).toBe(i & 255);
    });
    ps.forEach((p) => h.free(p));
  });

  it('serves large blocks in spans of whole pages and frees them', () => {
    const h = newHeap();
    const p = h.malloc(SMALL_MAX + 1);
    expect(p % PAGE_SIZE).toBe(0);
    expect(h.usableSize(p)).toBe(PAGE_SIZE);
    const q = h.malloc(5 * PAGE_SIZE + 3, Tag.GC);
    expect(h.usableSize(q)).toBe(6 * PAGE_SIZE);
    expect(h.usableSize(q + 3 * PAGE_SIZE + 8)).toBe(3 * PAGE_SIZE - 8);
    expect(h.tagOf(q + 4 * PAGE_SIZE)).toBe(Tag.GC);
    h.u8.fill(7, q, q + 6 * PAGE_SIZE);
    expect(h.stats().large.blocks).toBe(2);
    h.free(p);
    h.free(q);
    expect(h.stats().large.blocks).toBe(0);
    expectValid(h);
  });

  it('rejects invalid requests with NULL', () => {
    const h = newHeap();
    expect(h.malloc(-1)).toBe(NULL);
    expect(h.malloc(NaN)).toBe(NULL);
    expect(h.malloc(2 ** 33)).toBe(NULL);
    expect(h.malloc(8, 7 as Tag)).toBe(NULL);
    expect(h.calloc(2 ** 20, 2 ** 20)).toBe(NULL);
  });

  it('malloc(0) returns a unique block', () => {
    const h = newHeap();
    const a = h.malloc(0);
    const b = h.malloc(0);
    expect(a).not.toBe(0);
    expect(a).not.toBe(b);
    h.free(a);
    h.free(b);
    h.free(0);
  });
});

describe('calloc and realloc', () => {
  it('calloc zeroes recycled blocks', () => {
    const h = newHeap();
    const ps: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const a = h.malloc(64);
      h.u8.fill(0xee, a, a + 64);
      ps.push(a);
    }
    ps.forEach((p) => h.free(p));
    for (let i = 0; i < 2000; i++) {
      const b = h.calloc(8, 8);
      for (let k = 0; k < 64; k++) if (h.u8[b + k] !== 0) expect.fail(`byte ${k} of 0x${b.toString(16)} not zero`);
    }
  });

  it('realloc keeps contents and tag, grows into large and shrinks back', () => {
    const h = newHeap();
    let p = h.malloc(10, Tag.OBJECT);
    for (let k = 0; k < 10; k++) h.u8[p + k] = k + 1;
    for (const n of [12, 100, 3000, 40000, 200000, 50, 9]) {
      p = h.realloc(p, n);
      expect(p).not.toBe(0);
      expect(h.tagOf(p)).toBe(Tag.OBJECT);
      expect(h.usableSize(p)).toBeGreaterThanOrEqual(n);
      for (let k = 0; k < 9; k++) expect(h.u8[p + k]).toBe(k + 1);
    }
    expect(h.realloc(p, 8)).toBe(p); // same class region: in place
    h.free(p);
    expect(h.realloc(0, 16)).not.toBe(0);
  });
});

describe('aligned allocation', () => {
  it('returns aligned pointers that free and usableSize understand', () => {
    const h = newHeap();
    const ps: number[] = [];
    for (const align of [16, 32, 64, 128, 256, 4096, 65536, 1 << 18]) {
      for (const size of [1, 24, 100, 1000, 40000]) {
        const p = h.mallocAligned(size, align);
        expect(p).not.toBe(0);
        expect(p % align).toBe(0);
        expect(h.usableSize(p)).toBeGreaterThanOrEqual(size);
        h.u8.fill(0xab, p, p + size);
        ps.push(p);
      }
    }
    expect(h.mallocAligned(8, 3)).toBe(0);
    expectValid(h);
    for (const p of ps) h.free(p);
    expect(h.stats().inUseBlocks).toBe(0);
  });
});

describe('root slots', () => {
  it('are shared by every thread heap and support compare-exchange', () => {
    const h = newHeap();
    h.storeRoot(3, 0xfffffff0);
    const h2 = newHeap();
    expect(h2.loadRoot(3)).toBe(0);
    const other = (): number => h.loadRoot(3);
    expect(other()).toBe(0xfffffff0);
    expect(h.compareExchangeRoot(3, 0xfffffff0, 12)).toBe(0xfffffff0);
    expect(h.compareExchangeRoot(3, 0xfffffff0, 13)).toBe(12);
    expect(h.loadRoot(3)).toBe(12);
    expect(() => h.loadRoot(32)).toThrow(RangeError);
  });
});
