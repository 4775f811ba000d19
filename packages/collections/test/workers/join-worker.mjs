// types.test.ts worker: joins the runtime and reports what it found.
import { parentPort, workerData } from 'node:worker_threads';
import { typeNameOf, intValue, floatNew, floatValue } from '@pynogil/collections';
import { joinAll, leave } from './obj-common.mjs';

const env = joinAll(workerData.memory);
const { ctx, heap } = env;
const f = floatNew(ctx, 2.5);
const out = {
  None: ctx.None, True: ctx.True, False: ctx.False, emptyTuple: ctx.emptyTuple, emptyBytes: ctx.emptyBytes,
  types: Array.from(ctx.types), small: Array.from(ctx.smallInts), hashKey: ctx.hashKey,
  intName: typeNameOf(heap, ctx.tInt), minus5: intValue(ctx, ctx.smallInts[0]),
  floatType: ctx.typeOf(f) === ctx.tFloat, fv: floatValue(ctx, f),
};
ctx.decref(f);
leave(env);
parentPort.postMessage(out);
