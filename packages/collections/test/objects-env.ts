// Helpers for the object tests (int/float/bytes/tuple/list/lock/layout): a fresh
// heap with refcount and collections started on the calling thread, one python3
// process per batch (PYTHONHASHSEED=0), worker spawning, a seeded PRNG.
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { createHeap, type ThreadHeap } from '@pynogil/allocator';
import { startRefcount, type ThreadContext } from '@pynogil/refcount';
import { startCollections, type ObjContext } from '@pynogil/collections';

export interface ObjEnv { heap: ThreadHeap; rc: ThreadContext; ctx: ObjContext }

export function objEnv(maximumPages = 4096): ObjEnv {
  const heap = createHeap({ maximumPages });
  const rc = startRefcount(heap);
  const ctx = startCollections(heap, rc);
  return { heap, rc, ctx };
}

/** Runs python3 once: `body` reads `inp` (the JSON input) and prints JSON. */
export function py<T>(body: string, input: unknown): T {
  const r = spawnSync('python3', ['-c', 'import sys, json\ninp = json.loads(sys.stdin.read())\n' + body], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 1 << 27,
    env: { ...process.env, PYTHONHASHSEED: '0' },
  });
  if (r.status !== 0) throw new Error('python3 failed: ' + r.stderr);
  return JSON.parse(r.stdout) as T;
}

/** mulberry32. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts a worker from test/workers/<file> and resolves with its first message. */
export function runWorker<T = unknown>(file: string, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(`./workers/${file}`, import.meta.url), { workerData });
    let result: T | undefined;
    w.once('message', (m: T) => { result = m; });
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exit ${code}`));
      else resolve(result as T);
    });
  });
}
