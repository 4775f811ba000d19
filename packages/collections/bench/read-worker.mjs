// bench/run.mjs worker: lock-free list[i] reads of a shared list for a fixed
// number of reads; reports the time taken (after a barrier, so readers overlap).
import { parentPort, workerData } from 'node:worker_threads';
import { attachHeap } from '@pynogil/allocator';
import { joinRefcount } from '@pynogil/refcount';
import { joinCollections, listGetItemRef } from '@pynogil/collections';

const { memory, list, n, reads, ctl, parties, seed } = workerData;
const heap = attachHeap({ memory });
const rc = joinRefcount(heap);
const ctx = joinCollections(heap, rc);
let s = seed >>> 0;
// Warm-up: JIT and the first (locked) read of each item.
for (let i = 0; i < n; i++) rc.decref(listGetItemRef(ctx, list, i));
for (let i = 0; i < 200000; i++) { s = (Math.imul(s, 1103515245) + 12345) >>> 0; rc.decref(listGetItemRef(ctx, list, (s >>> 8) % n)); }
ctx.detach();
Atomics.add(ctl, 0, 1);
Atomics.notify(ctl, 0);
while (Atomics.load(ctl, 0) < parties) Atomics.wait(ctl, 0, Atomics.load(ctl, 0), 20);
ctx.attach();
const t0 = performance.now();
for (let i = 0; i < reads; i++) {
  s = (Math.imul(s, 1103515245) + 12345) >>> 0;
  const p = listGetItemRef(ctx, list, (s >>> 8) % n);
  rc.decref(p);
  if ((i & 1023) === 0) rc.safePoint();
}
const ms = performance.now() - t0;
ctx.exit();
rc.exit();
heap.abandon();
parentPort.postMessage({ ms });
