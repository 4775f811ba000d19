// list.race.test.ts worker: one role on the shared list (see the test's header).
// Values are heap ints tagged wid * 2**20 + seq, so any value read can be checked.
import { parentPort, workerData } from 'node:worker_threads';
import {
  PyExc, intNew, intValue, listAppend, listExchangeItem, listExtend, listGetItemRef, listInsert, listLength,
  listPop,
} from '@pynogil/collections';
import { barrier, joinAll, leave } from './obj-common.mjs';

const { memory, role, wid, iters, ctl, parties, list, record, maxSeq } = workerData;
const env = joinAll(memory);
const { ctx } = env;
const TAG = 1 << 20;
let seed = wid * 7919 + 1;
const rnd = (n) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
let seq = 0;
const fresh = () => {
  const p = intNew(ctx, wid * TAG + seq++);
  if (typeof p !== 'number') throw new Error(String(p));
  return p;
};
const out = { wid, role, done: 0, reads: 0, lens: 0, bad: [], indexErrors: 0, recorded: 0 };
function check(p) {
  if (ctx.typeOf(p) !== ctx.tInt) {
    const u32 = ctx.heap.u32;
    const w = p >>> 2;
    out.bad.push(`type ${ctx.typeOf(p)} at ${p}: words ${Array.from(u32.subarray(w, w + 6), (x) => x.toString(16)).join(' ')}`);
    return;
  }
  const v = Number(intValue(ctx, p));
  const w = Math.floor(v / TAG);
  const s = v % TAG;
  if (!(w >= 0 && w < maxSeq.length && s < maxSeq[w])) out.bad.push(`value ${v}`);
}
function rec(p) {
  record[out.recorded++] = Number(intValue(ctx, p));
  ctx.decref(p);
}

barrier(ctx, ctl, 0, parties);
for (let i = 0; i < iters; i++) {
  out.done++;
  if ((i & 63) === 0) ctx.rc.safePoint();
  if (role === 'append') {
    if (i % 50 === 49) {
      const xs = [fresh(), fresh(), fresh(), fresh(), fresh()];
      listExtend(ctx, list, xs);
      for (const x of xs) ctx.decref(x);
    } else {
      const x = fresh();
      listAppend(ctx, list, x);
      ctx.decref(x);
    }
  } else if (role === 'insert') {
    const x = fresh();
    listInsert(ctx, list, rnd(listLength(ctx, list) + 1), x);
    ctx.decref(x);
  } else if (role === 'pop') {
    // Bursts from the end shrink the array (resizes); otherwise random positions.
    const burst = (i % 200) < 40;
    const n = listLength(ctx, list);
    const r = burst || n === 0 ? listPop(ctx, list) : listPop(ctx, list, rnd(n));
    if (r instanceof PyExc) out.indexErrors++;
    else { check(r); rec(r); }
  } else if (role === 'set') {
    const n = listLength(ctx, list);
    if (n === 0) continue;
    const x = fresh();
    const old = listExchangeItem(ctx, list, rnd(n), x);
    if (old instanceof PyExc) { out.indexErrors++; ctx.decref(x); seq--; continue; }
    ctx.decref(x);
    check(old);
    rec(old);
  } else if (role === 'read') {
    for (let k = 0; k < 20; k++) {
      const n = listLength(ctx, list);
      out.lens++;
      if (n === 0) continue;
      const r = listGetItemRef(ctx, list, rnd(n));
      if (r instanceof PyExc) { out.indexErrors++; continue; }
      check(r);
      ctx.decref(r);
      out.reads++;
    }
  }
}
out.seq = seq;
leave(env);
parentPort.postMessage(out);
