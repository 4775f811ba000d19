// Benchmark worker (bench/run.mjs): waits for the start signal, runs `pairs`
// incref+decref pairs on its object, reports the elapsed nanoseconds.
import { workerData, parentPort } from 'node:worker_threads';
import { attachHeap } from '@pynogil/allocator';
import { joinRefcount } from '@pynogil/refcount';

const { memory, ctl, target, pairs } = workerData;
const heap = attachHeap({ memory });
const ctx = joinRefcount(heap);
const p = target === 'own' ? ctx.newObject(16, 0x77) : target;
// Warm up (JIT), then wait for the start signal detached.
for (let k = 0; k < 200_000; k++) { ctx.incref(p); ctx.decref(p); }
ctx.detach();
Atomics.add(ctl, 0, 1);
Atomics.notify(ctl, 0);
while (Atomics.load(ctl, 1) === 0) Atomics.wait(ctl, 1, 0, 10);
ctx.attach();
const t0 = process.hrtime.bigint();
for (let k = 0; k < pairs; k++) {
  ctx.incref(p);
  ctx.decref(p);
  if ((k & 1023) === 0) ctx.safePoint();
}
const ns = Number(process.hrtime.bigint() - t0);
if (target === 'own') ctx.decref(p);
ctx.exit();
heap.abandon();
parentPort.postMessage(ns);
