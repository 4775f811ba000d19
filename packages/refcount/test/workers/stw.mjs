// Stop-the-world worker (test/stw.test.ts). Roles:
//   spin          attached, counts and calls safePoint in a loop
//   sleep         detaches, sleeps 2 ms, re-attaches, counts — repeatedly
//   exit-detached spins with safe points until told to exit, then stops calling
//                 safe points until a stop is requested and detaches and exits
//                 while the requester waits for it
//   exit-direct   same, but exits while attached
//   stopper       requests 10 stops of its own, competing with other requesters
// ctl words: [0] ready count, [1] stop-all flag, [2 + id] progress counter of
// worker id, [8 + id] "exit now" flag of worker id, [16 + id] its acknowledgement.
import { workerData, parentPort } from 'node:worker_threads';
import { RT_STW_REQUESTED } from '@pynogil/refcount';
import { join } from './common.mjs';

const { memory, ctl, id, role } = workerData;
const { heap, ctx } = join(memory);
const nap = new Int32Array(new SharedArrayBuffer(4));
Atomics.add(ctl, 0, 1);

if (role === 'spin') {
  while (Atomics.load(ctl, 1) === 0) {
    Atomics.add(ctl, 2 + id, 1);
    ctx.safePoint();
  }
} else if (role === 'stopper') {
  // Competing requesters: ctl[30] counts threads inside a callback (must stay 0
  // or 1), ctl[31] flags a violation of exclusion, ctl[32] progress during a stop.
  for (let s = 0; s < 10; s++) {
    ctx.stopTheWorld(() => {
      if (Atomics.add(ctl, 30, 1) !== 0) Atomics.store(ctl, 31, 1);
      const a = [0, 1].map((k) => Atomics.load(ctl, 2 + k));
      Atomics.wait(nap, 0, 0, 1);
      const b = [0, 1].map((k) => Atomics.load(ctl, 2 + k));
      if (a[0] !== b[0] || a[1] !== b[1]) Atomics.store(ctl, 32, 1);
      Atomics.sub(ctl, 30, 1);
    });
    for (let k = 0; k < 1000; k++) ctx.safePoint();
  }
  Atomics.add(ctl, 33, 1);
  while (Atomics.load(ctl, 1) === 0) ctx.safePoint();
} else if (role === 'sleep') {
  while (Atomics.load(ctl, 1) === 0) {
    ctx.detach();
    Atomics.wait(nap, 0, 0, 2);
    ctx.attach();
    Atomics.add(ctl, 2 + id, 1);
    ctx.safePoint();
  }
} else {
  while (Atomics.load(ctl, 8 + id) === 0) {
    Atomics.add(ctl, 2 + id, 1);
    ctx.safePoint();
  }
  // Told to exit: acknowledge, then wait, without safe points, until the main
  // thread's stop is requested — it is waiting for us — and exit right then.
  Atomics.store(ctl, 16 + id, 1);
  const req = ctx.rtWord(RT_STW_REQUESTED);
  while (Atomics.load(ctx.i32, req) === 0) Atomics.add(ctl, 2 + id, 1);
  if (role === 'exit-detached') ctx.detach();
}
ctx.exit();
heap.abandon();
parentPort.postMessage({ id });
