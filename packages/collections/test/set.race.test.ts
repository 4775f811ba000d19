// set under contention: 4 writers add/discard (and so resize) the same set
// while 2 readers read it lock-free (tables-race.ts).
import { describe, expect, it } from 'vitest';
import { race } from './tables-race.js';

describe('set race', () => {
  it('no lost update, stable keys always found, valid heap, no leak', async () => {
    const r = await race('set', 240, 12000);
    expect(r.heapErrors).toEqual([]);
    expect(r.contents).toEqual(r.expected);
    for (const w of r.workers) {
      expect(w.bad).toBe(0);
      expect(w.errors).toBe(0);
      expect(w.stableMisses).toBe(0);
    }
    const readers = r.workers.slice(4);
    expect(readers.every((w) => w.hits > 0 && w.reads > 0)).toBe(true);
    expect(r.leakedObjects).toBe(0);
    expect(r.leakedRaw).toBe(0);
  });
});

describe('set race with clear', () => {
  it('clear rebuilds the smalltable in place (seqlock) while readers probe: no false positive, exact final contents', async () => {
    const r = await race('set', 24, 12000, 4, 2, true);
    expect(r.heapErrors).toEqual([]);
    expect(r.contents).toEqual(r.expected);
    for (const w of r.workers) {
      expect(w.errors).toBe(0);
      expect(w.bad).toBe(0);
    }
    expect(r.leakedObjects).toBe(0);
    expect(r.leakedRaw).toBe(0);
  });
});
