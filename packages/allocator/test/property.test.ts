// Property test: random sequences of malloc / calloc / realloc / mallocAligned / free,
// issued by two thread heaps on one memory (so half the frees are cross-thread), checked
// against a model: no two live blocks overlap, every block keeps its contents,
// statistics and walk agree with the model, and the heap validates after each run.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHeap, attachHeap, validateHeap, Tag } from '@pynogil/allocator';
import type { ThreadHeap } from '@pynogil/allocator';

type Op =
  | { k: 'malloc'; size: number; tag: Tag; t: number }
  | { k: 'calloc'; size: number; tag: Tag; t: number }
  | { k: 'aligned'; size: number; alignLog: number; tag: Tag; t: number }
  | { k: 'realloc'; pick: number; size: number; t: number }
  | { k: 'free'; pick: number; t: number };

const sizeArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 512 }) },
  { weight: 2, arbitrary: fc.integer({ min: 513, max: 32768 }) },
  { weight: 1, arbitrary: fc.integer({ min: 32769, max: 300000 }) },
);
const tagArb = fc.constantFrom(Tag.RAW, Tag.OBJECT, Tag.GC);
const tArb = fc.integer({ min: 0, max: 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ k: fc.constant('malloc' as const), size: sizeArb, tag: tagArb, t: tArb }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('calloc' as const), size: sizeArb, tag: tagArb, t: tArb }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('aligned' as const), size: sizeArb, alignLog: fc.integer({ min: 3, max: 17 }), tag: tagArb, t: tArb }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('realloc' as const), pick: fc.nat(), size: sizeArb, t: tArb }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('free' as const), pick: fc.nat(), t: tArb }) },
);

interface Live { ptr: number; size: number; tag: number; seed: number }

function fill(h: ThreadHeap, b: Live): void {
  // Write a pattern over the first and last 64 bytes (cheap, and catches overlap).
  for (let k = 0; k < Math.min(64, b.size); k++) h.u8[b.ptr + k] = (b.seed + k) & 255;
  for (let k = Math.max(64, b.size - 64); k < b.size; k++) h.u8[b.ptr + k] = (b.seed * 7 + k) & 255;
}

function check(h: ThreadHeap, b: Live): void {
  h.ensure(b.ptr + b.size);
  for (let k = 0; k < Math.min(64, b.size); k++) {
    if (h.u8[b.ptr + k] !== ((b.seed + k) & 255)) throw new Error(`block 0x${b.ptr.toString(16)} byte ${k} changed`);
  }
  for (let k = Math.max(64, b.size - 64); k < b.size; k++) {
    if (h.u8[b.ptr + k] !== ((b.seed * 7 + k) & 255)) throw new Error(`block 0x${b.ptr.toString(16)} byte ${k} changed`);
  }
}

describe('random alloc/free/realloc sequences against a model', () => {
  it('keep blocks disjoint and intact, and stats exact', () => {
    let seed = 1;
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 150 }), (ops) => {
        const a = createHeap({ maximumPages: 2048, maxThreads: 4 });
        const heaps = [a, attachHeap(a.handle())];
        const live: Live[] = [];
        for (const op of ops) {
          const h = heaps[op.t]!;
          if (op.k === 'free' || op.k === 'realloc') {
            if (live.length === 0) continue;
            const i = op.pick % live.length;
            const b = live[i]!;
            check(h, b);
            if (op.k === 'free') {
              h.free(b.ptr);
              live.splice(i, 1);
            } else {
              const p = h.realloc(b.ptr, op.size);
              expect(p).not.toBe(0);
              const kept = Math.min(b.size, op.size);
              const nb: Live = { ptr: p, size: op.size, tag: b.tag, seed: seed++ };
              // Contents up to the smaller size survive: verify against the old pattern.
              for (let k = 0; k < Math.min(64, kept); k++) expect(h.u8[p + k]).toBe((b.seed + k) & 255);
              expect(h.tagOf(p)).toBe(b.tag);
              live[i] = nb;
              fill(h, nb);
            }
            continue;
          }
          let p: number;
          if (op.k === 'malloc') p = h.malloc(op.size, op.tag);
          else if (op.k === 'calloc') {
            p = h.calloc(1, op.size, op.tag);
            for (let k = 0; k < op.size; k += 61) expect(h.u8[p + k]).toBe(0);
          } else {
            p = h.mallocAligned(op.size, 1 << op.alignLog, op.tag);
            expect(p % (1 << op.alignLog)).toBe(0);
          }
          expect(p).not.toBe(0);
          expect(h.usableSize(p)).toBeGreaterThanOrEqual(op.size);
          const b: Live = { ptr: p, size: op.size, tag: op.tag, seed: seed++ };
          live.push(b);
          fill(h, b);
        }
        // No two live blocks overlap (by usable size), all contents intact.
        const spans = live.map((b) => [b.ptr, b.ptr + Math.max(1, a.usableSize(b.ptr))] as const).sort((x, y) => x[0] - y[0]);
        for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
        for (const b of live) check(a, b);
        const s = a.stats();
        expect(s.inUseBlocks).toBe(live.length);
        for (const tag of [0, 1, 2]) expect(s.byTag[tag]!.blocks).toBe(live.filter((b) => b.tag === tag).length);
        const walked = new Set<number>();
        for (const tag of [Tag.RAW, Tag.OBJECT, Tag.GC]) a.walk(tag, (p) => walked.add(p));
        expect(walked.size).toBe(live.length);
        expect(validateHeap(a)).toEqual([]);
        for (const b of live) heaps[b.seed & 1]!.free(b.ptr);
        for (const h of heaps) h.collect(true);
        expect(a.stats().inUseBlocks).toBe(0);
        expect(validateHeap(a)).toEqual([]);
      }),
      { numRuns: 80, seed: 20261125 },
    );
  });
});
