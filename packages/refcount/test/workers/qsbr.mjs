// QSBR worker (test/qsbr.test.ts). ctl[1] selects the mode, ctl[5] acknowledges:
//   0  attached, spinning WITHOUT safe points (a lagging reader)
//   1  attached, spinning with safe points (reports quiescent states when asked)
//   2  detached (QSBR offline), sleeping
//   3  re-attach and exit
import { workerData, parentPort } from 'node:worker_threads';
import { join } from './common.mjs';

const { memory, ctl } = workerData;
const { heap, ctx } = join(memory);
for (;;) {
  const mode = Atomics.load(ctl, 1);
  if (mode !== 2) Atomics.store(ctl, 5, mode + 10); // mode 2 acknowledges once detached
  if (mode === 0) {
    while (Atomics.load(ctl, 1) === 0) Atomics.add(ctl, 6, 1);
  } else if (mode === 1) {
    while (Atomics.load(ctl, 1) === 1) ctx.safePoint();
  } else if (mode === 2) {
    ctx.detach();
    Atomics.store(ctl, 5, mode + 10);
    while (Atomics.load(ctl, 1) === 2) Atomics.wait(ctl, 1, 2, 20);
    ctx.attach();
  } else {
    break;
  }
}
ctx.exit();
heap.abandon();
parentPort.postMessage('done');
