// The intern table: one per heap, shared by every worker, so that
// `intern('name')` returns the same str offset on every thread (identifier
// strings compare by identity, dict lookups with them hit on the first probe).
// Interned strings are immortal (refcount's setImmortal) and never leave the
// table, which makes lock-free lookup simple: no tryIncref, no re-validation.
//
// Layout (raw blocks; the control block's offset is in the collections runtime
// block at CR_INTERN_TABLE, stored once with a CAS from 0):
//   control  +0 i32 lock word (0 free, 1 locked, 2 locked with sleepers; futex)
//            +4 u32 current table (SeqCst store under the lock)
//   table    +0 u32 mask (slots - 1), +4 u32 count, +8 u32 slots[mask + 1]
//            slot: 0 empty, else an interned str; probe: linear from hash & mask.
// Writers: under the lock, a slot goes 0 -> str once (SeqCst store); growth
// (count * 3 >= slots * 2) builds a new table, publishes it, and retires the
// old one through QSBR. Readers: load the table, probe with SeqCst loads.
//
// Each thread also keeps JS-side caches (BRIEF.md: JS state is a cache only):
// JS string -> interned offset, and interned offset -> JS string.

import { casSeqCst, exchangeSeqCst, loadPtrSeqCst, loadSeqCst, notifySeqCst, storeSeqCst, waitSeqCst } from './atomics.js';
import type { ObjContext } from './context.js';
import { type TableHost, tablesOf } from './hashtable-ctx.js';
import { CR_EMPTY_STR, CR_INTERN_TABLE, STR_STATE } from './layout.js';
import { strEnsure, strEq, strFromJs, strHash, strLength, strSlice, strToJs } from './objects/str.js';

const CTL_LOCK = 0;
const CTL_TABLE = 4;
const CTL_SIZE = 8;
const T_MASK = 0;
const T_COUNT = 4;
const T_SLOTS = 8;
const INITIAL_SLOTS = 1024;
/** state.interned = 2 (SSTATE_INTERNED_IMMORTAL). */
const INTERNED_IMMORTAL = 2;

interface InternCache {
  byJs: Map<string, number>;
  toJs: Map<number, string>;
}
const caches = new WeakMap<ObjContext, InternCache>();

function cacheOf(ctx: ObjContext): InternCache {
  let c = caches.get(ctx);
  if (c === undefined) {
    c = { byJs: new Map(), toJs: new Map() };
    caches.set(ctx, c);
  }
  return c;
}

function newTable(t: TableHost, slots: number): number {
  const p = t.mallocRaw(T_SLOTS + 4 * slots);
  if (p === 0) return 0;
  t.u32[(p + T_MASK) >>> 2] = slots - 1;
  t.u32[(p + T_COUNT) >>> 2] = 0;
  t.u8.fill(0, p + T_SLOTS, p + T_SLOTS + 4 * slots);
  return p;
}

/** The control block, created on first use by whichever thread gets there. */
function controlOf(ctx: ObjContext, t: TableHost): number {
  const w = (ctx.rt + CR_INTERN_TABLE) >>> 2;
  const cur = loadPtrSeqCst(t.i32, w);
  if (cur !== 0) { t.ensure(cur + CTL_SIZE); return cur; }
  const ctl = t.mallocRaw(CTL_SIZE);
  const table = newTable(t, INITIAL_SLOTS);
  if (ctl === 0 || table === 0) throw new RangeError('@pynogil/collections: heap exhausted creating the intern table');
  t.i32[(ctl + CTL_LOCK) >>> 2] = 0;
  t.u32[(ctl + CTL_TABLE) >>> 2] = table;
  const seen = casSeqCst(t.i32, w, 0, ctl) >>> 0;
  if (seen === 0) return ctl;
  t.freeRaw(table);
  t.freeRaw(ctl);
  return seen;
}

function lockTable(ctx: ObjContext, t: TableHost, ctl: number): void {
  const li = (ctl + CTL_LOCK) >>> 2;
  if (casSeqCst(t.i32, li, 0, 1) === 0) return;
  while (exchangeSeqCst(t.i32, li, 2) !== 0) {
    ctx.detach();
    waitSeqCst(t.i32, li, 2);
    ctx.attach();
  }
}

function unlockTable(t: TableHost, ctl: number): void {
  const li = (ctl + CTL_LOCK) >>> 2;
  if (exchangeSeqCst(t.i32, li, 0) === 2) notifySeqCst(t.i32, li, 1);
}

const H = new Uint32Array(2);

/** Lock-free probe of `table` for a str equal to `s` (hash lo in H[0]). */
function find(t: TableHost, table: number, s: number): number {
  t.ensure(table + T_SLOTS);
  const mask = t.u32[(table + T_MASK) >>> 2]!;
  t.ensure(table + T_SLOTS + 4 * (mask + 1) - 1);
  let i = H[0]! & mask;
  for (;;) {
    const p = loadPtrSeqCst(t.i32, ((table + T_SLOTS) >>> 2) + i);
    if (p === 0) return 0;
    if (p === s) return p;
    strEnsure(t, p);
    if (strEq(t, p, s)) return p;
    i = (i + 1) & mask;
  }
}

function insertLockHeld(t: TableHost, table: number, s: number): void {
  const mask = t.u32[(table + T_MASK) >>> 2]!;
  // `s` may have been allocated by another worker beyond this thread's views
  // (growth moves entries of every thread): a read past a stale view yields
  // undefined, and a hash of 0 would file the string under the wrong slot, where
  // lookups miss it and a second copy gets interned.
  strEnsure(t, s);
  strHash(t, s, H, 0);
  let i = H[0]! & mask;
  while (t.u32[((table + T_SLOTS) >>> 2) + i] !== 0) i = (i + 1) & mask;
  storeSeqCst(t.i32, ((table + T_SLOTS) >>> 2) + i, s);
  t.u32[(table + T_COUNT) >>> 2]!++;
}

/**
 * sys.intern for a heap str: the interned str equal to `s` (immortal). The
 * caller's reference to `s` is not consumed. `s` itself may already be shared,
 * so it is never made immortal in place: a miss interns a private copy.
 */
export function internStr(ctx: ObjContext, s: number): number {
  const t = tablesOf(ctx);
  strEnsure(t, s);
  if ((t.u8[s + STR_STATE]! & 3) !== 0) return s;
  const ctl = controlOf(ctx, t);
  strHash(t, s, H, 0);
  const hit = find(t, loadPtrSeqCst(t.i32, (ctl + CTL_TABLE) >>> 2), s);
  if (hit !== 0) return hit;
  const copy = strSlice(t, s, 0, strLength(t.u32, s));
  if (copy === 0) throw new RangeError('@pynogil/collections: heap exhausted interning a string');
  const r = internFresh(ctx, t, ctl, copy);
  if (r !== copy) ctx.decref(copy);
  return r;
}

/** Interns `s`, a str this thread just created and has not published. */
function internFresh(ctx: ObjContext, t: TableHost, ctl: number, s: number): number {
  strHash(t, s, H, 0);
  const hit = find(t, loadPtrSeqCst(t.i32, (ctl + CTL_TABLE) >>> 2), s);
  if (hit !== 0) return hit;
  lockTable(ctx, t, ctl);
  let table = loadPtrSeqCst(t.i32, (ctl + CTL_TABLE) >>> 2);
  strHash(t, s, H, 0);
  const again = find(t, table, s);
  if (again !== 0) { unlockTable(t, ctl); return again; }
  const mask = t.u32[(table + T_MASK) >>> 2]!;
  if ((t.u32[(table + T_COUNT) >>> 2]! + 1) * 3 >= (mask + 1) * 2) {
    const bigger = newTable(t, (mask + 1) * 2);
    if (bigger === 0) { unlockTable(t, ctl); throw new RangeError('@pynogil/collections: heap exhausted growing the intern table'); }
    for (let i = 0; i <= mask; i++) {
      const p = t.u32[((table + T_SLOTS) >>> 2) + i]!;
      if (p !== 0) insertLockHeld(t, bigger, p);
    }
    storeSeqCst(t.i32, (ctl + CTL_TABLE) >>> 2, bigger);
    t.qsbrDeferFree(table);
    table = bigger;
  }
  ctx.rc.setImmortal(s);
  t.u32[(s + STR_STATE) >>> 2] = (t.u32[(s + STR_STATE) >>> 2]! & ~3) | INTERNED_IMMORTAL;
  insertLockHeld(t, table, s);
  unlockTable(t, ctl);
  return s;
}

/** The interned str for a JS string: the same offset from every worker. */
export function intern(ctx: ObjContext, js: string): number {
  const c = cacheOf(ctx);
  const cached = c.byJs.get(js);
  if (cached !== undefined) return cached;
  const t = tablesOf(ctx);
  const s = strFromJs(t, js);
  if (s === 0) throw new RangeError('@pynogil/collections: heap exhausted interning a string');
  const r = internFresh(ctx, t, controlOf(ctx, t), s);
  if (r !== s) ctx.decref(s);
  c.byJs.set(js, r);
  c.toJs.set(r, js);
  return r;
}

/** JS string of a str, served from the per-thread cache for interned ones. */
export function strToJsCached(ctx: ObjContext, s: number): string {
  const t = tablesOf(ctx);
  strEnsure(t, s);
  if ((t.u8[s + STR_STATE]! & 3) === 0) return strToJs(t, s);
  const c = cacheOf(ctx);
  let js = c.toJs.get(s);
  if (js === undefined) {
    js = strToJs(t, s);
    c.toJs.set(s, js);
    c.byJs.set(js, s);
  }
  return js;
}

/** The empty str singleton (immortal, interned; CR_EMPTY_STR). */
export function emptyStr(ctx: ObjContext): number {
  const t = tablesOf(ctx);
  const w = (ctx.rt + CR_EMPTY_STR) >>> 2;
  const cur = loadSeqCst(t.i32, w) >>> 0;
  if (cur !== 0) return cur;
  const e = intern(ctx, '');
  casSeqCst(t.i32, w, 0, e);
  return loadPtrSeqCst(t.i32, w);
}

/** Number of interned strings (tests). */
export function internCount(ctx: ObjContext): number {
  const t = tablesOf(ctx);
  const ctl = controlOf(ctx, t);
  const table = loadPtrSeqCst(t.i32, (ctl + CTL_TABLE) >>> 2);
  t.ensure(table + T_SLOTS);
  return t.u32[(table + T_COUNT) >>> 2]!;
}
