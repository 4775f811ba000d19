// Worker side of the currentBuffer test: spin on the heap's size word (word 2 of the
// header, without yielding to the event loop or Atomics.wait, which would let V8
// refresh memory.buffer on its own); each time it changes, make the views reach the new
// end at once and check that they do. The stale-`memory.buffer` race that memory.ts's
// grow(0) closes (measured standalone: up to a third of grows seen stale when the
// reader checks right after the size word changes) is rarely hit here, because V8 also
// refreshes the buffer at function entries; this test checks ensure() after remote
// growth, not that race.
import { parentPort, workerData } from 'node:worker_threads';
import { attachHeap } from '@pynogil/allocator';

const { handle, flag, rounds } = workerData;
const h = attachHeap(handle);
const i32 = new Int32Array(h.memory.buffer); // the header is always inside this view
let last = Atomics.load(i32, 2);
let seen = 0;
let stale = 0;
Atomics.store(flag, 0, 1);
while (seen < rounds && Atomics.load(flag, 0) !== 2) {
  const now = Atomics.load(i32, 2);
  if (now === last) continue;
  last = now;
  seen++;
  h.ensure(now * 65536 - 1);
  if (h.byteLength < now * 65536 || h.u8[now * 65536 - 1] === undefined) stale++;
  Atomics.store(flag, 1, now); // tell the main thread which size we have checked
}
parentPort.postMessage({ seen, stale });
