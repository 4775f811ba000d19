// Lock test worker. Scenarios (workerData.role):
//   counter   `iters` times: lock obj, non-atomic read-spin-write of a heap word, unlock
//   waiter    lock obj once (main holds it: this parks), record stats, unlock
//   pair      critical sections on two objects a, b: begin2 in both orders and nested
//             begin(a)->begin(b) / begin(b)->begin(a), each incrementing a word under
//             the lock that protects it
import { parentPort, workerData } from 'node:worker_threads';
import { lockObject, unlockObject } from '@pynogil/collections';
import { barrier, joinAll, leave } from './obj-common.mjs';

const { memory, role, id, iters, ctl, parties } = workerData;
const env = joinAll(memory);
const { ctx, heap } = env;
const result = { id };

function bump(word) {
  // Deliberately non-atomic and slow: a lost update shows a broken lock.
  const v = heap.i32[word];
  let x = 0;
  for (let k = 0; k < 20; k++) x += k;
  heap.i32[word] = v + 1 + (x & 0);
}

if (role === 'counter') {
  const { obj, word } = workerData;
  barrier(ctx, ctl, 0, parties);
  for (let i = 0; i < iters; i++) {
    lockObject(ctx, obj);
    bump(word);
    unlockObject(ctx, obj);
    if ((i & 255) === 0) ctx.rc.safePoint();
  }
} else if (role === 'waiter') {
  const { obj, word } = workerData;
  Atomics.store(ctl, 1, 1); // about to lock
  lockObject(ctx, obj);
  result.mutexWhenAcquired = heap.u8[obj + 2];
  bump(word);
  unlockObject(ctx, obj);
} else if (role === 'pair') {
  const { a, b, wa, wb } = workerData;
  barrier(ctx, ctl, 0, parties);
  for (let i = 0; i < iters; i++) {
    const mode = (i + id) & 3;
    if (mode === 0) { ctx.begin2(a, b); bump(wa); bump(wb); ctx.end(); }
    else if (mode === 1) { ctx.begin2(b, a); bump(wa); bump(wb); ctx.end(); }
    else if (mode === 2) { ctx.begin(a); bump(wa); ctx.begin(b); bump(wb); ctx.end(); ctx.end(); }
    else { ctx.begin(b); bump(wb); ctx.begin(a); bump(wa); ctx.end(); ctx.end(); }
    if ((i & 255) === 0) ctx.rc.safePoint();
  }
}
result.stats = { ...ctx.lockStats };
leave(env);
parentPort.postMessage(result);
