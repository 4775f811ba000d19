// The reuse gate: an empty page is not given to another size class or tag before the
// gate says its goal is reached (what refcount's QSBR will decide).
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, Tag } from '@pynogil/allocator';
import type { ReuseGate } from '@pynogil/allocator';
import { newHeap } from './helpers.js';

/** A gate driven by the test: goal = current sequence + 1; reached when `seq` passes it. */
class ManualGate implements ReuseGate {
  seq = 0;
  stamped: number[] = [];
  retireGoal(): number {
    const g = this.seq + 1;
    this.stamped.push(g);
    return g;
  }
  isReached(goal: number): boolean {
    return this.seq >= goal;
  }
}

function fillPages(h: ReturnType<typeof newHeap>, size: number, tag: Tag, pages: number): number[] {
  const ps: number[] = [];
  const per = Math.floor(PAGE_SIZE / size);
  for (let i = 0; i < per * pages; i++) ps.push(h.malloc(size, tag));
  return ps;
}

describe('reuse gate', () => {
  it('keeps an emptied page away from other classes and tags until the goal is reached', () => {
    const h = newHeap();
    const gate = new ManualGate();
    h.setReuseGate(gate);
    const ps = fillPages(h, 48, Tag.GC, 3);
    const pages = [...new Set(ps.map((p) => p >>> 16))];
    expect(pages.length).toBe(3);
    const emptied = pages[0]!;
    for (const p of ps) if (p >>> 16 === emptied) h.free(p);
    expect(gate.stamped.length).toBe(1);
    expect(h.stats().retiredBytes).toBe(PAGE_SIZE);
    // Use up every free page the heap already has, in another class and tag.
    const other: number[] = [];
    for (let i = 0; i < 64; i++) other.push(...fillPages(h, 256, Tag.RAW, 1));
    expect(other.some((p) => p >>> 16 === emptied)).toBe(false);
    gate.seq = 1; // every reader has passed the goal
    const later: number[] = [];
    for (let i = 0; i < 64 && !later.some((p) => p >>> 16 === emptied); i++) later.push(...fillPages(h, 256, Tag.RAW, 1));
    expect(later.some((p) => p >>> 16 === emptied)).toBe(true);
    expect(h.tagOf((emptied * PAGE_SIZE))).toBe(Tag.RAW);
  });

  it('default policy reuses an empty page at once', () => {
    const h = newHeap();
    const ps = fillPages(h, 48, Tag.GC, 2);
    const emptied = ps[0]! >>> 16;
    for (const p of ps) if (p >>> 16 === emptied) h.free(p);
    const other = fillPages(h, 1024, Tag.RAW, 1);
    expect(other.some((p) => p >>> 16 === emptied)).toBe(true);
  });
});
