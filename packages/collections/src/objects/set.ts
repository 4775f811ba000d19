// set and frozenset: CPython 3.11's PySetObject (Objects/setobject.c) in the
// shared heap, so that iteration and repr order equal CPython's; the raw table
// algorithms are in hashtable-set.ts.
//
// Writers (add, discard, pop, clear) hold the set's lock; a user __eq__ (key
// protocol) runs with the lock released and the probe restarts when the table
// or the entry's key changed meanwhile (set_lookkey / set_add_entry's restart).
//
// `key in s` is lock-free. In-place changes of one table are single-slot
// transitions (empty -> key, dummy -> key, key -> dummy), each published by a
// SeqCst store of the key word, and a lookup of one key is linearizable across
// them. What is not is a table being rebuilt in place (resize into the
// smalltable, clear): such rebuilds run inside a seqlock, SET_TABLE_GEN (odd
// while a rebuild is in progress). A reader loads the generation, then `table`
// (whose mask comes with it, hashtable-set.ts), probes, and accepts its answer
// only if the generation is still the same and even; otherwise it asks again
// under the lock. Replaced heap tables are freed through QSBR.
//
// Resize (set_table_resize): to the smallest power of two > minused (at least 8)
// with minused = used*4 (used*2 above 50 000), when fill*5 >= mask*3 after an
// insertion into an unused slot. Rebuilding the smalltable from itself (a
// dummy-heavy small set) goes to a fresh 8-entry heap table instead of in place:
// the same slots and order as CPython, 136 bytes more until the next clear.

import { addSeqCst, loadSeqCst, loadPtrSeqCst, storeSeqCst } from '../atomics.js';
import {
  heapTableBlockSize, heapTableInit, LINEAR_PROBES, reinsertAll, slotHashHi, slotHashLo, slotKey, slotKeySeqCst, slotKill, slotPut,
  tableClear, tableMaskOf,
} from '../hashtable-set.js';
import { keyEqNoCallback, keyHash, NEEDS_LOCK } from '../hashtable-keys.js';
import { PyExc } from '../numeric/errors.js';
import { FrozensetHasher } from '../numeric/tuple-hash.js';
import type { TableCtx } from '../protocol.js';
import {
  SET_DUMMY_KEY, SET_FILL, SET_FINGER, SET_HASH, SET_MASK, SET_MINSIZE, SET_SMALLTABLE, SET_STRUCT_SIZE, SET_TABLE,
  SET_TABLE_GEN, SET_USED, SET_WEAKREFLIST, SETENTRY_SIZE, SETTABLE_HEADER,
} from '../layout.js';

const H = new Uint32Array(2);

/** A new empty set (or frozenset: `frozen`). 0 on out-of-memory. */
export function setNew(ctx: TableCtx, frozen = false): number {
  const so = ctx.newObject(SET_STRUCT_SIZE, frozen ? ctx.types.frozenset : ctx.types.set, true);
  if (so === 0) return 0;
  ctx.ensure(so + SET_STRUCT_SIZE);
  const u32 = ctx.u32;
  u32[(so + SET_FILL) >>> 2] = 0;
  u32[(so + SET_USED) >>> 2] = 0;
  u32[(so + SET_MASK) >>> 2] = SET_MINSIZE - 1;
  u32[(so + SET_TABLE) >>> 2] = so + SET_SMALLTABLE;
  u32[(so + SET_HASH) >>> 2] = 0xffffffff;
  u32[(so + SET_HASH + 4) >>> 2] = 0xffffffff;
  u32[(so + SET_FINGER) >>> 2] = 0;
  tableClear(ctx.u8, so + SET_SMALLTABLE, SET_MINSIZE);
  u32[(so + SET_WEAKREFLIST) >>> 2] = 0;
  u32[(so + SET_TABLE_GEN) >>> 2] = 0;
  return so;
}

export function setLen(ctx: TableCtx, so: number): number {
  ctx.ensure(so + SET_STRUCT_SIZE);
  return loadSeqCst(ctx.i32, (so + SET_USED) >>> 2);
}

/** `table`, with this thread's views made to reach all of it. */
function tableOf(ctx: TableCtx, so: number): number {
  const t = loadPtrSeqCst(ctx.i32, (so + SET_TABLE) >>> 2);
  if (t !== so + SET_SMALLTABLE) {
    ctx.ensure(t);
    ctx.ensure(t + (tableMaskOf(ctx.u32, so, t) + 1) * SETENTRY_SIZE - 1);
  }
  return t;
}

function maskOf(ctx: TableCtx, so: number): number {
  return ctx.i32[(so + SET_MASK) >>> 2]!;
}

function freeTableIfHeap(ctx: TableCtx, so: number, table: number): void {
  if (table !== so + SET_SMALLTABLE) ctx.qsbrDeferFree(table - SETTABLE_HEADER);
}

/** set_table_resize. Lock held. False on out-of-memory. */
function resizeLockHeld(ctx: TableCtx, so: number, minused: number): boolean {
  let newsize = SET_MINSIZE;
  while (newsize <= minused) newsize <<= 1;
  const old = tableOf(ctx, so);
  const oldMask = maskOf(ctx, so);
  const small = so + SET_SMALLTABLE;
  const gi = (so + SET_TABLE_GEN) >>> 2;
  if (newsize === SET_MINSIZE && oldMask === SET_MINSIZE - 1 && ctx.i32[(so + SET_FILL) >>> 2] === setLen(ctx, so)) {
    return true; // no dummies: nothing to do
  }
  if (newsize === SET_MINSIZE && old !== small) {
    // Back into the smalltable, rebuilt in place: inside the seqlock.
    addSeqCst(ctx.i32, gi, 1);
    tableClear(ctx.u8, small, SET_MINSIZE);
    reinsertAll(ctx, old, oldMask, small, SET_MINSIZE - 1);
    storeSeqCst(ctx.i32, (so + SET_TABLE) >>> 2, small);
    ctx.i32[(so + SET_MASK) >>> 2] = SET_MINSIZE - 1;
    ctx.i32[(so + SET_FILL) >>> 2] = setLen(ctx, so);
    addSeqCst(ctx.i32, gi, 1);
    freeTableIfHeap(ctx, so, old);
    return true;
  }
  const bytes = heapTableBlockSize(newsize);
  const block = ctx.mallocRaw(bytes);
  if (block === 0) return false;
  ctx.ensure(block + bytes);
  const t = heapTableInit(ctx, block, newsize);
  reinsertAll(ctx, old, oldMask, t, newsize - 1);
  // A fresh table: readers of the old one see a frozen snapshot, no seqlock needed.
  ctx.i32[(so + SET_MASK) >>> 2] = newsize - 1;
  storeSeqCst(ctx.i32, (so + SET_TABLE) >>> 2, t);
  ctx.i32[(so + SET_FILL) >>> 2] = setLen(ctx, so);
  freeTableIfHeap(ctx, so, old);
  return true;
}

let lookupError: PyExc | null = null;
const ERROR = -2;
const ABSENT = -1;

/** Compares the stored key k (hash already equal) with `key`, lock held; the
 *  lock is released around user code. true/false, ERROR, or RESTART. */
const RESTART = 2;
/** `trustHit`: set_add_entry takes an equal answer even if the table changed
 *  meanwhile; set_lookkey checks for a change first (CPython 3.11's order). */
function cmpLockHeld(
  ctx: TableCtx, so: number, table: number, j: number, k: number, key: number, trustHit: boolean,
): boolean | typeof ERROR | typeof RESTART {
  const eq = keyEqNoCallback(ctx, k, key);
  if (eq !== NEEDS_LOCK) return eq;
  ctx.incref(k);
  ctx.unlock(so);
  const r = ctx.protocol === null ? false : ctx.protocol.eq(k, key);
  ctx.lock(so);
  ctx.decref(k);
  if (typeof r !== 'boolean') { lookupError = r; return ERROR; }
  if (r && trustHit) return true;
  if (tableOf(ctx, so) !== table || slotKey(ctx.i32, table, j) !== k) return RESTART;
  return r;
}

/** set_lookkey: the slot of `key` in the current table, ABSENT or ERROR. Lock held. */
function lookkeyLockHeld(ctx: TableCtx, so: number, key: number, hlo: number, hhi: number): number {
  restart: for (;;) {
    const table = tableOf(ctx, so);
    const mask = maskOf(ctx, so);
    let i = (hlo & mask) >>> 0;
    let plo = hlo >>> 0;
    let phi = hhi >>> 0;
    for (;;) {
      let j = i;
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      do {
        const k = slotKey(ctx.i32, table, j);
        if (k === 0) return ABSENT;
        if (k === key) return j;
        if (k !== SET_DUMMY_KEY && slotHashLo(ctx.u32, table, j) === hlo && slotHashHi(ctx.u32, table, j) === hhi) {
          const c = cmpLockHeld(ctx, so, table, j, k, key, false);
          if (c === ERROR) return ERROR;
          if (c === RESTART) continue restart;
          if (c) return j;
        }
        j++;
      } while (probes-- > 0);
      plo = ((plo >>> 5) | (phi << 27)) >>> 0;
      phi >>>= 5;
      i = ((i * 5 + 1 + plo) & mask) >>> 0;
    }
  }
}

/** set_add_entry. Lock held. null, or the exception (MemoryError, __eq__'s). */
function addEntryLockHeld(ctx: TableCtx, so: number, key: number, hlo: number, hhi: number): PyExc | null {
  restart: for (;;) {
    const table = tableOf(ctx, so);
    const mask = maskOf(ctx, so);
    let i = (hlo & mask) >>> 0;
    let plo = hlo >>> 0;
    let phi = hhi >>> 0;
    let freeslot = -1;
    for (;;) {
      let j = i;
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      do {
        const k = slotKey(ctx.i32, table, j);
        const slo = slotHashLo(ctx.u32, table, j);
        const shi = slotHashHi(ctx.u32, table, j);
        if (k === 0 && slo === 0 && shi === 0) {
          ctx.incref(key);
          ctx.setMaybeWeakref(key);
          const used = setLen(ctx, so) + 1;
          if (freeslot >= 0) {
            slotPut(ctx, table, freeslot, key, hlo, hhi);
            storeSeqCst(ctx.i32, (so + SET_USED) >>> 2, used);
            return null;
          }
          slotPut(ctx, table, j, key, hlo, hhi);
          const fill = ctx.i32[(so + SET_FILL) >>> 2]! + 1;
          ctx.i32[(so + SET_FILL) >>> 2] = fill;
          storeSeqCst(ctx.i32, (so + SET_USED) >>> 2, used);
          if (fill * 5 < mask * 3) return null;
          return resizeLockHeld(ctx, so, used > 50000 ? used * 2 : used * 4) ? null : new PyExc('MemoryError', '');
        }
        if (slo === hlo && shi === hhi && k !== SET_DUMMY_KEY) {
          if (k === key) return null;
          const c = cmpLockHeld(ctx, so, table, j, k, key, true);
          if (c === ERROR) return lookupError;
          if (c === RESTART) continue restart;
          if (c) return null;
        } else if (slo === 0xffffffff && shi === 0xffffffff) {
          freeslot = j;
        }
        j++;
      } while (probes-- > 0);
      plo = ((plo >>> 5) | (phi << 27)) >>> 0;
      phi >>>= 5;
      i = ((i * 5 + 1 + plo) & mask) >>> 0;
    }
  }
}

/** s.add(key). Borrowed key. */
export function setAdd(ctx: TableCtx, so: number, key: number): PyExc | null {
  const err = keyHash(ctx, key, H, 0);
  if (err !== null) return err;
  return setAddKnownHash(ctx, so, key, H[0]!, H[1]!);
}

export function setAddKnownHash(ctx: TableCtx, so: number, key: number, hlo: number, hhi: number): PyExc | null {
  ctx.ensure(so + SET_STRUCT_SIZE);
  ctx.lock(so);
  const r = addEntryLockHeld(ctx, so, key, hlo, hhi);
  ctx.unlock(so);
  return r;
}

const RETRY = 2;

/** The lock-free probe: true, false, or RETRY. */
function containsLockFree(ctx: TableCtx, so: number, key: number, hlo: number, hhi: number): boolean | typeof RETRY {
  const gi = (so + SET_TABLE_GEN) >>> 2;
  const g = loadSeqCst(ctx.i32, gi);
  if ((g & 1) !== 0) return RETRY;
  const table = tableOf(ctx, so);
  const mask = tableMaskOf(ctx.u32, so, table);
  let i = (hlo & mask) >>> 0;
  let plo = hlo >>> 0;
  let phi = hhi >>> 0;
  for (;;) {
    let j = i;
    let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    do {
      const k = slotKey(ctx.i32, table, j);
      if (k === 0) return loadSeqCst(ctx.i32, gi) === g ? false : RETRY;
      if (k === key) return true;
      if (k !== SET_DUMMY_KEY && slotHashLo(ctx.u32, table, j) === hlo && slotHashHi(ctx.u32, table, j) === hhi) {
        if (!ctx.tryIncref(k)) return RETRY;
        if (slotKeySeqCst(ctx.i32, table, j) !== k) { ctx.decref(k); return RETRY; }
        const eq = keyEqNoCallback(ctx, k, key);
        ctx.decref(k);
        if (eq === NEEDS_LOCK) return RETRY;
        if (eq) return true;
      }
      j++;
    } while (probes-- > 0);
    plo = ((plo >>> 5) | (phi << 27)) >>> 0;
    phi >>>= 5;
    i = ((i * 5 + 1 + plo) & mask) >>> 0;
  }
}

/** key in s: lock-free, falling back to the lock. */
export function setContains(ctx: TableCtx, so: number, key: number): boolean | PyExc {
  const err = keyHash(ctx, key, H, 0);
  if (err !== null) return err;
  return setContainsKnownHash(ctx, so, key, H[0]!, H[1]!);
}

export function setContainsKnownHash(ctx: TableCtx, so: number, key: number, hlo: number, hhi: number): boolean | PyExc {
  ctx.ensure(so + SET_STRUCT_SIZE);
  const r = containsLockFree(ctx, so, key, hlo, hhi);
  if (r !== RETRY) return r;
  ctx.lock(so);
  const j = lookkeyLockHeld(ctx, so, key, hlo, hhi);
  ctx.unlock(so);
  if (j === ERROR) return lookupError!;
  return j >= 0;
}

/** s.discard(key): true if it was present. s.remove raises KeyError(key) on false. */
export function setDiscard(ctx: TableCtx, so: number, key: number): boolean | PyExc {
  ctx.ensure(so + SET_STRUCT_SIZE);
  const err = keyHash(ctx, key, H, 0);
  if (err !== null) return err;
  const hlo = H[0]!;
  const hhi = H[1]!;
  ctx.lock(so);
  const j = lookkeyLockHeld(ctx, so, key, hlo, hhi);
  if (j === ERROR) { ctx.unlock(so); return lookupError!; }
  if (j < 0) { ctx.unlock(so); return false; }
  const table = tableOf(ctx, so);
  const k = slotKey(ctx.i32, table, j);
  slotKill(ctx, table, j);
  storeSeqCst(ctx.i32, (so + SET_USED) >>> 2, setLen(ctx, so) - 1);
  ctx.unlock(so);
  ctx.decref(k);
  return true;
}

/** s.pop(): a key (reference the caller owns), or 0 when empty (caller raises
 *  KeyError('pop from an empty set')). */
export function setPop(ctx: TableCtx, so: number): number {
  ctx.ensure(so + SET_STRUCT_SIZE);
  ctx.lock(so);
  if (setLen(ctx, so) === 0) { ctx.unlock(so); return 0; }
  const table = tableOf(ctx, so);
  const mask = maskOf(ctx, so);
  let j = ctx.i32[(so + SET_FINGER) >>> 2]! & mask;
  for (;;) {
    const k = slotKey(ctx.i32, table, j);
    if (k !== 0 && k !== SET_DUMMY_KEY) break;
    j++;
    if (j > mask) j = 0;
  }
  const key = slotKey(ctx.i32, table, j);
  slotKill(ctx, table, j);
  storeSeqCst(ctx.i32, (so + SET_USED) >>> 2, setLen(ctx, so) - 1);
  ctx.i32[(so + SET_FINGER) >>> 2] = j + 1;
  ctx.unlock(so);
  return key;
}

/** s.clear() (set_clear_internal): back to the empty smalltable. */
export function setClear(ctx: TableCtx, so: number): void {
  ctx.ensure(so + SET_STRUCT_SIZE);
  ctx.lock(so);
  const old = tableOf(ctx, so);
  const oldMask = maskOf(ctx, so);
  const small = so + SET_SMALLTABLE;
  const keys = collectKeys(ctx, old, oldMask);
  const gi = (so + SET_TABLE_GEN) >>> 2;
  addSeqCst(ctx.i32, gi, 1);
  tableClear(ctx.u8, small, SET_MINSIZE);
  storeSeqCst(ctx.i32, (so + SET_TABLE) >>> 2, small);
  ctx.i32[(so + SET_MASK) >>> 2] = SET_MINSIZE - 1;
  ctx.i32[(so + SET_FILL) >>> 2] = 0;
  storeSeqCst(ctx.i32, (so + SET_USED) >>> 2, 0);
  addSeqCst(ctx.i32, gi, 1);
  ctx.unlock(so);
  freeTableIfHeap(ctx, so, old);
  for (const k of keys) ctx.decref(k);
}

function collectKeys(ctx: TableCtx, table: number, mask: number): number[] {
  const out: number[] = [];
  for (let j = 0; j <= mask; j++) {
    const k = ctx.u32[(table + j * SETENTRY_SIZE) >>> 2]!;
    if (k !== 0 && k !== SET_DUMMY_KEY) out.push(k);
  }
  return out;
}

/** The keys in iteration (slot) order, each with a new reference; one
 *  consistent state (taken under the lock). */
export function setItems(ctx: TableCtx, so: number): number[] {
  ctx.ensure(so + SET_STRUCT_SIZE);
  ctx.lock(so);
  const keys = collectKeys(ctx, tableOf(ctx, so), maskOf(ctx, so));
  for (const k of keys) ctx.incref(k);
  ctx.unlock(so);
  return keys;
}

const fh = new FrozensetHasher();
const H2 = new Uint32Array(2);

/** hash(frozenset) (frozenset_hash), cached in SET_HASH. Frozensets are never
 *  mutated after publication, so no lock is needed. */
export function frozensetHash(ctx: TableCtx, so: number, out: Uint32Array, off: number): void {
  ctx.ensure(so + SET_STRUCT_SIZE);
  const hw = (so + SET_HASH) >>> 2;
  const lo = loadSeqCst(ctx.i32, hw) >>> 0;
  if (lo !== 0xffffffff) { out[off] = lo; out[off + 1] = ctx.u32[hw + 1]!; return; }
  const table = tableOf(ctx, so);
  const mask = maskOf(ctx, so);
  fh.reset();
  for (let j = 0; j <= mask; j++) {
    const k = ctx.u32[(table + j * SETENTRY_SIZE) >>> 2]!;
    if (k === 0 || k === SET_DUMMY_KEY) continue;
    fh.add(slotHashLo(ctx.u32, table, j), slotHashHi(ctx.u32, table, j));
  }
  fh.finish(setLen(ctx, so), H2, 0);
  out[off] = H2[0]!;
  out[off + 1] = H2[1]!;
  ctx.u32[hw + 1] = H2[1]!;
  storeSeqCst(ctx.i32, hw, H2[0]! | 0);
}

/** Deallocator: drops the keys, frees a heap table (QSBR) and the object. */
export function setDealloc(ctx: TableCtx, so: number, freeObject: (p: number) => void): void {
  const table = tableOf(ctx, so);
  for (const k of collectKeys(ctx, table, maskOf(ctx, so))) ctx.decref(k);
  freeTableIfHeap(ctx, so, table);
  freeObject(so);
}

/** sys.getsizeof(s) of CPython 3.11 for this table: the object, plus the table
 *  when it is not the smalltable (here without our mask word). */
export function setSizeof(ctx: TableCtx, so: number): number {
  const table = tableOf(ctx, so);
  return SET_STRUCT_SIZE + (table === so + SET_SMALLTABLE ? 0 : (maskOf(ctx, so) + 1) * SETENTRY_SIZE);
}

/** Table mask, fill and used (tests compare them with numeric's SetTableModel). */
export function setTableState(ctx: TableCtx, so: number): { mask: number; fill: number; used: number } {
  ctx.ensure(so + SET_STRUCT_SIZE);
  return { mask: maskOf(ctx, so), fill: ctx.i32[(so + SET_FILL) >>> 2]!, used: setLen(ctx, so) };
}

/**
 * One step of `for k in s` (setiter_iternext): the first active slot at or
 * after `pos` of the current table; writes a new reference to its key into
 * out[0] and returns the slot to continue from, or -1 at the end. The caller
 * raises RuntimeError('Set changed size during iteration') when len(s) differs
 * from its value at the start, as CPython does.
 */
export function setIterNext(ctx: TableCtx, so: number, pos: number, out: number[]): number {
  ctx.ensure(so + SET_STRUCT_SIZE);
  ctx.lock(so);
  const table = tableOf(ctx, so);
  const mask = maskOf(ctx, so);
  for (let j = pos; j <= mask; j++) {
    const k = slotKey(ctx.i32, table, j);
    if (k === 0 || k === SET_DUMMY_KEY) continue;
    ctx.incref(k);
    ctx.unlock(so);
    out[0] = k;
    return j + 1;
  }
  ctx.unlock(so);
  return -1;
}
