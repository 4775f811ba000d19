// Helpers shared by the test workers (plain JS: workers load built packages).
import { attachHeap } from '@pynogil/allocator';
import { joinRefcount } from '@pynogil/refcount';

/** Attach to the heap and join the refcount runtime. */
export function join(memory) {
  const heap = attachHeap({ memory });
  const ctx = joinRefcount(heap);
  return { heap, ctx };
}

/** Counting barrier on ctl[i], waited for detached (a stop never waits for us). */
export function barrier(ctx, ctl, i, parties) {
  ctx.detach();
  Atomics.add(ctl, i, 1);
  Atomics.notify(ctl, i);
  for (;;) {
    const v = Atomics.load(ctl, i);
    if (v >= parties) break;
    Atomics.wait(ctl, i, v, 50);
  }
  ctx.attach();
}

/** Deallocator used by every test type: counts per object index (stored at +16). */
export function countingDeallocator(counts) {
  return (ptr, c) => {
    Atomics.add(counts, c.u32[(ptr + 16) >>> 2], 1);
    c.freeBlock(ptr);
  };
}
