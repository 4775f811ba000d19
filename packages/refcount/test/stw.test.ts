// Stop-the-world with real workers that spin (calling safe points), sleep
// (detached) and exit while a stop is pending. While the callback runs, no other
// thread makes progress; detached sleepers cannot re-attach; exits do not deadlock.
import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { createHeap } from '@pynogil/allocator';
import { assertRuntimeValid, startRefcount } from '@pynogil/refcount';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('stop-the-world', () => {
  it('parks spinners, keeps sleepers out, survives exits during a stop', async () => {
    const heap = createHeap({ maxThreads: 16 });
    const ctx = startRefcount(heap, { maxThreads: 8 });
    const ctl = new Int32Array(new SharedArrayBuffer(64 * 4));
    const roles = ['spin', 'spin', 'sleep', 'exit-detached', 'exit-direct'];
    const done = roles.map((role, id) => new Promise<void>((resolve, reject) => {
      const w = new Worker(new URL('./workers/stw.mjs', import.meta.url), {
        workerData: { memory: heap.memory, ctl, id, role },
      });
      w.once('message', () => resolve());
      w.once('error', reject);
    }));
    while (Atomics.load(ctl, 0) < roles.length) await tick(5);
    const progress = () => roles.map((_, id) => Atomics.load(ctl, 2 + id));
    const nap = new Int32Array(new SharedArrayBuffer(4));

    const STOPS = 12;
    let frozen = 0;
    for (let s = 0; s < STOPS; s++) {
      // Stops 3 and 6 are requested while an exiting worker is attached and not at
      // a safe point: it detaches (or exits attached) with the stop pending.
      const exiter = s === 3 ? 3 : s === 6 ? 4 : -1;
      if (exiter >= 0) {
        Atomics.store(ctl, 8 + exiter, 1);
        while (Atomics.load(ctl, 16 + exiter) === 0) await tick(1);
      }
      ctx.stopTheWorld(() => {
        const a = progress();
        Atomics.wait(nap, 0, 0, 8); // sleepers' 2 ms naps end in here
        const b = progress();
        expect(b).toEqual(a);
        frozen++;
      });
      await tick(3);
    }
    expect(frozen).toBe(STOPS);
    await Promise.all([done[3], done[4]]);
    expect(ctx.stats().liveThreads).toBe(4);
    Atomics.store(ctl, 1, 1);
    await Promise.all(done);
    expect(ctx.stats().liveThreads).toBe(1);
    expect(ctx.stats().stops).toBe(STOPS);
    assertRuntimeValid(ctx);
    // Everyone made progress between the stops.
    expect(progress().every((n) => n > 0)).toBe(true);
  });

  it('competing requesters stop the world one at a time', async () => {
    const heap = createHeap({ maxThreads: 16 });
    const ctx = startRefcount(heap, { maxThreads: 8 });
    const ctl = new Int32Array(new SharedArrayBuffer(64 * 4));
    const roles = ['spin', 'spin', 'stopper', 'stopper'];
    const done = roles.map((role, id) => new Promise<void>((resolve, reject) => {
      const w = new Worker(new URL('./workers/stw.mjs', import.meta.url), {
        workerData: { memory: heap.memory, ctl, id, role },
      });
      w.once('message', () => resolve());
      w.once('error', reject);
    }));
    const nap = new Int32Array(new SharedArrayBuffer(4));
    let mine = 0;
    // The main thread stops too, and is detached whenever it waits in the event loop.
    while (Atomics.load(ctl, 33) < 2 || mine < 10) {
      if (mine < 10) {
        ctx.stopTheWorld(() => {
          if (Atomics.add(ctl, 30, 1) !== 0) Atomics.store(ctl, 31, 1);
          Atomics.wait(nap, 0, 0, 1);
          Atomics.sub(ctl, 30, 1);
        });
        mine++;
      }
      ctx.detach();
      await tick(2);
      ctx.attach();
    }
    Atomics.store(ctl, 1, 1);
    ctx.detach();
    await Promise.all(done);
    ctx.attach();
    expect(Atomics.load(ctl, 31)).toBe(0); // never two callbacks at once
    expect(Atomics.load(ctl, 32)).toBe(0); // spinners frozen during every stop
    expect(ctx.stats().stops).toBe(30);
    assertRuntimeValid(ctx);
  });
});
