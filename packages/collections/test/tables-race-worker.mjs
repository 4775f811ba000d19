// Worker of test/dict.race.test.ts and test/set.race.test.ts (plain JS: workers
// load the built packages). Writers set/delete (dict) or add/discard (set) their
// own keys — which keeps the tables resizing — and end in a known final state;
// readers look up every key lock-free and check what they see: a dict value
// must be tagged with its key, and the "stable" keys that nobody removes must
// always be found.
import { workerData, parentPort } from 'node:worker_threads';
import { attachHeap } from '@pynogil/allocator';
import { joinRefcount } from '@pynogil/refcount';
import {
  joinCollections, tablesOf, dictSetItem, dictGetRef, dictContains, dictDelItem, dictLen,
  setAdd, setDiscard, setContains, setLen, setClear, intFromNumber, intValue, strFromJs,
} from '@pynogil/collections';

const { memory, kind, obj, role, id, nWriters, K, iters, ctl, seed, clears } = workerData;
const heap = attachHeap({ memory });
const rc = joinRefcount(heap);
const ctx = joinCollections(heap, rc);
const t = tablesOf(ctx);
heap.ensure(obj);

export const TAG = 2 ** 20;
const isStable = (k) => k % 5 === 4;
const keyObj = (k) => (k % 2 === 0 ? strFromJs(t, `key-${k}`) : intFromNumber(ctx, 100000 + k));
const keys = Array.from({ length: K }, (_, k) => keyObj(k));
// Keys nobody ever adds: a reader must never find one (no false positive while a
// table is rebuilt in place).
const ghosts = Array.from({ length: K }, (_, k) => strFromJs(t, `ghost-${k}`));
let s = seed >>> 0;
const rand = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };

// Waits detached from the refcount runtime only (no critical section is open).
function barrier(i, parties) {
  rc.detach();
  Atomics.add(ctl, i, 1);
  Atomics.notify(ctl, i);
  for (;;) {
    const v = Atomics.load(ctl, i);
    if (v >= parties) break;
    Atomics.wait(ctl, i, v, 50);
  }
  rc.attach();
}

const result = { bad: 0, reads: 0, hits: 0, stableMisses: 0, errors: 0 };
function check(r) { if (r !== null && typeof r === 'object') result.errors++; return r; }

barrier(0, workerData.parties);
if (role === 'writer') {
  const mine = [];
  for (let k = 0; k < K; k++) if (k % nWriters === id && !isStable(k)) mine.push(k);
  for (let it = 0; it < iters; it++) {
    const k = mine[Math.floor(rand() * mine.length)];
    if (kind === 'dict') {
      if (rand() < 0.6) {
        const v = intFromNumber(ctx, k * TAG + (it % 1000));
        check(dictSetItem(t, obj, keys[k], v));
        ctx.decref(v);
      } else check(dictDelItem(t, obj, keys[k]));
    } else if (rand() < 0.6) check(setAdd(t, obj, keys[k]));
    else check(setDiscard(t, obj, keys[k]));
    if (clears && id === 0 && it % 200 === 199) setClear(t, obj);
    if ((it & 63) === 0) rc.safePoint();
  }
  barrier(1, nWriters); // no clear after this point
  // Final state: keys k % 3 != 0 present (dict value k*TAG + 999999), others absent.
  for (const k of mine) {
    if (k % 3 === 0) {
      if (kind === 'dict') check(dictDelItem(t, obj, keys[k])); else check(setDiscard(t, obj, keys[k]));
    } else if (kind === 'dict') {
      const v = intFromNumber(ctx, k * TAG + 999999);
      check(dictSetItem(t, obj, keys[k], v));
      ctx.decref(v);
    } else check(setAdd(t, obj, keys[k]));
  }
} else {
  for (let it = 0; it < iters * 2; it++) {
    const k = Math.floor(rand() * K);
    result.reads++;
    if (kind === 'dict') {
      const v = dictGetRef(t, obj, keys[k]);
      if (typeof v !== 'number') result.errors++;
      else if (v !== 0) {
        result.hits++;
        const val = intValue(ctx, v);
        if (Math.floor(Number(val) / TAG) !== k) result.bad++;
        ctx.decref(v);
      } else if (isStable(k)) result.stableMisses++;
      const c = dictContains(t, obj, keys[k]);
      if (c !== true && isStable(k)) result.stableMisses++;
      const n = dictLen(t, obj);
      if (n < 0 || n > K) result.bad++;
    } else {
      const c = setContains(t, obj, keys[k]);
      if (c === true) result.hits++;
      else if (c !== false) result.errors++;
      else if (isStable(k)) result.stableMisses++;
      const n = setLen(t, obj);
      if (n < 0 || n > K) result.bad++;
      if (setContains(t, obj, ghosts[k]) !== false) result.bad++;
    }
    if ((it & 63) === 0) rc.safePoint();
  }
}
for (const p of keys) ctx.decref(p);
for (const p of ghosts) ctx.decref(p);
ctx.exit();
rc.exit();
heap.abandon();
parentPort.postMessage(result);
