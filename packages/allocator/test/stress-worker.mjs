// Worker side of workers.test.ts (loaded as built JS: it imports the package by name).
// Modes:
//  'stress'  — allocate blocks, sign them, send most to other workers through inboxes
//              that live in the heap (found through root slot 0), free what others
//              send (cross-thread frees), grow the memory with large blocks meanwhile.
//  'exiter'  — allocate signed blocks, report them, abandon the heap and exit.
//  'reclaimer' — allocate until the abandoned heap is reclaimed, then free the exited
//              thread's blocks (now its own) and report.
import { parentPort, workerData } from 'node:worker_threads';
import { attachHeap, validateHeap } from '@pynogil/allocator';

const { handle, mode } = workerData;
const h = attachHeap(handle);

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
}

function sign(p, size, v) {
  h.u32[p >>> 2] = v;
  h.u32[(p >>> 2) + 1] = size;
  h.u8[p + size - 1] = v & 255;
}

function verify(p, v) {
  h.ensure(p + 8);
  const size = h.u32[(p >>> 2) + 1];
  h.ensure(p + size);
  if (h.u32[p >>> 2] !== v >>> 0 || h.u8[p + size - 1] !== (v & 255)) {
    const d = h.descOf(p);
    const desc = Array.from(h.i32.subarray(d, d + 16));
    throw new Error(`block 0x${p.toString(16)} corrupted: word0=${h.u32[p >>> 2]} size=${size} last=${h.u8[p + size - 1]} expected ${v} (me=${h.id}, byteLength=${h.byteLength}, desc=${desc})`);
  }
}

if (mode === 'stress') {
  const { me, nworkers, iterations, cap } = workerData;
  // Inbox layout (u32 words from root 0): per worker [tail, head, done?, pad, slots[cap]];
  // word 0 of the area: number of workers done.
  h.refresh();
  const area = h.loadRoot(0);
  const inbox = (w) => (area >>> 2) + 4 + w * (cap + 4);
  const r = rng(1000 + me);
  const mine = [];
  let allocated = 0, freedOwn = 0, freedForeign = 0, sentOut = 0;
  const recv = () => {
    const ib = inbox(me);
    let head = h.i32[ib + 1];
    while (head < Atomics.load(h.i32, ib)) {
      let v;
      while ((v = Atomics.load(h.i32, ib + 4 + head)) === 0) { /* producer still writing */ }
      Atomics.store(h.i32, ib + 4 + head, 0);
      head++;
      const p = v >>> 0;
      h.ensure(p + 8); // an offset from another thread: make sure our views reach it
      verify(p, h.u32[p >>> 2]);
      h.free(p);
      freedForeign++;
    }
    h.i32[ib + 1] = head;
  };
  const early = workerData.abandonEarly === true;
  const stopAt = early && me === 0 ? iterations >>> 1 : iterations;
  let sawAbandon = false;
  try {
  for (let i = 0; i < stopAt; i++) {
    if (early && !sawAbandon && me !== 0 && Atomics.load(h.i32, (area >>> 2) + 1) === 1) {
      sawAbandon = true;
      h.collect(true); // adopts worker 0's heap (one of us wins) while frees are in flight
    }
    const big = r() < 0.004;
    const size = big ? 40000 + Math.floor(r() * 400000) : 12 + Math.floor(r() * 500);
    const p = h.malloc(size, i % 3);
    if (p === 0) throw new Error('out of memory in stress');
    allocated++;
    sign(p, size, ((me << 24) | i) >>> 0);
    if (r() < 0.6) {
      let to = Math.floor(r() * (nworkers - 1));
      if (to >= me) to++;
      const ib = inbox(to);
      const slot = Atomics.add(h.i32, ib, 1);
      if (slot >= cap) throw new Error('inbox overflow');
      Atomics.store(h.i32, ib + 4 + slot, p);
      sentOut++;
    } else {
      mine.push(p);
    }
    if (mine.length > 200 || (r() < 0.3 && mine.length)) {
      const k = Math.floor(r() * mine.length);
      const q = mine[k];
      mine[k] = mine[mine.length - 1];
      mine.pop();
      verify(q, h.u32[q >>> 2]);
      h.free(q);
      freedOwn++;
    }
    if ((i & 63) === 0) recv();
  }
  } catch (e) {
    Atomics.add(h.i32, area >>> 2, 1000); // let the others finish, then fail
    throw e;
  }
  let abandoned = false;
  if (early && me === 0) {
    // Exit half-way as far as the allocator knows: our pages go up for reclamation while
    // the others still free our blocks and we still free theirs (as a foreign thread).
    h.abandon();
    abandoned = true;
    Atomics.store(h.i32, (area >>> 2) + 1, 1);
  }
  Atomics.add(h.i32, area >>> 2, 1);
  while (Atomics.load(h.i32, area >>> 2) < nworkers) {
    recv();
    if (early && !sawAbandon && me !== 0 && Atomics.load(h.i32, (area >>> 2) + 1) === 1) {
      sawAbandon = true;
      h.collect(true); // worker 0 set the flag before counting itself done: we see it here at the latest
    }
  }
  recv();
  // Keep the last 50 of our own blocks alive: the main thread accounts for them.
  const survivors = mine.slice(0, 50);
  for (const q of mine.slice(50)) { h.free(q); freedOwn++; }
  parentPort.postMessage({ allocated, freedOwn, freedForeign, sentOut, survivors, id: h.id, abandoned });
} else if (mode === 'exiter') {
  const blocks = [];
  for (let i = 0; i < 5000; i++) {
    const size = 12 + (i % 300);
    const p = h.malloc(size, i % 3);
    sign(p, size, i);
    blocks.push(p);
  }
  const big = h.malloc(300000);
  sign(big, 300000, 77);
  blocks.push(big);
  for (let i = 0; i < 1000; i++) h.free(blocks.shift());
  const id = h.id;
  h.abandon();
  parentPort.postMessage({ blocks, id });
} else if (mode === 'reclaimer') {
  const { blocks, exitedId } = workerData;
  const tmp = [];
  let guard = 0;
  while (h.stats().heaps.abandoned > 0 && guard++ < 100000) tmp.push(h.malloc(1024));
  const reclaimed = h.stats().heaps.abandoned === 0;
  // The exited thread's pages are ours now: its blocks are intact and free locally.
  let ownedByMe = 0;
  for (let i = 0; i < blocks.length; i++) {
    const p = blocks[i];
    verify(p, i === blocks.length - 1 ? 77 : i + 1000);
    const d = h.descOf(p);
    if (h.i32[d + 1] === h.id) ownedByMe++;
    h.free(p);
  }
  for (const p of tmp) h.free(p);
  h.collect();
  parentPort.postMessage({ reclaimed, ownedByMe, exitedId, id: h.id, errors: validateHeap(h) });
}
