// An object allocated by another worker after it grew the memory lies past this
// thread's views: incref/decref/tryIncref must re-create the views (through the
// allocator's currentBuffer, since memory.buffer may be stale) and count correctly.
import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { createHeap } from '@pynogil/allocator';
import { startRefcount } from '@pynogil/refcount';

describe('memory growth', () => {
  it('refcounts objects beyond the views this thread had', async () => {
    const heap = createHeap({ maxThreads: 4 });
    const ctx = startRefcount(heap, { maxThreads: 4 });
    const freed: number[] = [];
    ctx.registerDeallocator(0x99, (p, c) => { freed.push(p); c.freeBlock(p); });
    const viewBytes = ctx.byteLength;
    ctx.detach();
    const { big, obj } = await new Promise<{ big: number; obj: number }>((resolve, reject) => {
      const w = new Worker(new URL('./workers/grow.mjs', import.meta.url), { workerData: { memory: heap.memory } });
      w.once('message', resolve);
      w.once('error', reject);
    });
    ctx.attach();
    expect(obj).toBeGreaterThanOrEqual(viewBytes); // the point of the test
    expect(ctx.byteLength).toBe(viewBytes); // views not refreshed yet
    ctx.incref(obj);
    expect(ctx.byteLength).toBeGreaterThan(obj);
    expect(ctx.refcount(obj)).toBe(2);
    expect(ctx.tryIncref(obj)).toBe(true);
    ctx.decref(obj);
    ctx.decref(obj);
    expect(freed).toEqual([]);
    ctx.decref(obj); // the worker's reference: its owner exited, merged here
    expect(freed).toEqual([obj]);
    heap.free(big);
  });
});
