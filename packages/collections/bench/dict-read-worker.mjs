// bench/run.mjs worker (str/dict/set section): lock-free d[k] reads (or `k in s`)
// of a shared dict/set with interned str keys, for a fixed number of reads;
// reports the time taken after a barrier, so that the readers overlap.
import { parentPort, workerData } from 'node:worker_threads';
import { attachHeap } from '@pynogil/allocator';
import { joinRefcount } from '@pynogil/refcount';
import { joinCollections, tablesOf, intern, dictGetRef, setContains } from '@pynogil/collections';

const { memory, obj, kind, n, reads, ctl, parties, seed } = workerData;
const heap = attachHeap({ memory });
const rc = joinRefcount(heap);
const ctx = joinCollections(heap, rc);
const t = tablesOf(ctx);
const keys = Array.from({ length: n }, (_, i) => intern(ctx, `key_${i}`));
let s = seed >>> 0;
const one = kind === 'dict'
  ? (k) => { const v = dictGetRef(t, obj, k); if (v !== 0) rc.decref(v); }
  : (k) => { setContains(t, obj, k); };
for (let i = 0; i < 200000; i++) { s = (Math.imul(s, 1103515245) + 12345) >>> 0; one(keys[(s >>> 8) % n]); }
rc.detach();
Atomics.add(ctl, 0, 1);
Atomics.notify(ctl, 0);
while (Atomics.load(ctl, 0) < parties) Atomics.wait(ctl, 0, Atomics.load(ctl, 0), 20);
rc.attach();
const t0 = performance.now();
for (let i = 0; i < reads; i++) {
  s = (Math.imul(s, 1103515245) + 12345) >>> 0;
  one(keys[(s >>> 8) % n]);
  if ((i & 1023) === 0) rc.safePoint();
}
const ms = performance.now() - t0;
ctx.exit();
rc.exit();
heap.abandon();
parentPort.postMessage({ ms });
