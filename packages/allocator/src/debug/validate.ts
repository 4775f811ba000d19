// validateHeap: checks every invariant written in layout.ts over the whole heap and
// returns the violations found (empty when the heap is consistent). It must run while
// no other thread allocates or frees (world stopped, or all workers joined); the tests
// run it after every test. It reads only; it never repairs.
import { loadAcquire } from '../atomics.js';
import type { HeapCore } from '../context.js';
import {
  D_BLOCK_SIZE, D_CAPACITY, D_FREE, D_KIND, D_LIST, D_LOCAL_FREE, D_NEXT, D_OWNER, D_PREV,
  D_RESERVED, D_SPAN, D_TAGCLS, D_THREAD_FREE, D_USED, DESC_SHIFT, H_FIRST_DATA, H_MAGIC,
  H_MAX_PAGES, H_POOL_HEAD, H_SIZE_PAGES, H_TOP, HEAP_MAGIC, K_FREE, K_LARGE, K_META, K_RETIRED,
  K_SMALL, K_SMALL_SLOW, K_TAIL, L_FULL, L_MASK, L_QUEUE, LARGE_CLASS, NTAGS, PAGE_SIZE, R_FULL,
  POOL_OWNER, R_QUEUES, R_RETIRED_HEAD, R_RETIRED_TAIL, R_SPAN_PAGES, R_SPANS, R_STATE, S_FREE,
} from '../layout.js';
import { CLASS_SIZE, NCLASSES } from '../size-classes.js';

/** All invariant violations of the heap seen through `core` (world stopped). */
export function validateHeap(core: HeapCore): string[] {
  core.refresh();
  const i32 = core.i32;
  const errs: string[] = [];
  const err = (s: string): void => { if (errs.length < 50) errs.push(s); };
  if (i32[H_MAGIC] !== HEAP_MAGIC) return ['bad magic'];
  const top = i32[H_TOP]!;
  const size = loadAcquire(i32, H_SIZE_PAGES);
  if (!(i32[H_FIRST_DATA]! <= top && top <= size && size <= i32[H_MAX_PAGES]!)) err(`geometry: firstData=${i32[H_FIRST_DATA]} top=${top} size=${size}`);
  if (size * PAGE_SIZE > core.memory.buffer.byteLength) err('size word exceeds the memory');
  for (let p = 0; p < core.firstData; p++) if (i32[core.ptBase + (p << DESC_SHIFT) + D_KIND] !== K_META) err(`page ${p}: metadata page not K_META`);

  // 1. Spans partition [firstData, top); per-page invariants.
  const heads = new Map<number, number>(); // head descriptor -> expected list memberships seen
  const mark = new Uint8Array(PAGE_SIZE / 8);
  for (let p = core.firstData; p < top;) {
    const d = core.ptBase + (p << DESC_SHIFT);
    const kind = i32[d + D_KIND]!;
    const n = i32[d + D_SPAN]!;
    if (![K_SMALL, K_SMALL_SLOW, K_LARGE, K_FREE, K_RETIRED].includes(kind)) { err(`page ${p}: span head has kind ${kind}`); p++; continue; }
    if (!(n >= 1 && p + n <= top)) { err(`page ${p}: span of ${n} pages runs past top ${top}`); p++; continue; }
    for (let k = 1; k < n; k++) {
      const t = d + (k << DESC_SHIFT);
      if (i32[t + D_KIND] !== K_TAIL || i32[t + D_SPAN] !== p) err(`page ${p + k}: not a tail of span ${p}`);
    }
    heads.set(d, 0);
    if (kind === K_SMALL || kind === K_SMALL_SLOW) {
      if (n !== 1) err(`page ${p}: small page span of ${n}`);
      checkSmallPage(core, d, p, mark, err);
    } else if (kind === K_LARGE) {
      const used = i32[d + D_USED]!;
      if (used !== 1) err(`page ${p}: large span with used=${used}`);
      if ((i32[d + D_TAGCLS]! & 255) !== LARGE_CLASS) err(`page ${p}: large span with class ${i32[d + D_TAGCLS]! & 255}`);
    }
    if (i32[d + D_OWNER] !== POOL_OWNER) {
      const owner = i32[d + D_OWNER]!;
      if (!(owner >= 1 && owner <= core.maxThreads)) err(`page ${p}: owner ${owner} out of range`);
      else if (loadAcquire(i32, core.recordOf(owner) + R_STATE) === S_FREE) err(`page ${p}: owned by free slot ${owner}`);
    }
    p += n;
  }

  // 2. Every head is on exactly one list, and the lists agree with the pages.
  const seen = (d: number, where: string): void => {
    if (!heads.has(d)) { err(`${where}: descriptor ${d} (page ${core.pageOf(d)}) is not a span head`); return; }
    heads.set(d, heads.get(d)! + 1);
  };
  const walkList = (head: number, where: string, check: (d: number) => void, tailWord = -1): void => {
    let prev = 0;
    let count = 0;
    for (let d = i32[head]!; d !== 0; d = i32[d + D_NEXT]!) {
      if (++count > top) { err(`${where}: cycle`); return; }
      if (i32[d + D_PREV] !== prev && where.indexOf('retired') < 0) err(`${where}: page ${core.pageOf(d)} prev link broken`);
      seen(d, where);
      check(d);
      prev = d;
    }
    if (tailWord >= 0 && i32[tailWord] !== prev) err(`${where}: tail word does not name the last page`);
  };
  walkList(H_POOL_HEAD, 'pool', (d) => {
    if (i32[d + D_KIND] !== K_FREE || i32[d + D_OWNER] !== POOL_OWNER) err(`pool: page ${core.pageOf(d)} kind ${i32[d + D_KIND]} owner ${i32[d + D_OWNER]}`);
  });
  for (let id = 1; id <= core.maxThreads; id++) {
    const rb = core.recordOf(id);
    if (loadAcquire(i32, rb + R_STATE) === S_FREE) continue;
    const own = (where: string) => (d: number): void => {
      if (i32[d + D_OWNER] !== id) err(`heap ${id} ${where}: page ${core.pageOf(d)} owned by ${i32[d + D_OWNER]}`);
    };
    for (let t = 0; t < NTAGS; t++) {
      for (let c = 0; c < NCLASSES; c++) {
        const q = rb + R_QUEUES + ((t * NCLASSES + c) << 1);
        walkList(q, `heap ${id} queue ${t}/${c}`, (d) => {
          own('queue')(d);
          if (i32[d + D_TAGCLS] !== ((t << 8) | c)) err(`heap ${id} queue ${t}/${c}: page ${core.pageOf(d)} has tagcls ${i32[d + D_TAGCLS]}`);
          if ((i32[d + D_LIST]! & L_MASK) !== L_QUEUE) err(`heap ${id} queue: page ${core.pageOf(d)} D_LIST=${i32[d + D_LIST]}`);
        }, q + 1);
      }
    }
    walkList(rb + R_FULL, `heap ${id} full`, (d) => {
      own('full')(d);
      const k = i32[d + D_KIND]!;
      if (k !== K_LARGE && (k !== K_SMALL_SLOW || (i32[d + D_LIST]! & L_MASK) !== L_FULL)) err(`heap ${id} full: page ${core.pageOf(d)} kind ${k} list ${i32[d + D_LIST]}`);
    });
    let retiredLast = 0;
    let count = 0;
    for (let d = i32[rb + R_RETIRED_HEAD]!; d !== 0; d = i32[d + D_NEXT]!) {
      if (++count > top) { err(`heap ${id} retired: cycle`); break; }
      seen(d, `heap ${id} retired`);
      own('retired')(d);
      if (i32[d + D_KIND] !== K_RETIRED) err(`heap ${id} retired: page ${core.pageOf(d)} kind ${i32[d + D_KIND]}`);
      retiredLast = d;
    }
    if (i32[rb + R_RETIRED_TAIL] !== retiredLast) err(`heap ${id} retired: tail word wrong`);
    let spanPages = 0;
    walkList(rb + R_SPANS, `heap ${id} spans`, (d) => {
      own('spans')(d);
      if (i32[d + D_KIND] !== K_FREE) err(`heap ${id} spans: page ${core.pageOf(d)} kind ${i32[d + D_KIND]}`);
      spanPages += i32[d + D_SPAN]!;
    });
    if (spanPages !== i32[rb + R_SPAN_PAGES]) err(`heap ${id}: R_SPAN_PAGES ${i32[rb + R_SPAN_PAGES]} != ${spanPages}`);
  }
  for (const [d, n] of heads) {
    if (n !== 1) err(`page ${core.pageOf(d)} (kind ${i32[d + D_KIND]}) is on ${n} lists`);
  }
  return errs;
}

function checkSmallPage(core: HeapCore, d: number, p: number, mark: Uint8Array, err: (s: string) => void): void {
  const i32 = core.i32;
  const cls = i32[d + D_TAGCLS]! & 255;
  const tag = i32[d + D_TAGCLS]! >>> 8;
  const bs = i32[d + D_BLOCK_SIZE]!;
  if (!(cls < NCLASSES) || CLASS_SIZE[cls] !== bs) { err(`page ${p}: class ${cls} with block size ${bs}`); return; }
  if (tag >= NTAGS) err(`page ${p}: tag ${tag}`);
  const reserved = i32[d + D_RESERVED]!;
  const cap = i32[d + D_CAPACITY]!;
  if (reserved !== Math.floor(PAGE_SIZE / bs) || cap > reserved || cap < 0) err(`page ${p}: capacity ${cap} reserved ${reserved}`);
  const list = i32[d + D_LIST]!;
  const kind = i32[d + D_KIND]!;
  if ((kind === K_SMALL) !== (list === L_QUEUE)) err(`page ${p}: kind ${kind} with D_LIST ${list}`);
  mark.fill(0);
  const start = p * PAGE_SIZE;
  const lens: number[] = [];
  for (const w of [D_FREE, D_LOCAL_FREE, D_THREAD_FREE]) {
    let n = 0;
    for (let b = loadAcquire(i32, d + w); b !== 0; b = i32[b >>> 2]!) {
      const off = (b >>> 0) - start;
      if (off < 0 || off % bs !== 0 || off / bs >= cap) { err(`page ${p}: free-list word ${w} holds 0x${(b >>> 0).toString(16)}, not a carved block`); break; }
      if (mark[off / bs]) { err(`page ${p}: block 0x${(b >>> 0).toString(16)} twice on the free lists (double free or cycle)`); break; }
      mark[off / bs] = 1;
      n++;
    }
    lens.push(n);
  }
  const used = i32[d + D_USED]!;
  if (used + lens[0]! + lens[1]! !== cap) err(`page ${p}: used ${used} + |free| ${lens[0]} + |local_free| ${lens[1]} != capacity ${cap}`);
  if (lens[2]! > used) err(`page ${p}: |thread_free| ${lens[2]} > used ${used}`);
}

/** Throw if validateHeap finds anything. */
export function assertHeapValid(core: HeapCore): void {
  const errs = validateHeap(core);
  if (errs.length) throw new Error(`heap invalid:\n  ${errs.join('\n  ')}`);
}
