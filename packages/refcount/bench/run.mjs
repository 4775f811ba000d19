// Refcount micro-benchmarks (run after a build: `node bench/run.mjs`).
//  1. ns per incref+decref pair on one thread: owner path (plain stores), non-owner
//     path (Atomics on ob_ref_shared), immortal (no write), and an all-atomic
//     baseline (every count change an Atomics.add/sub, as a non-biased design would).
//  2. Scaling: 2 workers vs 1 on the same immortal object, on their own objects,
//     and (for the record) on the same mortal object.
// Figures depend on machine load; each line is the best of several runs.
import { Worker } from 'node:worker_threads';
import { createHeap } from '@pynogil/allocator';
import { OB_REF_SHARED, ThreadContext, startRefcount } from '@pynogil/refcount';

const PAIRS = Number(process.env.PAIRS ?? 20_000_000);
const ROUNDS = 5;
const heap = createHeap({ maxThreads: 16 });
const ctx = startRefcount(heap, { maxThreads: 8 });

// --- 1. single thread ------------------------------------------------------
const own = ctx.newObject(16, 1);
const immortal = ctx.newObject(16, 1);
ctx.setImmortal(immortal);
ctx.detach();
const other = ThreadContext.join(heap, ctx.rt); // another thread id on this JS thread
const foreign = other.newObject(16, 1);
other.incref(foreign); // keep it alive whatever we do
other.detach();
ctx.attach();

const i32 = ctx.i32;
function atomicIncref(p) { Atomics.add(i32, (p + OB_REF_SHARED) >>> 2, 4); }
function atomicDecref(p) { if (Atomics.sub(i32, (p + OB_REF_SHARED) >>> 2, 4) === 4) throw new Error('freed'); }
const baseObj = heap.malloc(16, 1);
i32[(baseObj + OB_REF_SHARED) >>> 2] = 4;

// The same pairs over 1024 distinct objects (what an eval loop does): no
// store-to-load dependency from one pair to the next.
const many = new Int32Array(1024);
for (let k = 0; k < 1024; k++) many[k] = ctx.newObject(16, 1);
const manyAtomic = new Int32Array(1024);
for (let k = 0; k < 1024; k++) { manyAtomic[k] = heap.malloc(16, 1); i32[(manyAtomic[k] + OB_REF_SHARED) >>> 2] = 4; }

const cases = {
  owner: () => { for (let k = 0; k < PAIRS; k++) { ctx.incref(own); ctx.decref(own); } },
  'non-owner': () => { for (let k = 0; k < PAIRS; k++) { ctx.incref(foreign); ctx.decref(foreign); } },
  immortal: () => { for (let k = 0; k < PAIRS; k++) { ctx.incref(immortal); ctx.decref(immortal); } },
  'all-atomic baseline': () => { for (let k = 0; k < PAIRS; k++) { atomicIncref(baseObj); atomicDecref(baseObj); } },
  'owner, 1024 objects': () => { for (let k = 0; k < PAIRS; k++) { const p = many[k & 1023]; ctx.incref(p); ctx.decref(p); } },
  'all-atomic, 1024 objects': () => { for (let k = 0; k < PAIRS; k++) { const p = manyAtomic[k & 1023]; atomicIncref(p); atomicDecref(p); } },
};
const single = {};
cases['safePoint, nothing pending (per call)'] = () => { for (let k = 0; k < PAIRS; k++) ctx.safePoint(); };
for (const [name, fn] of Object.entries(cases)) {
  fn(); // warm-up
  let best = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / PAIRS);
  }
  single[name] = best;
}
console.log(`# ns per incref+decref pair (one thread, best of ${ROUNDS} x ${PAIRS})`);
for (const [name, ns] of Object.entries(single)) console.log(`${name.padEnd(38)} ${ns.toFixed(2)} ns`);
console.log(`owner path speed-up over all-atomic: ${(single['all-atomic baseline'] / single.owner).toFixed(2)}x (same object), ${(single['all-atomic, 1024 objects'] / single['owner, 1024 objects']).toFixed(2)}x (1024 objects)`);

// --- 2. scaling -------------------------------------------------------------
const WPAIRS = Number(process.env.WPAIRS ?? 10_000_000);
async function runWorkers(n, target) {
  const ctl = new Int32Array(new SharedArrayBuffer(8));
  const ws = [];
  const results = [];
  for (let k = 0; k < n; k++) {
    const w = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: { memory: heap.memory, ctl, target, pairs: WPAIRS },
    });
    results.push(new Promise((res, rej) => { w.once('message', res); w.once('error', rej); }));
    ws.push(w);
  }
  while (Atomics.load(ctl, 0) < n) await new Promise((r) => setTimeout(r, 2));
  Atomics.store(ctl, 1, 1);
  Atomics.notify(ctl, 1);
  const ns = await Promise.all(results);
  // Aggregate throughput: total pairs over the longest worker's time.
  return (n * WPAIRS) / (Math.max(...ns) / 1e9);
}
const mortalShared = ctx.newObject(16, 1);
ctx.incref(mortalShared);
ctx.detach(); // the main thread only waits from here on
console.log(`\n# scaling: aggregate incref+decref pairs/s, ${WPAIRS} pairs per worker, best of 3`);
for (const [label, target] of [['same immortal object', immortal], ['own objects', 'own'], ['same mortal object (record)', mortalShared]]) {
  let one = 0;
  let two = 0;
  for (let r = 0; r < 3; r++) {
    one = Math.max(one, await runWorkers(1, target));
    two = Math.max(two, await runWorkers(2, target));
  }
  console.log(`${label.padEnd(28)} 1 worker ${(one / 1e6).toFixed(1)} M/s, 2 workers ${(two / 1e6).toFixed(1)} M/s, ratio ${(two / one).toFixed(2)}x`);
}
