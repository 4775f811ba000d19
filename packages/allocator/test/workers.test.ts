// Real worker_threads on one heap: a 4-worker stress test (blocks passed between
// workers and freed by threads that do not own them while the memory grows), and a
// worker that exits with live blocks whose pages another worker reclaims.
import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { PAGE_SIZE, Tag, attachHeap } from '@pynogil/allocator';
import { expectValid, newHeap } from './helpers.js';

const workerUrl = new URL('./stress-worker.mjs', import.meta.url);

function run(workerData: Record<string, unknown>): Promise<any> {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerUrl, { workerData });
    let result: unknown;
    w.on('message', (m) => { result = m; });
    w.on('error', reject);
    w.on('exit', (code) => (code === 0 ? resolve(result) : reject(new Error(`worker exit ${code}`))));
  });
}

describe('workers', () => {
  it('4 workers allocate, pass blocks around, free foreign blocks while memory grows', async () => {
    const h = newHeap({ maximumPages: 16384, initialPages: 1 });
    const nworkers = 4;
    const iterations = 30000;
    const cap = iterations; // an inbox never receives more than all sends of the others
    const area = h.calloc(4 + nworkers * (cap + 4), 4, Tag.RAW);
    h.storeRoot(0, area);
    const committed0 = h.committedBytes();
    const results = await Promise.all(
      Array.from({ length: nworkers }, (_, me) => run({ handle: h.handle(), mode: 'stress', me, nworkers, iterations, cap })),
    );
    h.refresh();
    expect(h.committedBytes()).toBeGreaterThan(committed0); // the memory grew meanwhile
    const allocated = results.reduce((a, r) => a + r.allocated, 0);
    const freed = results.reduce((a, r) => a + r.freedOwn + r.freedForeign, 0);
    const sent = results.reduce((a, r) => a + r.sentOut, 0);
    const received = results.reduce((a, r) => a + r.freedForeign, 0);
    const survivors: number[] = results.flatMap((r) => r.survivors);
    expect(allocated).toBe(nworkers * iterations);
    expect(received).toBe(sent);
    expect(allocated - freed).toBe(survivors.length);
    // Every block is accounted for: live = survivors + the inbox area.
    expect(h.stats().inUseBlocks).toBe(survivors.length + 1);
    const walked = new Set<number>();
    for (const tag of [Tag.RAW, Tag.OBJECT, Tag.GC]) h.walk(tag, (p) => walked.add(p));
    expect([...walked].sort()).toEqual([...survivors, area].sort());
    expectValid(h);
    // The workers' heaps are still ACTIVE (they exited without abandoning): abandon them
    // on their behalf, then free the survivors from here (cross-thread frees).
    for (const r of results) expect(h.abandonThread(r.id)).toBe(true);
    for (const p of survivors) h.free(p);
    h.free(area);
    h.collect();
    expect(h.stats().inUseBlocks).toBe(0);
  });

  it('a worker abandons its heap while the others still free its blocks and reclaim its pages', async () => {
    const h = newHeap({ maximumPages: 16384, initialPages: 1 });
    const nworkers = 4;
    const iterations = 20000;
    const cap = iterations;
    const area = h.calloc(4 + nworkers * (cap + 4), 4, Tag.RAW);
    h.storeRoot(0, area);
    const results = await Promise.all(
      Array.from({ length: nworkers }, (_, me) => run({ handle: h.handle(), mode: 'stress', me, nworkers, iterations, cap, abandonEarly: true })),
    );
    h.refresh();
    expect(results[0].abandoned).toBe(true);
    expect(h.stats().heaps.abandoned).toBe(0); // reclaimed by a worker during the run
    const survivors: number[] = results.flatMap((r) => r.survivors);
    const allocated = results.reduce((a, r) => a + r.allocated, 0);
    const freed = results.reduce((a, r) => a + r.freedOwn + r.freedForeign, 0);
    expect(allocated).toBe((nworkers - 1) * iterations + iterations / 2);
    expect(allocated - freed).toBe(survivors.length);
    expect(h.stats().inUseBlocks).toBe(survivors.length + 1);
    expectValid(h);
    for (const r of results.slice(1)) expect(h.abandonThread(r.id)).toBe(true);
    for (const p of survivors) h.free(p);
    h.free(area);
    // Reclaim every abandoned heap (a fresh thread's slow path would do it too).
    const t = attachHeap(h.handle());
    const held: number[] = [];
    while (t.stats().heaps.abandoned > 0 && held.length < 200) held.push(t.malloc(PAGE_SIZE * 16));
    expect(t.stats().heaps.abandoned).toBe(0);
    for (const p of held) t.free(p);
    t.collect(true);
    expect(h.stats().inUseBlocks).toBe(0);
  });

  it('a worker exits with live blocks; another reclaims its pages; the blocks stay valid', async () => {
    const h = newHeap({ maximumPages: 4096 });
    const ex = await run({ handle: h.handle(), mode: 'exiter' });
    expect(h.stats().heaps.abandoned).toBe(1);
    expect(h.stats().inUseBlocks).toBe(ex.blocks.length);
    expect(h.usableSize(ex.blocks[ex.blocks.length - 1])).toBeGreaterThanOrEqual(300000);
    expectValid(h);
    const rc = await run({ handle: h.handle(), mode: 'reclaimer', blocks: ex.blocks, exitedId: ex.id });
    expect(rc.errors).toEqual([]);
    expect(rc.reclaimed).toBe(true);
    expect(rc.ownedByMe).toBe(ex.blocks.length);
    h.refresh();
    expect(h.stats().inUseBlocks).toBe(0);
    expect(h.stats().heaps.abandoned).toBe(0);
    expect(h.committedBytes()).toBeGreaterThan(0);
    expect(PAGE_SIZE).toBe(65536);
  });
});

describe('currentBuffer', () => {
  it('a worker reaches memory grown by another thread through ensure(), at every grow', async () => {
    const h = newHeap({ maximumPages: 16384, initialPages: 1 });
    const flag = new Int32Array(new SharedArrayBuffer(8));
    const rounds = 60;
    const w = new Worker(new URL('./grow-worker.mjs', import.meta.url), { workerData: { handle: h.handle(), flag, rounds } });
    const result = new Promise<any>((resolve, reject) => { w.on('message', resolve); w.on('error', reject); });
    while (Atomics.load(flag, 0) === 0) await new Promise((r) => setTimeout(r, 1));
    // Fill the committed memory, then each block of an eighth of it forces one grow
    // (the allocator grows by at least an eighth): many small grows.
    const blocks: number[] = [];
    while (h.stats().pagesBytes + h.stats().metadataBytes + PAGE_SIZE <= h.committedBytes()) blocks.push(h.malloc(PAGE_SIZE));
    let grows = 0;
    for (let i = 0; i < 500 && grows < rounds; i++) {
      const before = h.committedBytes();
      const p = h.malloc(Math.floor(before / 8));
      if (p === 0) break; // at the maximum
      blocks.push(p);
      if (h.committedBytes() === before) continue; // served from pages already committed
      grows++;
      // Wait until the worker has checked this size, so that it sees every grow.
      const pages = h.committedBytes() / PAGE_SIZE;
      for (let k = 0; k < 5000 && Atomics.load(flag, 1) !== pages; k++) await new Promise((r) => setTimeout(r, 1));
    }
    Atomics.store(flag, 0, 2);
    const r = await result;
    expect(grows).toBeGreaterThanOrEqual(20);
    expect(r.seen).toBe(grows);
    expect(r.stale).toBe(0);
    for (const p of blocks) h.free(p);
  });
});
