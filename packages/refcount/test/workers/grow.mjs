// Growth worker (test/growth.test.ts): grows the memory by allocating a large
// block, then creates an object past the end of the main thread's views and hands
// its reference over.
import { workerData, parentPort } from 'node:worker_threads';
import { Tag } from '@pynogil/allocator';
import { join } from './common.mjs';

const { heap, ctx } = join(workerData.memory);
const big = heap.malloc(24 << 20, Tag.RAW);
const obj = ctx.newObject(32, 0x99);
ctx.u32[(obj + 16) >>> 2] = 0;
ctx.exit();
heap.abandon();
parentPort.postMessage({ big, obj });
