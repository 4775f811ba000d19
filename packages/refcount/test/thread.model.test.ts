// The same random histories as biased.model.test.ts, but run through real
// ThreadContexts on a real heap (several contexts on one JS thread stand for
// threads; each is attached only while it acts, so stop-the-world for the reclaim
// walk never waits for a sibling). This covers what the pure model does not: the
// inlined owner fast paths, the heap merge queue, exit, zombie ids and their
// reclaim walk, and id reuse. Checked: no deallocation while a reference is held,
// exactly one per object in the end, allocator back to baseline.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHeap } from '@pynogil/allocator';
import { ThreadContext, assertRuntimeValid, startRefcount } from '@pynogil/refcount';

const NT = 3;
const MAXOBJ = 6;
const TYPE = 0x51;

type Op =
  | { k: 'create' | 'merge' | 'exit' | 'spawn' | 'reclaim'; t: number }
  | { k: 'incref' | 'decref' | 'try' | 'weak'; t: number; o: number }
  | { k: 'give'; t: number; t2: number; o: number };

const tArb = fc.integer({ min: 0, max: NT - 1 });
const oArb = fc.integer({ min: 0, max: MAXOBJ - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ k: fc.constant('create' as const), t: tArb }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('incref' as const), t: tArb, o: oArb }) },
  { weight: 6, arbitrary: fc.record({ k: fc.constant('decref' as const), t: tArb, o: oArb }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('give' as const), t: tArb, t2: tArb, o: oArb }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('try' as const), t: tArb, o: oArb }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('weak' as const), t: tArb, o: oArb }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('merge' as const), t: tArb }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('exit' as const), t: fc.integer({ min: 1, max: NT - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('reclaim' as const), t: tArb }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('spawn' as const), t: tArb }) },
);

function runHistory(ops: Op[]): void {
  const heap = createHeap({ maxThreads: 4 });
  const base = heap.stats().inUseBlocks;
  // Capacity 3: respawning after an exit needs a reclaim walk.
  const threads: (ThreadContext | null)[] = [startRefcount(heap, { maxThreads: NT })];
  const held = Array.from({ length: NT }, () => new Array<number>(MAXOBJ).fill(0));
  const ptrs: number[] = [];
  const deallocs = new Array<number>(MAXOBJ).fill(0);
  const dealloc = (p: number, c: ThreadContext) => {
    const o = c.u32[(p + 16) >>> 2]!;
    const refs = held.reduce((n, h) => n + h[o]!, 0);
    expect(refs, `object ${o} deallocated while ${refs} references are held`).toBe(0);
    deallocs[o]!++;
    c.freeBlock(p);
  };
  threads[0]!.registerDeallocator(TYPE, dealloc);
  threads[0]!.detach();
  const join = () => {
    const c = ThreadContext.join(heap, threads[0]!.rt);
    c.registerDeallocator(TYPE, dealloc);
    c.detach();
    return c;
  };
  for (let t = 1; t < NT; t++) threads.push(join());
  const on = <T>(t: number, f: (c: ThreadContext) => T): T => {
    const c = threads[t]!;
    c.attach();
    try { return f(c); } finally { c.detach(); }
  };
  const step = (op: Op): void => {
    const c = threads[op.t];
    switch (op.k) {
      case 'create':
        if (!c || ptrs.length >= MAXOBJ) return;
        on(op.t, (x) => {
          const p = x.newObject(32, TYPE);
          x.u32[(p + 16) >>> 2] = ptrs.length;
          ptrs.push(p);
        });
        held[op.t]![ptrs.length - 1] = 1;
        return;
      case 'incref':
        if (!c || held[op.t]![op.o]! === 0) return;
        on(op.t, (x) => x.incref(ptrs[op.o]!));
        held[op.t]![op.o]!++;
        return;
      case 'decref':
        if (!c || held[op.t]![op.o]! === 0) return;
        held[op.t]![op.o]!--;
        on(op.t, (x) => x.decref(ptrs[op.o]!));
        return;
      case 'give':
        if (!c || !threads[op.t2] || held[op.t]![op.o]! === 0) return;
        held[op.t]![op.o]!--;
        held[op.t2]![op.o]!++;
        return;
      case 'try':
        // Only on objects not yet freed: a freed block may be reused by create.
        if (!c || op.o >= ptrs.length || deallocs[op.o]! > 0) return;
        if (on(op.t, (x) => x.tryIncref(ptrs[op.o]!))) held[op.t]![op.o]!++;
        return;
      case 'weak':
        if (!c || held[op.t]![op.o]! === 0) return;
        on(op.t, (x) => x.setMaybeWeakref(ptrs[op.o]!));
        return;
      case 'merge':
        if (c) on(op.t, (x) => x.safePoint());
        return;
      case 'exit':
        if (!c) return;
        c.attach();
        c.exit();
        threads[op.t] = null;
        for (let o = 0; o < MAXOBJ; o++) { held[0]![o]! += held[op.t]![o]!; held[op.t]![o] = 0; }
        return;
      case 'reclaim':
        if (c) on(op.t, (x) => x.reclaimThreadIds());
        return;
      case 'spawn':
        if (c) return;
        threads[op.t] = join();
        return;
    }
  };
  for (const op of ops) {
    step(op);
    assertRuntimeValid(threads[0]!, { objects: true }); // every header, every slot
  }
  // Drop everything, merge everywhere, retire the other threads, merge again.
  for (let t = 0; t < NT; t++) {
    for (let o = 0; o < MAXOBJ; o++) while (threads[t] && held[t]![o]! > 0) step({ k: 'decref', t, o });
  }
  for (let r = 0; r < 2; r++) for (let t = 0; t < NT; t++) step({ k: 'merge', t });
  for (let t = 1; t < NT; t++) step({ k: 'exit', t });
  step({ k: 'merge', t: 0 });
  expect(deallocs.slice(0, ptrs.length)).toEqual(new Array(ptrs.length).fill(1));
  expect(heap.stats().inUseBlocks).toBe(base + 1); // + the runtime block
  assertRuntimeValid(threads[0]!, { objects: true });
}

describe('ThreadContext histories (model-based, real heap)', () => {
  it('never frees a referenced object and frees each exactly once', () => {
    fc.assert(fc.property(fc.array(opArb, { minLength: 1, maxLength: 80 }), (ops) => runHistory(ops)), { numRuns: 600 });
  });
});
