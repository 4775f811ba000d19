// ThreadContext on a real @pynogil/allocator heap, one thread: objects are freed
// through per-type deallocators exactly when their count reaches zero, stats return
// to baseline, stop-the-world with nobody else, deferred frees after the thread's
// own safe point, thread ids retired and reclaimed, and the C #define export.
import { describe, expect, it } from 'vitest';
import { Tag, createHeap } from '@pynogil/allocator';
import {
  HEADER_SIZE, OB_REF_LOCAL, OB_TID, OB_TYPE, REF_MERGED, ROOT_REFCOUNT, ThreadContext,
  cDefines, joinRefcount, sharedStateOf, startRefcount, validateRuntime,
} from '@pynogil/refcount';

const TYPE_A = 0x100;

describe('ThreadContext on one thread', () => {
  it('deallocates through the registered deallocator, once, and frees the block', () => {
    const heap = createHeap({ maxThreads: 8 });
    const ctx = startRefcount(heap, { maxThreads: 8 });
    expect(heap.loadRoot(ROOT_REFCOUNT)).toBe(ctx.rt);
    const base = heap.stats().byTag[Tag.OBJECT]!.blocks;
    const freed: number[] = [];
    ctx.registerDeallocator(TYPE_A, (p, c) => { freed.push(p); c.freeBlock(p); });
    const a = ctx.newObject(32, TYPE_A);
    const b = ctx.newObject(32, TYPE_A);
    expect(ctx.u16[(a + OB_TID) >>> 1]).toBe(ctx.tid);
    expect(ctx.u32[(a + OB_TYPE) >>> 2]).toBe(TYPE_A);
    ctx.incref(a);
    expect(ctx.refcount(a)).toBe(2);
    ctx.decref(a);
    expect(freed).toEqual([]);
    ctx.decref(a);
    expect(freed).toEqual([a]);
    expect(ctx.stats().deallocs).toBe(1);
    // Types without a deallocator use the default one (free the block).
    const c = ctx.newObject(HEADER_SIZE, 0x999);
    ctx.decref(c);
    ctx.decref(b);
    expect(freed).toEqual([a, b]);
    expect(heap.stats().byTag[Tag.OBJECT]!.blocks).toBe(base);
  });

  it('tryIncref succeeds on live objects and fails on freed ones', () => {
    const heap = createHeap({ maxThreads: 4 });
    const ctx = startRefcount(heap, { maxThreads: 4 });
    const a = ctx.newObject(32, TYPE_A);
    expect(ctx.tryIncref(a)).toBe(true);
    ctx.decref(a);
    ctx.decref(a);
    expect(ctx.tryIncref(a)).toBe(false); // freed: local 0, shared 0 survive the free
  });

  it('immortal objects are never freed; deferred ones live until the collector', () => {
    const heap = createHeap({ maxThreads: 4 });
    const ctx = startRefcount(heap, { maxThreads: 4 });
    const none = ctx.newObject(16, TYPE_A);
    ctx.setImmortal(none);
    for (let k = 0; k < 10; k++) ctx.decref(none);
    expect(ctx.isImmortal(none)).toBe(true);
    const fn = ctx.newObject(16, TYPE_A);
    ctx.setDeferred(fn);
    ctx.increfStack(fn);
    ctx.decrefStack(fn);
    ctx.decref(fn);
    expect(ctx.isDeferred(fn)).toBe(true);
    expect(ctx.refcount(fn)).toBe(1);
    expect(ctx.stats().deallocs).toBe(0);
  });

  it('stop-the-world with no other thread runs the callback and counts it', () => {
    const heap = createHeap({ maxThreads: 4 });
    const ctx = startRefcount(heap, { maxThreads: 4 });
    expect(ctx.stopTheWorld(() => 42)).toBe(42);
    expect(() => ctx.stopTheWorld(() => ctx.stopTheWorld(() => 0))).toThrow(/inside a stop/);
    expect(ctx.stats().stops).toBe(2);
  });

  it('a deferred free waits for the thread\'s own next quiescent state', () => {
    const heap = createHeap({ maxThreads: 4 });
    const ctx = startRefcount(heap, { maxThreads: 4 });
    const base = heap.stats().inUseBlocks;
    const blk = heap.malloc(100, Tag.RAW);
    ctx.qsbrDeferFree(blk);
    expect(ctx.stats().pendingDeferredFrees).toBe(1);
    expect(heap.stats().inUseBlocks).toBe(base + 1);
    for (let k = 0; k < 20 && ctx.stats().pendingDeferredFrees > 0; k++) ctx.safePoint();
    expect(ctx.stats().pendingDeferredFrees).toBe(0);
    expect(heap.stats().inUseBlocks).toBe(base);
  });

  it('exited thread ids are reclaimed: their objects are merged first', () => {
    const heap = createHeap({ maxThreads: 4 });
    const main = startRefcount(heap, { maxThreads: 2 });
    // A second context on the same JS thread stands for another thread.
    const other = ThreadContext.join(heap, main.rt);
    const obj = other.newObject(32, TYPE_A);
    other.incref(obj); // local 2
    const oldTid = other.tid;
    other.exit();
    expect(main.stats().liveThreads).toBe(1);
    expect(main.u16[(obj + OB_TID) >>> 1]).toBe(oldTid); // lazy: still carries the id
    // No FREE slot (capacity 2): joining reclaims the zombie id with a walk, which
    // stops the world: `main` shares this JS thread, so it detaches meanwhile.
    main.detach();
    const third = ThreadContext.join(heap, main.rt);
    main.attach();
    expect(third.tid).toBe(oldTid);
    expect(main.u16[(obj + OB_TID) >>> 1]).toBe(0);
    expect(sharedStateOf(main, obj)).toBe(REF_MERGED);
    expect(main.refcount(obj)).toBe(2);
    third.decref(obj);
    expect(main.stats().deallocs).toBe(0);
    main.decref(obj);
    expect(main.stats().deallocs).toBe(1);
    expect(main.u32[(obj + OB_REF_LOCAL) >>> 2]).toBe(0);
    third.exit();
    expect(main.reclaimThreadIds()).toBe(1);
    expect(main.reclaimThreadIds()).toBe(0);
  });

  it('eval-breaker bits 8.. belong to the embedder and come back from safePoint', () => {
    const heap = createHeap({ maxThreads: 4 });
    const ctx = startRefcount(heap, { maxThreads: 4 });
    expect(ctx.safePoint()).toBe(0);
    ctx.signalThread(ctx.tid, 1 << 9);
    ctx.qsbrDeferFree(heap.malloc(64, Tag.RAW)); // a refcount bit as well
    expect(ctx.safePoint()).toBe(1 << 9);
    expect(ctx.safePoint()).toBe(1 << 9); // until the embedder clears it
    ctx.clearBreakerBits(1 << 9);
    expect(ctx.safePoint()).toBe(0);
    expect(() => ctx.signalThread(ctx.tid, 1)).toThrow(/reserved/);
  });

  it('joinRefcount finds the runtime through the root slot', () => {
    const heap = createHeap({ maxThreads: 4 });
    expect(() => joinRefcount(heap)).toThrow(/no refcount runtime/);
    const ctx = startRefcount(heap, { maxThreads: 4 });
    expect(() => startRefcount(heap)).toThrow(/already started/);
    expect(ctx.tid).toBe(1);
  });

  it('validateRuntime reports broken invariants', () => {
    const heap = createHeap({ maxThreads: 4 });
    const ctx = startRefcount(heap, { maxThreads: 4 });
    const a = ctx.newObject(32, TYPE_A);
    expect(validateRuntime(ctx, { objects: true })).toEqual([]);
    ctx.i32[(a + 8) >>> 2] = (1 << 2) | REF_MERGED; // merged, but still owned
    expect(validateRuntime(ctx, { objects: true }).join()).toMatch(/^O2 /);
    ctx.i32[(a + 8) >>> 2] = -4; // negative shared count in the default state
    expect(validateRuntime(ctx, { objects: true }).join()).toMatch(/^O4 /);
    ctx.i32[(a + 8) >>> 2] = 0;
    ctx.u16[a >>> 1] = 3; // owner id never registered
    expect(validateRuntime(ctx, { objects: true }).join()).toMatch(/^O3 /);
  });

  it('exports the header as C #defines', () => {
    const text = cDefines();
    expect(text).toContain('#define PYNOGIL_OB_REF_SHARED 8');
    expect(text).toContain('#define _Py_IMMORTAL_REFCNT_LOCAL 0xFFFFFFFFu');
    expect(text).toContain('#define _Py_REF_MERGED 3');
  });
});
