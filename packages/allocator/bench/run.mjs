#!/usr/bin/env node
// @pynogil/allocator benchmark (not a test): alloc+free pairs per second on one worker
// (LIFO and random orders, 16..256-byte blocks), the same on 2 workers with their own
// blocks (aggregate and scaling), cross-thread frees per second, and @thi.ng/malloc
// (single-threaded, ArrayBuffer) on the same single-thread patterns.
// Usage: node bench/run.mjs [--json] [--pairs N]    (after `npx tsc -b`)
import { Worker } from 'node:worker_threads';
import { createHeap } from '@pynogil/allocator';

const json = process.argv.includes('--json');
const pi = process.argv.indexOf('--pairs');
const PAIRS = pi > 0 ? Number(process.argv[pi + 1]) : 5_000_000;
const REPEAT = 3;
const workerUrl = new URL('./worker.mjs', import.meta.url);

function runWorker(data) {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerUrl, { workerData: data });
    let r;
    w.on('message', (m) => { r = m; });
    w.on('error', reject);
    w.on('exit', (c) => (c === 0 ? resolve(r) : reject(new Error(`exit ${c}`))));
  });
}

/** Best of REPEAT runs of fn() -> { wall, cpu } rates (million ops/s). */
async function best(fn) {
  const top = { wall: 0, cpu: 0 };
  for (let i = 0; i < REPEAT; i++) {
    const r = await fn();
    top.wall = Math.max(top.wall, r.wall);
    top.cpu = Math.max(top.cpu, r.cpu ?? 0);
  }
  return top;
}
const rate = (r) => ({ wall: r.ops / r.ms / 1000, cpu: r.ops / r.cpuMs / 1000 });

const heap = createHeap({ maxThreads: 64 });
const handle = heap.handle();
const rows = [];

for (const pattern of ['lifo', 'random']) {
  const one = await best(async () => rate(await runWorker({ pattern, allocator: 'pynogil', pairs: PAIRS, handle })));
  const thing = await best(async () => rate(await runWorker({ pattern, allocator: 'thing', pairs: pattern === 'random' ? PAIRS / 50 : PAIRS })));
  const two = await best(async () => {
    const start = new Int32Array(new SharedArrayBuffer(8));
    const ps = [0, 1].map(() => runWorker({ pattern, allocator: 'pynogil', pairs: PAIRS, handle, start }));
    while (Atomics.load(start, 0) < 2) await new Promise((r) => setTimeout(r, 1));
    Atomics.store(start, 1, 1);
    const rs = await Promise.all(ps);
    // Aggregate = total pairs / the longer of the two runs (wall clock only).
    return { wall: (rs[0].ops + rs[1].ops) / Math.max(rs[0].ms, rs[1].ms) / 1000 };
  });
  rows.push({ name: `alloc+free pairs, ${pattern}, 1 worker`, ...one });
  rows.push({ name: `alloc+free pairs, ${pattern}, @thi.ng/malloc`, ...thing, ratio: one.cpu / thing.cpu, ratioLabel: 'pynogil / thi.ng (cpu)' });
  rows.push({ name: `alloc+free pairs, ${pattern}, 2 workers (aggregate)`, ...two, cpu: null, ratio: two.wall / one.wall, ratioLabel: 'vs 1 worker (wall)' });
}

const COUNT = 1_000_000;
const xfree = await best(async () => {
  const shared = new SharedArrayBuffer(COUNT * 4);
  await runWorker({ pattern: 'xalloc', allocator: 'pynogil', handle, shared, count: COUNT });
  return rate(await runWorker({ pattern: 'xfree', allocator: 'pynogil', handle, shared, count: COUNT }));
});
rows.push({ name: 'cross-thread frees (blocks of another worker)', ...xfree });

const load = (await import('node:os')).loadavg()[0];
if (json) {
  console.log(JSON.stringify({ package: '@pynogil/allocator', unit: 'million ops/s', pairs: PAIRS, loadavg1: load, results: rows }, null, 2));
} else {
  console.log(`@pynogil/allocator — million ops/s, best of ${REPEAT}; wall clock and per CPU-second`);
  console.log(`(1-min load average ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs: wall figures are noisy; 'cpu' = ops / process CPU time)`);
  console.log(`${'benchmark'.padEnd(52)} ${'wall'.padStart(7)} ${'cpu'.padStart(7)}`);
  for (const r of rows) {
    const ratio = r.ratio ? `  ${r.ratio.toFixed(2)}x ${r.ratioLabel}` : '';
    const cpu = r.cpu ? r.cpu.toFixed(1) : '-';
    console.log(`${r.name.padEnd(52)} ${r.wall.toFixed(1).padStart(7)} ${cpu.padStart(7)}${ratio}`);
  }
}
