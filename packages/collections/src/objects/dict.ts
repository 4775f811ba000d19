// dict: CPython 3.11's compact ordered dict (Objects/dictobject.c) in the shared
// heap, with lock-free reads (CPython 3.13's _Py_dict_lookup_threadsafe idea).
//
// The object (PyDictObject, DICT_* in layout.ts) holds ma_used, a version tag
// and ma_keys, a raw keys table (hashtable-dict.ts). ma_keys = 0 stands for
// CPython's shared Py_EMPTY_KEYS (size 8, usable 0): the first insertion
// allocates a table of 8 slots, as insert_to_emptydict does. Only combined
// tables exist (ma_values = 0 always): split-keys sharing between instances of
// a class is not implemented, and every entry stores its hash (DICT_KEYS_GENERAL
// even when all keys are str, where 3.11 would use 8-byte DICT_KEYS_UNICODE
// entries) — iteration order and resize points are unaffected, memory is not.
//
// Writers (set, delete, pop, popitem, setdefault, clear, update) hold the dict's
// per-object lock for the whole operation; each is atomic. A user __eq__ (key
// protocol) is called with the lock released; on return the writer re-checks
// that ma_keys and the entry's key are unchanged and restarts the lookup if not
// (lookdict's restart). Decrefs of replaced or removed objects happen after the
// lock is released (a deallocator may run arbitrary code).
//
// Readers (get, contains, len) take no lock: load ma_keys, probe, tryIncref the
// value, then re-validate that ma_keys, the entry's key and its value are the
// same; on any doubt they retry under the lock (`…Slow`). A replaced keys table
// is never written again and is freed through QSBR (ctx.qsbrDeferFree), so a
// reader of a stale table reads a frozen snapshot of valid memory.
//
// Resize (dictresize): GROWTH_RATE = used*3, new log2 size = the smallest
// holding it (at least 8 slots); live entries are copied in order and the
// indices rebuilt, so order and table sizes match CPython's.

import { addSeqCst, loadPtrSeqCst, loadSeqCst, storeSeqCst } from '../atomics.js';
import {
  DKIX_EMPTY, DKIX_DUMMY, DKIX_ERROR, entryAt, entryHashHi, entryHashLo, entryKey, entryKeySeqCst, entryValue,
  entryValueSeqCst, indexGet, indexSet,
  keysAppendLockHeld, keysBlockSize, keysCopyLive, keysInit, keysMask, keysNentries, keysUsable, log2KeysizeFor,
  PYDICT_LOG_MINSIZE, setEntryKey, setEntryValue, usableFraction,
} from '../hashtable-dict.js';
import { keyEqNoCallback, keyHash, NEEDS_LOCK } from '../hashtable-keys.js';
import type { PyExc } from '../numeric/errors.js';
import type { TableCtx } from '../protocol.js';
import { DICT_KEYS, DICT_SIZE, DICT_USED, DICT_VALUES, DICT_VERSION, DK_INDICES, DK_LOG2_SIZE, DK_NENTRIES } from '../layout.js';

const H = new Uint32Array(2);

/** A new empty dict (ma_keys = empty). 0 on out-of-memory. */
export function dictNew(ctx: TableCtx): number {
  const d = ctx.newObject(DICT_SIZE, ctx.types.dict, true);
  if (d === 0) return 0;
  ctx.ensure(d + DICT_SIZE);
  const u32 = ctx.u32;
  u32[(d + DICT_USED) >>> 2] = 0;
  u32[(d + DICT_USED + 4) >>> 2] = 0;
  u32[(d + DICT_VERSION) >>> 2] = 0;
  u32[(d + DICT_VERSION + 4) >>> 2] = 0;
  u32[(d + DICT_KEYS) >>> 2] = 0;
  u32[(d + DICT_VALUES) >>> 2] = 0;
  return d;
}

/** len(d): lock-free. */
export function dictLen(ctx: TableCtx, d: number): number {
  ctx.ensure(d + DICT_SIZE);
  return loadSeqCst(ctx.i32, (d + DICT_USED) >>> 2);
}

/** ma_keys, with this thread's views made to reach the whole table (another
 *  thread may have allocated it after growing the memory). */
function keysOf(ctx: TableCtx, d: number): number {
  const dk = loadPtrSeqCst(ctx.i32, (d + DICT_KEYS) >>> 2);
  if (dk !== 0) {
    ctx.ensure(dk + DK_INDICES);
    ctx.ensure(dk + keysBlockSize(ctx.u8[dk + DK_LOG2_SIZE]!) - 1);
  }
  return dk;
}

function bumpVersion(ctx: TableCtx, d: number): void {
  addSeqCst(ctx.i32, (d + DICT_VERSION) >>> 2, 1);
}

// ------------------------------------------------------------------ lookups

/** Index slot where the last lookupLockHeld found its entry (for deletion). */
let foundSlot = -1;
let lookupError: PyExc | null = null;

/**
 * lookdict (generic): the entry number of `key` in d's current table, DKIX_EMPTY,
 * or DKIX_ERROR (lookupError set). Lock held on entry and on return; released
 * around user __eq__ calls, with a restart when the table or entry changed.
 */
function lookupLockHeld(ctx: TableCtx, d: number, key: number, hlo: number, hhi: number): number {
  restart: for (;;) {
    const dk = keysOf(ctx, d);
    if (dk === 0) return DKIX_EMPTY;
    const mask = keysMask(ctx.u8, dk);
    let i = (hlo & mask) >>> 0;
    let plo = hlo >>> 0;
    let phi = hhi >>> 0;
    for (;;) {
      const ix = indexGet(ctx, dk, i);
      if (ix === DKIX_EMPTY) return DKIX_EMPTY;
      if (ix >= 0) {
        const e = entryAt(ctx.u8, dk, ix);
        const k = entryKey(ctx.i32, e);
        if (k === key) { foundSlot = i; return ix; }
        if (k !== 0 && entryHashLo(ctx.u32, e) === hlo && entryHashHi(ctx.u32, e) === hhi) {
          let eq = keyEqNoCallback(ctx, k, key);
          if (eq === NEEDS_LOCK) {
            ctx.incref(k);
            ctx.unlock(d);
            const r = ctx.protocol === null ? false : ctx.protocol.eq(k, key);
            ctx.lock(d);
            ctx.decref(k);
            if (typeof r !== 'boolean') { lookupError = r; return DKIX_ERROR; }
            if (keysOf(ctx, d) !== dk || entryKey(ctx.i32, e) !== k) continue restart;
            eq = r;
          }
          if (eq) { foundSlot = i; return ix; }
        }
      }
      plo = ((plo >>> 5) | (phi << 27)) >>> 0;
      phi >>>= 5;
      i = ((i * 5 + plo + 1) & mask) >>> 0;
    }
  }
}

/** Result of the lock-free probe: fall back to the locked path. */
const RETRY = -1;

/**
 * _Py_dict_lookup_threadsafe: the value of `key` with a new reference, 0 if
 * absent, or RETRY. No lock; see the header comment for the validation.
 */
function getRefLockFree(ctx: TableCtx, d: number, key: number, hlo: number, hhi: number, wantValue: boolean): number {
  const dk = keysOf(ctx, d);
  if (dk === 0) return 0;
  const mask = keysMask(ctx.u8, dk);
  let i = (hlo & mask) >>> 0;
  let plo = hlo >>> 0;
  let phi = hhi >>> 0;
  for (;;) {
    const ix = indexGet(ctx, dk, i);
    if (ix === DKIX_EMPTY) return 0;
    if (ix >= 0) {
      const e = entryAt(ctx.u8, dk, ix);
      const k = entryKey(ctx.i32, e);
      let hit = k === key;
      if (!hit && k !== 0 && entryHashLo(ctx.u32, e) === hlo && entryHashHi(ctx.u32, e) === hhi) {
        // The stored key may be freed under us: pin it, check it is still there.
        if (!ctx.tryIncref(k)) return RETRY;
        if (entryKeySeqCst(ctx.i32, e) !== k) { ctx.decref(k); return RETRY; }
        const eq = keyEqNoCallback(ctx, k, key);
        ctx.decref(k);
        if (eq === NEEDS_LOCK) return RETRY;
        hit = eq;
      }
      if (hit) {
        const v = entryValue(ctx.i32, e);
        if (v === 0) return RETRY;
        const kw = (d + DICT_KEYS) >>> 2;
        if (!wantValue) {
          return loadPtrSeqCst(ctx.i32, kw) === dk && entryKeySeqCst(ctx.i32, e) === k ? 1 : RETRY;
        }
        if (!ctx.tryIncref(v)) return RETRY;
        if (loadPtrSeqCst(ctx.i32, kw) !== dk || entryKeySeqCst(ctx.i32, e) !== k || entryValueSeqCst(ctx.i32, e) !== v) {
          ctx.decref(v);
          return RETRY;
        }
        return v;
      }
    }
    plo = ((plo >>> 5) | (phi << 27)) >>> 0;
    phi >>>= 5;
    i = ((i * 5 + plo + 1) & mask) >>> 0;
  }
}

/** d.get(key) / d[key]: a new reference to the value, 0 if absent (the caller
 *  raises KeyError(key) for d[key]), or the exception from hashing/comparing. */
export function dictGetRef(ctx: TableCtx, d: number, key: number): number | PyExc {
  const err = keyHash(ctx, key, H, 0);
  if (err !== null) return err;
  return dictGetRefKnownHash(ctx, d, key, H[0]!, H[1]!);
}

export function dictGetRefKnownHash(ctx: TableCtx, d: number, key: number, hlo: number, hhi: number): number | PyExc {
  ctx.ensure(d + DICT_SIZE);
  const r = getRefLockFree(ctx, d, key, hlo, hhi, true);
  if (r !== RETRY) return r;
  return getRefSlow(ctx, d, key, hlo, hhi);
}

function getRefSlow(ctx: TableCtx, d: number, key: number, hlo: number, hhi: number): number | PyExc {
  ctx.lock(d);
  const ix = lookupLockHeld(ctx, d, key, hlo, hhi);
  if (ix === DKIX_ERROR) { ctx.unlock(d); return lookupError!; }
  let v = 0;
  if (ix >= 0) {
    v = entryValue(ctx.i32, entryAt(ctx.u8, keysOf(ctx, d), ix));
    ctx.incref(v);
  }
  ctx.unlock(d);
  return v;
}

/** key in d. */
export function dictContains(ctx: TableCtx, d: number, key: number): boolean | PyExc {
  ctx.ensure(d + DICT_SIZE);
  const err = keyHash(ctx, key, H, 0);
  if (err !== null) return err;
  const hlo = H[0]!;
  const hhi = H[1]!;
  const r = getRefLockFree(ctx, d, key, hlo, hhi, false);
  if (r !== RETRY) return r !== 0;
  ctx.lock(d);
  const ix = lookupLockHeld(ctx, d, key, hlo, hhi);
  ctx.unlock(d);
  if (ix === DKIX_ERROR) return lookupError!;
  return ix >= 0;
}

// ------------------------------------------------------------------ writes

/** dictresize to 2^log2size slots: copies live entries, publishes the new table,
 *  retires the old one through QSBR. False on out-of-memory. Lock held. */
function resizeLockHeld(ctx: TableCtx, d: number, log2size: number): boolean {
  const size = keysBlockSize(log2size);
  const nk = ctx.mallocRaw(size);
  if (nk === 0) return false;
  ctx.ensure(nk + size);
  keysInit(ctx, nk, log2size);
  const old = keysOf(ctx, d);
  if (old !== 0) keysCopyLive(ctx, old, nk);
  storeSeqCst(ctx.i32, (d + DICT_KEYS) >>> 2, nk);
  if (old !== 0) ctx.qsbrDeferFree(old);
  return true;
}

/** insertion_resize: GROWTH_RATE(d) = used * 3. */
function insertionResizeLockHeld(ctx: TableCtx, d: number): boolean {
  return resizeLockHeld(ctx, d, log2KeysizeFor(dictLen(ctx, d) * 3));
}

function outOfMemory(): PyExc {
  return { type: 'MemoryError', message: '' } as PyExc;
}

/** Inserts a new key (known absent). Lock held. Takes new references. */
function insertNewLockHeld(ctx: TableCtx, d: number, key: number, value: number, hlo: number, hhi: number): boolean {
  let dk = keysOf(ctx, d);
  if (dk === 0) {
    if (!resizeLockHeld(ctx, d, PYDICT_LOG_MINSIZE)) return false;
    dk = keysOf(ctx, d);
  } else if (keysUsable(ctx.i32, dk) <= 0) {
    if (!insertionResizeLockHeld(ctx, d)) return false;
    dk = keysOf(ctx, d);
  }
  ctx.incref(key);
  ctx.incref(value);
  ctx.setMaybeWeakref(key);
  ctx.setMaybeWeakref(value);
  keysAppendLockHeld(ctx, dk, hlo, hhi, key, value);
  storeSeqCst(ctx.i32, (d + DICT_USED) >>> 2, dictLen(ctx, d) + 1);
  bumpVersion(ctx, d);
  return true;
}

/** d[key] = value (insertdict). Borrowed key and value. null or the exception. */
export function dictSetItem(ctx: TableCtx, d: number, key: number, value: number): PyExc | null {
  const err = keyHash(ctx, key, H, 0);
  if (err !== null) return err;
  return dictSetItemKnownHash(ctx, d, key, value, H[0]!, H[1]!);
}

export function dictSetItemKnownHash(ctx: TableCtx, d: number, key: number, value: number, hlo: number, hhi: number): PyExc | null {
  ctx.ensure(d + DICT_SIZE);
  ctx.lock(d);
  const ix = lookupLockHeld(ctx, d, key, hlo, hhi);
  if (ix === DKIX_ERROR) { ctx.unlock(d); return lookupError!; }
  if (ix >= 0) {
    const e = entryAt(ctx.u8, keysOf(ctx, d), ix);
    const old = entryValue(ctx.i32, e);
    if (old === value) { ctx.unlock(d); return null; }
    ctx.incref(value);
    ctx.setMaybeWeakref(value);
    setEntryValue(ctx.i32, e, value);
    bumpVersion(ctx, d);
    ctx.unlock(d);
    ctx.decref(old);
    return null;
  }
  const ok = insertNewLockHeld(ctx, d, key, value, hlo, hhi);
  ctx.unlock(d);
  return ok ? null : outOfMemory();
}

/** Removes entry ix found at index slot `slot`; returns [key, value] refs to drop. Lock held. */
function removeEntryLockHeld(ctx: TableCtx, d: number, slot: number, ix: number): [number, number] {
  const dk = keysOf(ctx, d);
  const e = entryAt(ctx.u8, dk, ix);
  const k = entryKey(ctx.i32, e);
  const v = entryValue(ctx.i32, e);
  indexSet(ctx, dk, slot, DKIX_DUMMY);
  setEntryKey(ctx.i32, e, 0);
  setEntryValue(ctx.i32, e, 0);
  storeSeqCst(ctx.i32, (d + DICT_USED) >>> 2, dictLen(ctx, d) - 1);
  bumpVersion(ctx, d);
  return [k, v];
}

/** d.pop(key): the removed value (a reference the caller owns), 0 if absent, or the exception. */
export function dictPop(ctx: TableCtx, d: number, key: number): number | PyExc {
  ctx.ensure(d + DICT_SIZE);
  const err = keyHash(ctx, key, H, 0);
  if (err !== null) return err;
  const hlo = H[0]!;
  const hhi = H[1]!;
  ctx.lock(d);
  const ix = lookupLockHeld(ctx, d, key, hlo, hhi);
  if (ix === DKIX_ERROR) { ctx.unlock(d); return lookupError!; }
  if (ix < 0) { ctx.unlock(d); return 0; }
  const [k, v] = removeEntryLockHeld(ctx, d, foundSlot, ix);
  ctx.unlock(d);
  ctx.decref(k);
  return v;
}

/** del d[key]: true if removed, false if absent (caller raises KeyError), or the exception. */
export function dictDelItem(ctx: TableCtx, d: number, key: number): boolean | PyExc {
  const v = dictPop(ctx, d, key);
  if (typeof v !== 'number') return v;
  if (v === 0) return false;
  ctx.decref(v);
  return true;
}

/** d.setdefault(key, dflt): a new reference to the value now stored. */
export function dictSetDefault(ctx: TableCtx, d: number, key: number, dflt: number): number | PyExc {
  ctx.ensure(d + DICT_SIZE);
  const err = keyHash(ctx, key, H, 0);
  if (err !== null) return err;
  const hlo = H[0]!;
  const hhi = H[1]!;
  ctx.lock(d);
  const ix = lookupLockHeld(ctx, d, key, hlo, hhi);
  if (ix === DKIX_ERROR) { ctx.unlock(d); return lookupError!; }
  let v: number;
  if (ix >= 0) {
    v = entryValue(ctx.i32, entryAt(ctx.u8, keysOf(ctx, d), ix));
  } else {
    if (!insertNewLockHeld(ctx, d, key, dflt, hlo, hhi)) { ctx.unlock(d); return outOfMemory(); }
    v = dflt;
  }
  ctx.incref(v);
  ctx.unlock(d);
  return v;
}

/** d.popitem(): [key, value] (references the caller owns), LIFO order, or null
 *  when empty (caller raises KeyError('popitem(): dictionary is empty')). */
export function dictPopItem(ctx: TableCtx, d: number): [number, number] | null {
  ctx.ensure(d + DICT_SIZE);
  ctx.lock(d);
  const dk = keysOf(ctx, d);
  if (dictLen(ctx, d) === 0 || dk === 0) { ctx.unlock(d); return null; }
  let i = keysNentries(ctx.i32, dk) - 1;
  while (i >= 0 && entryValue(ctx.i32, entryAt(ctx.u8, dk, i)) === 0) i--;
  const e = entryAt(ctx.u8, dk, i);
  // lookdict_index: the index slot holding entry i.
  const mask = keysMask(ctx.u8, dk);
  const hlo = entryHashLo(ctx.u32, e);
  let slot = (hlo & mask) >>> 0;
  let plo = hlo;
  let phi = entryHashHi(ctx.u32, e);
  while (indexGet(ctx, dk, slot) !== i) {
    plo = ((plo >>> 5) | (phi << 27)) >>> 0;
    phi >>>= 5;
    slot = ((slot * 5 + plo + 1) & mask) >>> 0;
  }
  const kv = removeEntryLockHeld(ctx, d, slot, i);
  storeSeqCst(ctx.i32, (dk + DK_NENTRIES) >>> 2, i);
  ctx.unlock(d);
  return kv;
}

/** d.clear(): back to the empty table; the old entries are released after unlocking. */
export function dictClear(ctx: TableCtx, d: number): void {
  ctx.ensure(d + DICT_SIZE);
  ctx.lock(d);
  const old = keysOf(ctx, d);
  storeSeqCst(ctx.i32, (d + DICT_KEYS) >>> 2, 0);
  storeSeqCst(ctx.i32, (d + DICT_USED) >>> 2, 0);
  bumpVersion(ctx, d);
  ctx.unlock(d);
  if (old !== 0) releaseKeys(ctx, old, true);
}

/** Drops the references of every live entry of an unpublished table, then frees
 *  it (through QSBR when readers may still look at it). */
function releaseKeys(ctx: TableCtx, dk: number, deferred: boolean): void {
  const n = keysNentries(ctx.i32, dk);
  for (let i = 0; i < n; i++) {
    const e = entryAt(ctx.u8, dk, i);
    const v = entryValue(ctx.i32, e);
    if (v === 0) continue;
    ctx.decref(entryKey(ctx.i32, e));
    ctx.decref(v);
  }
  if (deferred) ctx.qsbrDeferFree(dk);
  else ctx.freeRaw(dk);
}

/** A snapshot of d's items, each with new references, in order (the caller
 *  decrefs them). Taken under the lock, so it is one consistent state. */
export function dictItems(ctx: TableCtx, d: number): { keys: number[]; values: number[]; hashes: number[] } {
  ctx.ensure(d + DICT_SIZE);
  const keys: number[] = [];
  const values: number[] = [];
  const hashes: number[] = [];
  ctx.lock(d);
  const dk = keysOf(ctx, d);
  if (dk !== 0) {
    const n = keysNentries(ctx.i32, dk);
    for (let i = 0; i < n; i++) {
      const e = entryAt(ctx.u8, dk, i);
      const v = entryValue(ctx.i32, e);
      if (v === 0) continue;
      const k = entryKey(ctx.i32, e);
      ctx.incref(k);
      ctx.incref(v);
      keys.push(k);
      values.push(v);
      hashes.push(entryHashLo(ctx.u32, e), entryHashHi(ctx.u32, e));
    }
  }
  ctx.unlock(d);
  return { keys, values, hashes };
}

/** d.update(other) for a dict `other` (dict_merge): a snapshot of other's items,
 *  then, in one critical section of d (atomic for d), one up-front resize when
 *  other is larger than d's usable room and insertdict per item. Replaced
 *  values are released after unlocking. */
export function dictUpdate(ctx: TableCtx, d: number, other: number): PyExc | null {
  ctx.ensure(d + DICT_SIZE);
  if (other === d) return null;
  const items = dictItems(ctx, other);
  const n = items.keys.length;
  const dropped: number[] = [];
  let err: PyExc | null = null;
  ctx.lock(d);
  const dk = keysOf(ctx, d);
  // USABLE_FRACTION(DK_SIZE(ma_keys)) < other.ma_used; the empty table counts as 8 slots.
  if (n > 0 && usableFraction(dk === 0 ? 8 : keysMask(ctx.u8, dk) + 1) < n) {
    // estimate_log2_keysize(n) = calculate_log2_keysize((n*3 + 1) / 2)
    const total = dictLen(ctx, d) + n;
    if (!resizeLockHeld(ctx, d, log2KeysizeFor(Math.floor((total * 3 + 1) / 2)))) err = outOfMemory();
  }
  for (let i = 0; i < n && err === null; i++) {
    const key = items.keys[i]!;
    const value = items.values[i]!;
    const hlo = items.hashes[2 * i]!;
    const hhi = items.hashes[2 * i + 1]!;
    const ix = lookupLockHeld(ctx, d, key, hlo, hhi);
    if (ix === DKIX_ERROR) { err = lookupError; break; }
    if (ix >= 0) {
      const e = entryAt(ctx.u8, keysOf(ctx, d), ix);
      const old = entryValue(ctx.i32, e);
      if (old === value) continue;
      ctx.incref(value);
      ctx.setMaybeWeakref(value);
      setEntryValue(ctx.i32, e, value);
      bumpVersion(ctx, d);
      dropped.push(old);
    } else if (!insertNewLockHeld(ctx, d, key, value, hlo, hhi)) err = outOfMemory();
  }
  ctx.unlock(d);
  for (const o of dropped) ctx.decref(o);
  for (let i = 0; i < n; i++) { ctx.decref(items.keys[i]!); ctx.decref(items.values[i]!); }
  return err;
}

/** Deallocator: drops every entry and frees the keys table (QSBR: a lock-free
 *  reader of a dead dict is a caller bug, but the table may still be read by one
 *  that lost a race with the last decref) and the object. */
export function dictDealloc(ctx: TableCtx, d: number, freeObject: (p: number) => void): void {
  const dk = keysOf(ctx, d);
  if (dk !== 0) releaseKeys(ctx, dk, true);
  freeObject(d);
}

/** Slots in the current table (for tests and sys.getsizeof): 0 for the empty table. */
export function dictTableSize(ctx: TableCtx, d: number): number {
  const dk = keysOf(ctx, d);
  return dk === 0 ? 0 : keysMask(ctx.u8, dk) + 1;
}

/** sys.getsizeof(d) as CPython 3.11 would report it for this table on a 32-bit
 *  platform with our header (object + keys block). */
export function dictSizeof(ctx: TableCtx, d: number): number {
  const dk = keysOf(ctx, d);
  return DICT_SIZE + (dk === 0 ? 0 : keysBlockSize(Math.log2(keysMask(ctx.u8, dk) + 1)));
}

/**
 * One step of `for k, v in d.items()` (dictiter_iternextitem): the first live
 * entry at or after entry position `pos` of d's current table. Writes new
 * references to its key and value into out[0], out[1] and returns the position
 * to continue from, or -1 at the end. The caller keeps CPython's check: if
 * len(d) differs from its value when the iteration started, raise
 * RuntimeError('dictionary changed size during iteration').
 */
export function dictIterNext(ctx: TableCtx, d: number, pos: number, out: number[]): number {
  ctx.ensure(d + DICT_SIZE);
  ctx.lock(d);
  const dk = keysOf(ctx, d);
  const n = dk === 0 ? 0 : keysNentries(ctx.i32, dk);
  for (let i = pos; i < n; i++) {
    const e = entryAt(ctx.u8, dk, i);
    const v = entryValue(ctx.i32, e);
    if (v === 0) continue;
    const k = entryKey(ctx.i32, e);
    ctx.incref(k);
    ctx.incref(v);
    ctx.unlock(d);
    out[0] = k;
    out[1] = v;
    return i + 1;
  }
  ctx.unlock(d);
  return -1;
}
