// Real multi-worker stress: 4 workers hammer incref/tryIncref/decref on the same objects,
// hand references to each other, two owners exit mid-way, two late workers join
// (their registration reclaims exited ids with a stop-the-world while the others
// hammer). Afterwards every count is exact, each object is deallocated exactly
// once, and the allocator's live-block counts are back to their baseline.
import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { Tag, createHeap } from '@pynogil/allocator';
import { assertRuntimeValid, startRefcount } from '@pynogil/refcount';

const M = 64; // objects; half created by main, an eighth by each first worker
const ITERS = 3000; // per hammer phase: ITERS * M * 4 refcount operations
const TYPE = 0x4242;

function run(file: string, workerData: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(`./workers/${file}`, import.meta.url), { workerData });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exit ${code}`)); });
  });
}

describe('multi-worker refcount stress', () => {
  it.each([true, false])('exact counts, one deallocation per object, no leak (maybe-weakref %s)', async (weak) => {
    const heap = createHeap({ maxThreads: 16 });
    const ctx = startRefcount(heap, { maxThreads: 5 }); // main + 4: late joiners must reclaim
    const counts = new Int32Array(new SharedArrayBuffer(4 * M));
    const ctl = new Int32Array(new SharedArrayBuffer(64));
    ctx.registerDeallocator(TYPE, (p, c) => { Atomics.add(counts, c.u32[(p + 16) >>> 2]!, 1); c.freeBlock(p); });
    const before = heap.stats();
    const table = heap.malloc(4 * M, Tag.RAW);
    for (let i = 0; i < M / 2; i++) {
      const p = ctx.newObject(32, TYPE);
      ctx.u32[(p + 16) >>> 2] = i;
      if (weak) ctx.setMaybeWeakref(p); // then lock-free readers (tryIncref) always succeed
      ctx.u32[(table >>> 2) + i] = p;
    }
    const common = { memory: heap.memory, ctl, counts, table, M, iters: ITERS, type: TYPE, weak };
    ctx.detach(); // main blocks in the event loop from now on
    const first = [0, 1, 2, 3].map((id) => run('stress.mjs', { ...common, id, role: 'first' }));
    await Promise.all([first[2], first[3]]);
    const late = [4, 5].map((id) => run('stress.mjs', { ...common, id, role: 'late' }));
    await Promise.all([...first, ...late]);
    ctx.attach();

    expect(ctx.stats().liveThreads).toBe(1);
    expect(Array.from(counts).every((n) => n === 0)).toBe(true);
    assertRuntimeValid(ctx, { objects: true }); // objects of zombies still carry their ids
    ctx.reclaimThreadIds();
    assertRuntimeValid(ctx, { objects: true });
    for (let i = 0; i < M; i++) {
      const p = ctx.u32[(table >>> 2) + i]!;
      expect(ctx.refcount(p), `object ${i}`).toBe(1); // the table's reference
    }
    for (let i = 0; i < M; i++) ctx.decref(ctx.u32[(table >>> 2) + i]!);
    ctx.mergePending();
    expect(Array.from(counts)).toEqual(new Array(M).fill(1));
    expect(ctx.stats().deallocs).toBe(M);
    expect(ctx.stats().queued).toBeGreaterThan(0); // the queue-to-owner path ran
    heap.free(table);
    heap.collect(true);
    const after = heap.stats();
    expect(after.byTag[Tag.OBJECT]!.blocks).toBe(before.byTag[Tag.OBJECT]!.blocks);
    expect(after.byTag[Tag.RAW]!.blocks).toBe(before.byTag[Tag.RAW]!.blocks);
    expect(after.inUseBlocks).toBe(before.inUseBlocks);
    assertRuntimeValid(ctx, { objects: true });
  });
});
