// QSBR with a real worker: a deferred free, and the allocator's page-reuse gate
// (retired pages of @pynogil/allocator), wait while an attached worker has not
// passed a quiescent state since the goal, and complete once it has — or once it
// is detached (offline).
import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { Tag, createHeap } from '@pynogil/allocator';
import { BREAKER_QSBR_REPORT, SLOT_BREAKER, startRefcount, seqGeq } from '@pynogil/refcount';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('QSBR', () => {
  it('seqGeq handles wrap-around', () => {
    expect(seqGeq(5, 3)).toBe(true);
    expect(seqGeq(3, 5)).toBe(false);
    expect(seqGeq(1, -1)).toBe(true); // 0xFFFFFFFF -> 1 after wrapping
    expect(seqGeq(0x7ffffffd | 0, 0x7fffffff | 0)).toBe(false);
  });

  it('a deferred free waits for every attached thread to pass the goal', async () => {
    const heap = createHeap({ maxThreads: 8 });
    const ctx = startRefcount(heap, { maxThreads: 4 });
    const ctl = new Int32Array(new SharedArrayBuffer(64));
    const setMode = async (m: number) => {
      Atomics.store(ctl, 1, m);
      Atomics.notify(ctl, 1);
      while (Atomics.load(ctl, 5) !== m + 10) await tick(1);
    };
    const done = new Promise<void>((resolve, reject) => {
      const w = new Worker(new URL('./workers/qsbr.mjs', import.meta.url), { workerData: { memory: heap.memory, ctl } });
      w.once('message', () => resolve());
      w.once('error', reject);
    });
    while (Atomics.load(ctl, 5) !== 10) await tick(2); // worker attached, lagging
    const workerTid = 2;
    const base = heap.stats().inUseBlocks;
    const blk = heap.malloc(200, Tag.RAW);
    ctx.qsbrDeferFree(blk);
    for (let k = 0; k < 100; k++) ctx.safePoint();
    expect(ctx.stats().pendingDeferredFrees).toBe(1);
    expect(heap.stats().inUseBlocks).toBe(base + 1);
    // The lagging worker was asked to report at its next safe point.
    expect(ctx.i32[ctx.slotWord(workerTid, SLOT_BREAKER)]! & BREAKER_QSBR_REPORT).toBe(BREAKER_QSBR_REPORT);

    await setMode(1); // now it passes safe points
    for (let k = 0; k < 2000 && ctx.stats().pendingDeferredFrees > 0; k++) {
      ctx.safePoint();
      await tick(1);
    }
    expect(ctx.stats().pendingDeferredFrees).toBe(0);
    expect(heap.stats().inUseBlocks).toBe(base);

    // The page-reuse gate: not reached while the worker lags, reached when it is
    // offline (detached threads hold no pointers).
    await setMode(0);
    const gate = ctx.reuseGate();
    const goal = gate.retireGoal();
    ctx.qsbrQuiescent();
    expect(gate.isReached(goal)).toBe(false);

    // The allocator drives the same gate: pages emptied now stay retired (not
    // re-cut for another size class) while the worker lags...
    const blocks: number[] = [];
    for (let k = 0; k < 200; k++) blocks.push(heap.malloc(1000, Tag.RAW));
    for (const b of blocks) heap.free(b);
    ctx.qsbrQuiescent();
    heap.collect();
    expect(heap.stats().retiredBytes).toBeGreaterThan(0);
    // ...and become reusable once it has passed a safe point.
    await setMode(1);
    for (let k = 0; k < 2000 && heap.stats().retiredBytes > 0; k++) {
      ctx.safePoint();
      heap.collect();
      await tick(1);
    }
    expect(heap.stats().retiredBytes).toBe(0);

    await setMode(2);
    expect(gate.isReached(goal)).toBe(true);
    const blk2 = heap.malloc(200, Tag.RAW);
    ctx.qsbrDeferFree(blk2);
    for (let k = 0; k < 64 && ctx.stats().pendingDeferredFrees > 0; k++) ctx.safePoint();
    expect(ctx.stats().pendingDeferredFrees).toBe(0);

    await setMode(3);
    await done;
    expect(heap.stats().inUseBlocks).toBe(base);
  });
});
