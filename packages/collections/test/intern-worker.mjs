// Worker of test/intern.test.ts: interns a list of names (in its own order) and
// reports the offsets; also checks that the strs read back and are immortal.
import { workerData, parentPort } from 'node:worker_threads';
import { attachHeap } from '@pynogil/allocator';
import { joinRefcount } from '@pynogil/refcount';
import { joinCollections, intern, strToJsCached } from '@pynogil/collections';

const { memory, names } = workerData;
const heap = attachHeap({ memory });
const rc = joinRefcount(heap);
const ctx = joinCollections(heap, rc);
const out = {};
let bad = 0;
for (const n of names) {
  const p = intern(ctx, n);
  out[n] = p;
  if (strToJsCached(ctx, p) !== n) bad++;
  if (!rc.isImmortal(p)) bad++;
}
ctx.exit();
rc.exit();
heap.abandon();
parentPort.postMessage({ out, bad });
