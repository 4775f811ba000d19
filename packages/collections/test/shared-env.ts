// Test helpers for str/dict/set/intern/Shared* tests: a fresh heap with the
// refcount and collections runtimes on the calling thread, and one python3
// process per batch (PYTHONHASHSEED=0) fed a JSON program on stdin.
import { execFileSync } from 'node:child_process';
import { createHeap, type ThreadHeap } from '@pynogil/allocator';
import { startRefcount, type ThreadContext } from '@pynogil/refcount';
import { startCollections, tablesOf, type HashKey, type ObjContext, type TableHost } from '@pynogil/collections';

export interface Env { heap: ThreadHeap; rc: ThreadContext; ctx: ObjContext; t: TableHost }

export function newEnv(maximumPages = 4096, hashKey?: HashKey): Env {
  const heap = createHeap({ maximumPages });
  const rc = startRefcount(heap);
  const ctx = startCollections(heap, rc, hashKey ? { hashKey } : {});
  return { heap, rc, ctx, t: tablesOf(ctx) };
}

/** Runs `script` in python3 with `input` as JSON on stdin; returns parsed JSON stdout. */
export function python<T>(script: string, input: unknown, seed = 0): T {
  const out = execFileSync('python3', ['-c', script], {
    input: JSON.stringify(input),
    env: { ...process.env, PYTHONHASHSEED: String(seed) },
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as T;
}

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
