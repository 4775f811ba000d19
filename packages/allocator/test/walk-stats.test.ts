// walk(tag) visits exactly the live blocks of a tag, and stats add up by tag and class.
import { describe, expect, it } from 'vitest';
import { CLASS_SIZE, PAGE_SIZE, Tag, sizeClassOf } from '@pynogil/allocator';
import { newHeap, otherThread, rng } from './helpers.js';

describe('walk and stats', () => {
  it('walk visits every live block of the tag once, across thread heaps', () => {
    const h = newHeap();
    const t = otherThread(h);
    const r = rng(7);
    const live = [new Map<number, number>(), new Map<number, number>(), new Map<number, number>()];
    for (let i = 0; i < 6000; i++) {
      const tag = (i % 3) as Tag;
      const who = r() < 0.5 ? h : t;
      const size = r() < 0.01 ? 40000 + Math.floor(r() * 100000) : 1 + Math.floor(r() * 600);
      const p = who.malloc(size, tag);
      live[tag]!.set(p, size);
      if (r() < 0.4) {
        const keys = [...live[tag]!.keys()];
        const victim = keys[Math.floor(r() * keys.length)]!;
        (r() < 0.5 ? h : t).free(victim);
        live[tag]!.delete(victim);
      }
    }
    for (const tag of [Tag.RAW, Tag.OBJECT, Tag.GC]) {
      const seen = new Map<number, number>();
      h.walk(tag, (p, size) => {
        expect(seen.has(p)).toBe(false);
        seen.set(p, size);
      });
      expect([...seen.keys()].sort()).toEqual([...live[tag]!.keys()].sort());
      for (const [p, size] of live[tag]!) expect(seen.get(p)!).toBeGreaterThanOrEqual(size);
    }
    const s = h.stats();
    const expectBytes = (tag: number): number => {
      let b = 0;
      for (const [, size] of live[tag]!) b += size > 32768 ? Math.ceil(size / PAGE_SIZE) * PAGE_SIZE : CLASS_SIZE[sizeClassOf(size)]!;
      return b;
    };
    for (const tag of [0, 1, 2]) {
      expect(s.byTag[tag]!.blocks).toBe(live[tag]!.size);
      expect(s.byTag[tag]!.bytes).toBe(expectBytes(tag));
    }
    expect(s.inUseBytes).toBe(expectBytes(0) + expectBytes(1) + expectBytes(2));
    const classBlocks = s.bySizeClass.reduce((a, c) => a + c.blocks, 0);
    expect(classBlocks + s.large.blocks).toBe(s.inUseBlocks);
    expect(s.heaps.active).toBe(2);
    expect(s.committedBytes).toBe(h.committedBytes());
    expect(s.metadataBytes + s.pagesBytes).toBeLessThanOrEqual(s.committedBytes);
  });
});
