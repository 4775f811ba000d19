// The per-object lock (ob_mutex) and critical sections, with real workers:
// mutual exclusion of 4 workers on one object, a waiter that must park (and is
// handed the lock after waiting > 1 ms), and two-object critical sections taken
// in both orders and nested in opposite orders without deadlock.
import { describe, expect, it } from 'vitest';
import {
  FAIR_HANDOFF_MS, MUTEX_LOCKED, MUTEX_PARKED, OB_MUTEX, isObjectLocked, listNew, lockObject, sharedClockMs,
  tryLockObject, unlockObject, waitersOn,
} from '@pynogil/collections';
import { objEnv, runWorker } from './objects-env.js';

interface Res { id: number; stats: { parks: number; handoffsReceived: number; handoffsGiven: number }; mutexWhenAcquired?: number }

describe('per-object lock', () => {
  it('single thread: lock byte states, try-lock, the neighbours of the byte are untouched', () => {
    const { ctx, heap } = objEnv();
    const o = listNew(ctx) as number;
    const before = [heap.u8[o]!, heap.u8[o + 1]!, heap.u8[o + 3]!];
    lockObject(ctx, o);
    expect(heap.u8[o + OB_MUTEX]).toBe(MUTEX_LOCKED);
    expect(isObjectLocked(ctx, o)).toBe(true);
    expect(tryLockObject(ctx, o)).toBe(false);
    unlockObject(ctx, o);
    expect(heap.u8[o + OB_MUTEX]).toBe(0);
    expect([heap.u8[o]!, heap.u8[o + 1]!, heap.u8[o + 3]!]).toEqual(before);
    expect(() => unlockObject(ctx, o)).toThrow(/not held/);
    // Re-entrant critical sections on the same object, and pairs containing it.
    ctx.begin(o);
    ctx.begin(o);
    ctx.begin2(o, o);
    ctx.end(); ctx.end(); ctx.end();
    expect(isObjectLocked(ctx, o)).toBe(false);
  });

  it('4 workers incrementing a heap word under one object\'s lock lose no update', async () => {
    const { ctx, heap } = objEnv();
    const obj = listNew(ctx) as number;
    const cell = heap.calloc(1, 8, 0);
    const ctl = new Int32Array(new SharedArrayBuffer(16));
    const iters = 20000;
    ctx.detach();
    const rs = await Promise.all([0, 1, 2, 3].map((id) => runWorker<Res>('lock-worker.mjs', {
      memory: heap.memory, role: 'counter', id, iters, ctl, parties: 4, obj, word: cell >>> 2,
    })));
    ctx.attach();
    expect(heap.i32[cell >>> 2]).toBe(4 * iters);
    expect(heap.u8[obj + OB_MUTEX]).toBe(0);
    // Report (not asserted: scheduling decides how often threads had to sleep).
    console.log('lock counter: parks', rs.map((r) => r.stats.parks), 'handoffs', rs.map((r) => r.stats.handoffsReceived));
  });

  it('a contended waiter parks (PARKED bit set), and after > 1 ms is handed the lock', async () => {
    const { ctx, heap } = objEnv();
    const obj = listNew(ctx) as number;
    const cell = heap.calloc(1, 8, 0);
    const ctl = new Int32Array(new SharedArrayBuffer(16));
    lockObject(ctx, obj);
    ctx.detach();
    const done = runWorker<Res>('lock-worker.mjs', { memory: heap.memory, role: 'waiter', id: 0, ctl, obj, word: cell >>> 2 });
    // Wait until the worker is queued in the parking lot (PARKED set, its node in
    // the bucket) and has been for more than FAIR_HANDOFF_MS.
    const t0 = Date.now();
    for (;;) {
      const w = waitersOn(ctx, obj + OB_MUTEX);
      if (w.count === 1 && sharedClockMs() - w.since > 3 * FAIR_HANDOFF_MS) break;
      if (Date.now() - t0 > 15000) throw new Error('waiter never parked');
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(Atomics.load(heap.u8, obj + OB_MUTEX)).toBe(MUTEX_LOCKED | MUTEX_PARKED);
    ctx.attach();
    unlockObject(ctx, obj);
    expect(ctx.lockStats.handoffsGiven).toBe(1);
    ctx.detach();
    const r = await done;
    ctx.attach();
    expect(r.stats.parks).toBeGreaterThanOrEqual(1);
    expect(r.stats.handoffsReceived).toBe(1);
    expect(r.mutexWhenAcquired! & MUTEX_LOCKED).toBe(MUTEX_LOCKED);
    expect(heap.i32[cell >>> 2]).toBe(1);
    expect(heap.u8[obj + OB_MUTEX]).toBe(0);
  });

  it('two-object critical sections in both orders and nested in opposite orders: no deadlock, no lost update', async () => {
    const { ctx, heap } = objEnv();
    const a = listNew(ctx) as number;
    const b = listNew(ctx) as number;
    const cell = heap.calloc(1, 16, 0);
    const ctl = new Int32Array(new SharedArrayBuffer(16));
    const iters = 6000;
    ctx.detach();
    const rs = await Promise.all([0, 1, 2, 3].map((id) => runWorker<Res>('lock-worker.mjs', {
      memory: heap.memory, role: 'pair', id, iters, ctl, parties: 4, a, b, wa: cell >>> 2, wb: (cell >>> 2) + 1,
    })));
    ctx.attach();
    expect(heap.i32[cell >>> 2]).toBe(4 * iters);
    expect(heap.i32[(cell >>> 2) + 1]).toBe(4 * iters);
    expect(heap.u8[a + OB_MUTEX]).toBe(0);
    expect(heap.u8[b + OB_MUTEX]).toBe(0);
    console.log('lock pair: parks', rs.map((r) => r.stats.parks));
  });
});

describe('detach nesting', () => {
  it('a thread that is already detached can still take and release locks, and parks without re-detaching', () => {
    const { ctx } = objEnv();
    const o = listNew(ctx) as number;
    ctx.detach();
    expect(ctx.isDetached).toBe(true);
    ctx.detach(); // what park does: nested, no second refcount detach
    ctx.attach();
    expect(ctx.isDetached).toBe(true);
    lockObject(ctx, o);
    unlockObject(ctx, o);
    ctx.attach();
    expect(ctx.isDetached).toBe(false);
    expect(() => ctx.attach()).toThrow(/attach without detach/);
  });
});
