// Shared driver of the dict and set race tests (CPython's
// Lib/test/test_free_threading/test_dict.py / test_set.py style): 4 writers and
// 2 lock-free readers on the same object, then exact final contents, no torn or
// mistagged read, no miss of a key nobody removes, a valid heap, no leak.
import { Worker } from 'node:worker_threads';
import { Tag, validateHeap } from '@pynogil/allocator';
import {
  dictItems, dictNew, dictSetItem, intFromNumber, intValue, setAdd, setItems, setNew, strFromJs, strToJs,
} from '@pynogil/collections';
import { newEnv } from './shared-env.js';

export const TAG = 2 ** 20;

export interface RaceResult {
  contents: Map<string, number | null>;
  expected: Map<string, number | null>;
  workers: { bad: number; reads: number; hits: number; stableMisses: number; errors: number }[];
  heapErrors: string[];
  leakedObjects: number;
  leakedRaw: number;
}

function run(workerData: object): Promise<RaceResult['workers'][number]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./tables-race-worker.mjs', import.meta.url), { workerData });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exit ${code}`)); });
  });
}

/** `clears`: writer 0 also clears the object every 200 operations (then the
 *  keys only main added are gone at the end, and readers cannot expect them). */
export async function race(kind: 'dict' | 'set', K: number, iters: number, writers = 4, readers = 2, clears = false): Promise<RaceResult> {
  const { heap, rc, ctx, t } = newEnv(16384);
  const keyName = (k: number): string => (k % 2 === 0 ? `key-${k}` : String(100000 + k));
  const before = heap.stats();
  const obj = kind === 'dict' ? dictNew(t) : setNew(t);
  const expected = new Map<string, number | null>();
  for (let k = 0; k < K; k++) {
    const key = k % 2 === 0 ? strFromJs(t, `key-${k}`) : (intFromNumber(ctx, 100000 + k) as number);
    if (k % 5 === 4) {
      if (kind === 'dict') {
        const v = intFromNumber(ctx, k * TAG + 999998) as number;
        dictSetItem(t, obj, key, v);
        ctx.decref(v);
        if (!clears) expected.set(keyName(k), k * TAG + 999998);
      } else {
        setAdd(t, obj, key);
        if (!clears) expected.set(keyName(k), null);
      }
    } else if (k % 3 !== 0) expected.set(keyName(k), kind === 'dict' ? k * TAG + 999999 : null);
    ctx.decref(key);
  }
  const ctl = new Int32Array(new SharedArrayBuffer(16));
  const common = { memory: heap.memory, kind, obj, nWriters: writers, K, iters, ctl, parties: writers + readers, clears };
  rc.detach();
  const ws = [
    ...Array.from({ length: writers }, (_, id) => run({ ...common, role: 'writer', id, seed: 1000 + id })),
    ...Array.from({ length: readers }, (_, id) => run({ ...common, role: 'reader', id, seed: 2000 + id })),
  ];
  const workers = await Promise.all(ws);
  rc.attach();
  const contents = new Map<string, number | null>();
  const name = (p: number): string => (ctx.typeOf(p) === ctx.tStr ? strToJs(t, p) : String(intValue(ctx, p)));
  if (kind === 'dict') {
    const { keys, values } = dictItems(t, obj);
    for (let i = 0; i < keys.length; i++) {
      contents.set(name(keys[i]!), Number(intValue(ctx, values[i]!)));
      ctx.decref(keys[i]!);
      ctx.decref(values[i]!);
    }
  } else {
    for (const k of setItems(t, obj)) { contents.set(name(k), null); ctx.decref(k); }
  }
  ctx.decref(obj);
  rc.reclaimThreadIds();
  rc.mergePending();
  // Deferred frees (old tables) need every thread past a quiescent state.
  for (let i = 0; i < 50 && rc.stats().pendingDeferredFrees > 0; i++) { rc.qsbrQuiescent(); rc.safePoint(); }
  heap.collect(true);
  const heapErrors = validateHeap(heap);
  const after = heap.stats();
  return {
    contents, expected, workers, heapErrors,
    leakedObjects: after.byTag[Tag.OBJECT]!.blocks + after.byTag[Tag.GC]!.blocks
      - before.byTag[Tag.OBJECT]!.blocks - before.byTag[Tag.GC]!.blocks,
    leakedRaw: after.byTag[Tag.RAW]!.blocks - before.byTag[Tag.RAW]!.blocks,
  };
}
