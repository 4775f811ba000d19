// Stress worker (test/stress.test.ts): hammers incref/decref on every object of a
// shared table, hands references over to other workers, and exits mid-way or not
// according to its role.
import { workerData, parentPort } from 'node:worker_threads';
import { barrier, countingDeallocator, join } from './common.mjs';

const { memory, ctl, counts, table, M, iters, id, role, type, weak } = workerData;
const { heap, ctx } = join(memory);
ctx.registerDeallocator(type, countingDeallocator(counts));
const objAt = (i) => Atomics.load(ctx.i32, (table >>> 2) + i) >>> 0;

function hammer(n) {
  for (let it = 0; it < n; it++) {
    for (let j = 0; j < M; j++) {
      const p = objAt((j + id * 7 + it) % M);
      ctx.incref(p);
      ctx.incref(p);
      // With every object maybe-weakref and alive (the table holds it), a lock-free
      // reader's tryIncref must never fail; without the flag it may (shared 0).
      if (ctx.tryIncref(p)) ctx.decref(p);
      else if (weak) throw new Error(`tryIncref failed on live object ${p}`);
      ctx.decref(p);
      ctx.decref(p);
      if ((j & 7) === 0) ctx.safePoint();
    }
  }
}

if (role === 'first') {
  // Create this worker's objects and publish them in the table.
  const per = M / 8;
  for (let k = 0; k < per; k++) {
    const i = M / 2 + id * per + k;
    const p = ctx.newObject(32, type);
    ctx.u32[(p + 16) >>> 2] = i;
    if (weak) ctx.setMaybeWeakref(p);
    Atomics.store(ctx.i32, (table >>> 2) + i, p);
    ctx.incref(p); // handed to the next worker, which drops it as a non-owner
  }
  barrier(ctx, ctl, 0, 4);
  // Drop the references the previous worker handed us: its local count holds
  // them, our shared count is 0, so these decrements queue to the owner (or, if
  // it already exited, merge the object here).
  const prev = (id + 3) % 4;
  const handed = () => {
    for (let k = 0; k < per; k++) ctx.decref(objAt(M / 2 + prev * per + k));
  };
  if (id < 2) handed();
  hammer(iters);
  for (let i = 0; i < M; i++) ctx.incref(objAt(i)); // one reference each, dropped by another worker
  barrier(ctx, ctl, 1, 4);
  if (id >= 2) {
    handed();
    // Owners exit mid-way: their objects stay in the table, held by others.
    ctx.exit();
    heap.abandon();
  } else {
    hammer(iters);
    // Drop our own extra references and those of worker id + 2, which has exited.
    for (let i = 0; i < M; i++) { ctx.decref(objAt(i)); ctx.decref(objAt(i)); }
    ctx.safePoint();
    ctx.exit();
    heap.abandon();
  }
} else {
  // Late joiner: its registration has to reclaim a zombie id (stop-the-world while
  // the first workers hammer).
  hammer(iters);
  ctx.exit();
  heap.abandon();
}
parentPort.postMessage({ id, tid: 0 });
