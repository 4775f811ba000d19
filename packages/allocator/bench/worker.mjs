// Benchmark worker for run.mjs: runs one measured pattern on one thread and reports
// { ops, ms }. Patterns (sizes 16..256 from a precomputed table, no RNG in the loop):
//   lifo    — allocate a batch of 64 blocks, free them in reverse order; repeat
//   random  — 1024 live slots; each step frees a pseudo-random slot and refills it
//   xfree   — free `count` blocks that another thread allocated (offsets in `shared`;
//             the first sixteenth is an untimed warm-up)
//   xalloc  — allocate `count` blocks and publish their offsets in `shared`
// `allocator` is 'pynogil' or 'thing' (@thi.ng/malloc's MemPool on a private ArrayBuffer).
import { parentPort, workerData } from 'node:worker_threads';
import { attachHeap } from '@pynogil/allocator';
import { MemPool } from '@thi.ng/malloc';

const { pattern, allocator, pairs, handle, shared, count, start } = workerData;

const NSIZES = 4096;
const sizes = new Int32Array(NSIZES);
let s = 12345;
for (let i = 0; i < NSIZES; i++) {
  s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
  sizes[i] = 16 + (s % 241);
}
const order = new Int32Array(NSIZES);
for (let i = 0; i < NSIZES; i++) {
  s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
  order[i] = s & 1023;
}

function makeAllocator() {
  if (allocator === 'thing') return new MemPool({ size: 64 * 1024 * 1024 });
  return attachHeap(handle);
}

function lifo(a, n) {
  const batch = new Int32Array(64);
  let k = 0;
  for (let done = 0; done < n; done += 64) {
    for (let i = 0; i < 64; i++) batch[i] = a.malloc(sizes[(k++) & (NSIZES - 1)]);
    for (let i = 63; i >= 0; i--) a.free(batch[i]);
  }
}

function random(a, n) {
  const slots = new Int32Array(1024);
  for (let i = 0; i < 1024; i++) slots[i] = a.malloc(sizes[i]);
  for (let i = 0; i < n; i++) {
    const j = order[i & (NSIZES - 1)] ^ ((i >>> 12) & 1023);
    a.free(slots[j]);
    slots[j] = a.malloc(sizes[(i * 7) & (NSIZES - 1)]);
  }
  for (let i = 0; i < 1024; i++) a.free(slots[i]);
}

// Each worker runs one allocator, so the malloc/free call sites stay monomorphic.
const a = makeAllocator();
const run = pattern === 'lifo' ? lifo : random;
if (pattern === 'lifo' || pattern === 'random') {
  run(a, Math.min(pairs, 200000)); // warm-up (JIT)
  if (start) { Atomics.add(start, 0, 1); while (Atomics.load(start, 1) === 0) { /* start together */ } }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  run(a, pairs);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  // cpuMs is the whole process's CPU time: meaningful when this is the only busy thread.
  parentPort.postMessage({ ops: pairs, ms, cpuMs: (c.user + c.system) / 1000 });
} else if (pattern === 'xalloc') {
  const h = a;
  const offs = new Int32Array(shared);
  for (let i = 0; i < count; i++) offs[i] = h.malloc(sizes[i & (NSIZES - 1)]);
  parentPort.postMessage({ ops: count, ms: 0, id: h.id });
} else if (pattern === 'xfree') {
  const h = a;
  const offs = new Int32Array(shared);
  h.refresh();
  const warm = count >>> 4; // the first sixteenth warms the JIT up, untimed
  for (let i = 0; i < warm; i++) h.free(offs[i]);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = warm; i < count; i++) h.free(offs[i]);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  parentPort.postMessage({ ops: count - warm, ms, cpuMs: (c.user + c.system) / 1000 });
}
// Thread exit: give the heap up so that the next worker reclaims its pages.
if (allocator !== 'thing') a.abandon();
