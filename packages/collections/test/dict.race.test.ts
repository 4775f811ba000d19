// dict under contention: 4 writers set/delete (and so resize) the same dict
// while 2 readers read it lock-free (tables-race.ts).
import { describe, expect, it } from 'vitest';
import { race } from './tables-race.js';

describe('dict race', () => {
  it('no lost update, tagged reads only, stable keys always found, valid heap, no leak', async () => {
    const r = await race('dict', 240, 15000);
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
