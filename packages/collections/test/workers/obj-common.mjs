// Shared by the object-layer test workers (plain JS: workers load the built
// packages): join the heap, refcount and collections runtimes; leave them.
import { attachHeap } from '@pynogil/allocator';
import { joinRefcount } from '@pynogil/refcount';
import { joinCollections } from '@pynogil/collections';

export function joinAll(memory) {
  const heap = attachHeap({ memory });
  const rc = joinRefcount(heap);
  const ctx = joinCollections(heap, rc);
  return { heap, rc, ctx };
}

export function leave({ heap, rc, ctx }) {
  ctx.exit();
  rc.exit();
  heap.abandon();
}

/** Counting barrier on ctl[i], waited for detached. */
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
