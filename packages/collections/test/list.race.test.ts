// Race test for list (in the style of CPython's Lib/test/test_free_threading/
// test_list.py): 7 workers on one shared list — two append (and extend), one
// inserts at random positions, one pops (random positions, and bursts from the
// end that shrink the array), one replaces random items, two read lock-free
// (list[i], len()) — while the machine has 2 cores. Values are heap ints tagged
// wid * 2**20 + seq. Checked afterwards:
//   * no lost update: every value ever stored is in the final list or was popped
//     or replaced (recorded by the worker that removed it), exactly once;
//   * atomic appends: each appender's values appear in the list in seq order;
//   * every read returned an int whose tag was really stored;
//   * the heap validates, and freeing the list returns every block.
import { describe, expect, it } from 'vitest';
import { Tag, assertHeapValid } from '@pynogil/allocator';
import { intNew, intValue, listAppend, listItems, listLength, listNew } from '@pynogil/collections';
import { objEnv, runWorker } from './objects-env.js';

const TAG = 1 << 20;
const ITERS = 3000;

interface Out { wid: number; role: string; done: number; reads: number; bad: string[]; indexErrors: number; recorded: number; seq: number }

describe('list race', () => {
  it('7 workers append/extend/insert/pop/replace/read one list: nothing lost, nothing torn, no leak', async () => {
    const { ctx, heap, rc } = objEnv(8192);
    const before = heap.stats();
    const l = listNew(ctx) as number;
    const INITIAL = 300;
    for (let i = 0; i < INITIAL; i++) {
      const p = intNew(ctx, i) as number;
      listAppend(ctx, l, p);
      ctx.decref(p);
    }
    const roles: [string, number][] = [['append', 1], ['append', 2], ['insert', 3], ['pop', 4], ['set', 5], ['read', 6], ['read', 7]];
    // Upper bounds of seq per wid for the readers' validity check.
    const maxSeq = [INITIAL, ITERS * 2, ITERS * 2, ITERS, 0, ITERS, 0, 0];
    const ctl = new Int32Array(new SharedArrayBuffer(16));
    const records = roles.map(() => new Int32Array(new SharedArrayBuffer(4 * ITERS)));
    ctx.detach();
    const outs = await Promise.all(roles.map(([role, wid], k) => runWorker<Out>('list-race-worker.mjs', {
      memory: heap.memory, role, wid, iters: ITERS, ctl, parties: roles.length, list: l, record: records[k], maxSeq,
    })));
    ctx.attach();

    for (const o of outs) {
      if (o.bad.length > 0) console.log(`${o.role} ${o.wid} bad reads:`, JSON.stringify(o.bad.slice(0, 5)));
      expect(o.bad, `${o.role} ${o.wid}`).toEqual([]);
      expect(o.done).toBe(ITERS);
    }
    const reads = outs.filter((o) => o.role === 'read').reduce((s, o) => s + o.reads, 0);
    expect(reads).toBeGreaterThan(ITERS);

    // Conservation: stored == final + removed, as sets of unique tagged values.
    const stored: number[] = [];
    for (let i = 0; i < INITIAL; i++) stored.push(i);
    for (const o of outs) {
      if (o.role === 'append' || o.role === 'insert' || o.role === 'set') {
        for (let s = 0; s < o.seq; s++) stored.push(o.wid * TAG + s);
      }
    }
    const finalItems = listItems(ctx, l);
    const finalVals = finalItems.map((p) => Number(intValue(ctx, p)));
    for (const p of finalItems) ctx.decref(p);
    expect(finalVals.length).toBe(listLength(ctx, l));
    const removed: number[] = [];
    outs.forEach((o, k) => { for (let i = 0; i < o.recorded; i++) removed.push(records[k]![i]!); });
    const got = [...finalVals, ...removed].sort((a, b) => a - b);
    stored.sort((a, b) => a - b);
    expect(got.length).toBe(stored.length);
    expect(got).toEqual(stored);
    // Each appender's values in the list are in the order they were appended.
    for (const wid of [1, 2]) {
      const mine = finalVals.filter((v) => Math.floor(v / TAG) === wid);
      for (let i = 1; i < mine.length; i++) expect(mine[i]!).toBeGreaterThan(mine[i - 1]!);
    }

    assertHeapValid(heap);
    ctx.decref(l);
    // Merge what exited workers left queued, run deferred (QSBR) frees, collect.
    for (let i = 0; i < 2000 && (rc.stats().pendingDeferredFrees > 0 || i < 64); i++) rc.safePoint();
    rc.reclaimThreadIds();
    rc.mergePending();
    for (let i = 0; i < 2000 && (rc.stats().pendingDeferredFrees > 0 || i < 64); i++) rc.safePoint();
    heap.collect(true);
    const after = heap.stats();
    expect(rc.stats().pendingDeferredFrees).toBe(0);
    expect(after.byTag[Tag.OBJECT]!.blocks).toBe(before.byTag[Tag.OBJECT]!.blocks);
    expect(after.byTag[Tag.GC]!.blocks).toBe(before.byTag[Tag.GC]!.blocks);
    expect(after.byTag[Tag.RAW]!.blocks).toBe(before.byTag[Tag.RAW]!.blocks);
    assertHeapValid(heap);
  });
});
