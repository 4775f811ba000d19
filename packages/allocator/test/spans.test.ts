// Spans, segments and the global pool: large spans come back to the pool on
// collect(true), neighbours coalesce, and a later request bigger than any one freed
// span is served from the coalesced memory without growing it.
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, SEGMENT_PAGES } from '@pynogil/allocator';
import { expectValid, newHeap, otherThread } from './helpers.js';

describe('spans and the global pool', () => {
  it('coalesces freed neighbours so a bigger span fits without growth', () => {
    const h = newHeap({ maximumPages: 1024 });
    const spans: number[] = [];
    for (let i = 0; i < 8; i++) spans.push(h.malloc(3 * PAGE_SIZE));
    // Adjacent spans (each segment is cut in order).
    for (let i = 1; i < 4; i++) expect(spans[i]! - spans[i - 1]!).toBe(3 * PAGE_SIZE);
    for (const p of spans) h.free(p);
    h.collect(true); // retired -> free spans -> global pool, merged
    const s = h.stats();
    expect(s.retiredBytes).toBe(0);
    expect(s.freeSpanBytes).toBeGreaterThanOrEqual(24 * PAGE_SIZE);
    expectValid(h);
    const committed = h.committedBytes();
    const big = h.malloc(20 * PAGE_SIZE);
    expect(big).not.toBe(0);
    expect(h.committedBytes()).toBe(committed);
    expect(big).toBeGreaterThanOrEqual(Math.min(...spans));
    h.free(big);
  });

  it('a thread takes a whole segment at once and cuts pages from it without the pool', () => {
    const h = newHeap();
    const t = otherThread(h);
    // Two threads take new pages in turn (each size is a new class: a new page). With
    // per-thread segments each thread's pages stay inside its own 16-page run; page by
    // page from a shared pool they would interleave.
    const mine = new Set<number>();
    for (let c = 16; c <= 32768; c *= 2) {
      h.malloc(c);
      mine.add(t.malloc(c) >>> 16);
    }
    const sorted = [...mine].sort((x, y) => x - y);
    expect(sorted.length).toBe(12);
    expect(sorted[sorted.length - 1]! - sorted[0]!).toBeLessThan(SEGMENT_PAGES);
  });
});
