// The raw dict keys table (PyDictKeysObject of CPython 3.11 dictobject.c), apart
// from the dict type (objects/dict.ts), as MicroPython keeps map.c apart from
// objdict.c. This file knows the memory of one keys table: allocation, the
// index array (1, 2 or 4 bytes per slot by table size), the entries array in
// insertion order, the probe loop, and building a fresh table from live
// entries (resize). It knows nothing about locks or about which thread calls:
// objects/dict.ts decides that.
//
// Layout of a keys table (DK_* in layout.ts): a raw block
//   header | dk_indices[size] (ixsize bytes each) | entries[usable] (16 bytes each)
// indices: DKIX_EMPTY (-1), DKIX_DUMMY (-2, deleted), or an entry number >= 0.
// entries: me_hash (i64 as lo, hi) | me_key | me_value; a deleted entry has
// key = value = 0 and keeps its hash.
//
// Invariants (with the dict's lock held for every write; readers lock-free):
//   I1 an index slot only goes EMPTY -> entry number -> DUMMY; never back.
//   I2 entries are appended at dk_nentries and never move inside one table; an
//      entry is fully written before the SeqCst store that publishes its index.
//   I3 dk_usable + dk_nentries <= USABLE_FRACTION(size); a table is never
//      mutated after a newer one has been published in ma_keys (a lock-free
//      reader of an old table sees a frozen snapshot).
//   I4 me_key/me_value words are written with SeqCst stores and read with
//      SeqCst loads by lock-free readers.

import { loadPtrRelaxed, loadSeqCst, storeSeqCst, storeU16SeqCst, storeU8SeqCst } from './atomics.js';
import {
  DKE_HASH, DKE_KEY, DK_ENTRY_SIZE, DKE_VALUE, DK_INDICES, DK_KIND, DK_LOG2_INDEX_BYTES,
  DK_LOG2_SIZE, DK_NENTRIES, DK_REFCNT, DK_USABLE, DK_VERSION, DKIX_DUMMY, DKIX_EMPTY,
} from './layout.js';

export { DKIX_EMPTY, DKIX_DUMMY };
/** Returned by lookups when a key comparison raised (the error is in a side slot). */
export const DKIX_ERROR = -3;
export const PYDICT_LOG_MINSIZE = 3;
export const PYDICT_MINSIZE = 8;

/** USABLE_FRACTION(n) = 2n/3. */
export function usableFraction(size: number): number {
  return Math.floor((size << 1) / 3);
}

/** calculate_log2_keysize (3.11): bit_length(((minsize | 8) - 1) | 7). For
 *  minsize >= 8 that is the smallest power of two >= minsize; for 1..7 it is 16
 *  slots, not 8 (a quirk of the formula that decides CPython's table sizes). */
export function log2KeysizeFor(minsize: number): number {
  const x = ((minsize | PYDICT_MINSIZE) - 1) | (PYDICT_MINSIZE - 1);
  return 32 - Math.clz32(x);
}

/** log2 of the index width in bytes for a table of 2^log2size slots (32-bit
 *  platform: int8 below 2^8 slots, int16 below 2^16, else int32). */
export function log2IndexBytes(log2size: number): number {
  return log2size < 8 ? log2size : log2size < 16 ? log2size + 1 : log2size + 2;
}

export interface KeysViews {
  u8: Uint8Array;
  u16: Uint16Array;
  u32: Uint32Array;
  i32: Int32Array;
}

/** Bytes of a keys table of 2^log2size slots. */
export function keysBlockSize(log2size: number): number {
  return DK_INDICES + (1 << log2IndexBytes(log2size)) + usableFraction(1 << log2size) * DK_ENTRY_SIZE;
}

/** new_keys_object: fills the header, all indices EMPTY, entries zero. */
export function keysInit(v: KeysViews, dk: number, log2size: number): void {
  const size = 1 << log2size;
  const lib = log2IndexBytes(log2size);
  const usable = usableFraction(size);
  v.u32[(dk + DK_REFCNT) >>> 2] = 1;
  v.u8[dk + DK_LOG2_SIZE] = log2size;
  v.u8[dk + DK_LOG2_INDEX_BYTES] = lib;
  v.u8[dk + DK_KIND] = 0; // DICT_KEYS_GENERAL: every entry stores its hash
  v.u8[dk + DK_KIND + 1] = 0;
  v.u32[(dk + DK_NENTRIES + 4) >>> 2] = 0; // pad before the indices
  v.u32[(dk + DK_VERSION) >>> 2] = 0;
  v.u32[(dk + DK_USABLE) >>> 2] = usable;
  v.u32[(dk + DK_NENTRIES) >>> 2] = 0;
  const ix = dk + DK_INDICES;
  v.u8.fill(0xff, ix, ix + (1 << lib));
  const e = ix + (1 << lib);
  v.u8.fill(0, e, e + usable * DK_ENTRY_SIZE);
}

export function keysLog2Size(u8: Uint8Array, dk: number): number {
  return u8[dk + DK_LOG2_SIZE]!;
}

export function keysMask(u8: Uint8Array, dk: number): number {
  return (1 << u8[dk + DK_LOG2_SIZE]!) - 1;
}

export function keysUsable(i32: Int32Array, dk: number): number {
  return i32[(dk + DK_USABLE) >>> 2]!;
}

export function keysNentries(i32: Int32Array, dk: number): number {
  return loadSeqCst(i32, (dk + DK_NENTRIES) >>> 2);
}

/** Byte offset of entry `ix`. */
export function entryAt(u8: Uint8Array, dk: number, ix: number): number {
  return dk + DK_INDICES + (1 << u8[dk + DK_LOG2_INDEX_BYTES]!) + ix * DK_ENTRY_SIZE;
}

/** dk_indices[i], sign-extended. A relaxed (plain) load: readers reach the
 *  table through the SeqCst load of ma_keys, and the entry it names through this
 *  value (address dependency); see atomics.ts. */
export function indexGet(v: KeysViews, dk: number, i: number): number {
  const lib = v.u8[dk + DK_LOG2_INDEX_BYTES]! - v.u8[dk + DK_LOG2_SIZE]!;
  const base = dk + DK_INDICES;
  if (lib === 0) return (v.u8[base + i]! << 24) >> 24;
  if (lib === 1) return (v.u16[(base >>> 1) + i]! << 16) >> 16;
  return v.i32[(base >>> 2) + i]!;
}

/** dk_indices[i] = ix (SeqCst store: publishes the entry written before it). */
export function indexSet(v: KeysViews, dk: number, i: number, ix: number): void {
  const lib = v.u8[dk + DK_LOG2_INDEX_BYTES]! - v.u8[dk + DK_LOG2_SIZE]!;
  const base = dk + DK_INDICES;
  if (lib === 0) storeU8SeqCst(v.u8, base + i, ix & 0xff);
  else if (lib === 1) storeU16SeqCst(v.u16, (base >>> 1) + i, ix & 0xffff);
  else storeSeqCst(v.i32, (base >>> 2) + i, ix);
}

export function entryHashLo(u32: Uint32Array, e: number): number { return u32[(e + DKE_HASH) >>> 2]!; }
export function entryHashHi(u32: Uint32Array, e: number): number { return u32[(e + DKE_HASH + 4) >>> 2]!; }
/** Relaxed loads of an entry's key / value (probe path; lock-free readers
 *  validate with the SeqCst variants below). */
export function entryKey(i32: Int32Array, e: number): number { return loadPtrRelaxed(i32, (e + DKE_KEY) >>> 2); }
export function entryValue(i32: Int32Array, e: number): number { return loadPtrRelaxed(i32, (e + DKE_VALUE) >>> 2); }
export function entryKeySeqCst(i32: Int32Array, e: number): number { return loadSeqCst(i32, (e + DKE_KEY) >>> 2) >>> 0; }
export function entryValueSeqCst(i32: Int32Array, e: number): number { return loadSeqCst(i32, (e + DKE_VALUE) >>> 2) >>> 0; }
export function setEntryKey(i32: Int32Array, e: number, k: number): void { storeSeqCst(i32, (e + DKE_KEY) >>> 2, k | 0); }
export function setEntryValue(i32: Int32Array, e: number, val: number): void { storeSeqCst(i32, (e + DKE_VALUE) >>> 2, val | 0); }

/** find_empty_slot: the first EMPTY index slot on the probe path of `hash`. */
export function findEmptySlot(v: KeysViews, dk: number, hlo: number, hhi: number): number {
  const mask = keysMask(v.u8, dk);
  let i = (hlo & mask) >>> 0;
  let plo = hlo >>> 0;
  let phi = hhi >>> 0;
  while (indexGet(v, dk, i) >= 0) {
    plo = ((plo >>> 5) | (phi << 27)) >>> 0;
    phi >>>= 5;
    i = ((i * 5 + plo + 1) & mask) >>> 0;
  }
  return i;
}

/** Appends entry (hash, key, value) and publishes its index. Caller checked
 *  dk_usable > 0 and that the key is absent; lock held. */
export function keysAppendLockHeld(v: KeysViews, dk: number, hlo: number, hhi: number, key: number, value: number): void {
  const n = v.i32[(dk + DK_NENTRIES) >>> 2]!;
  const e = entryAt(v.u8, dk, n);
  v.u32[(e + DKE_HASH) >>> 2] = hlo;
  v.u32[(e + DKE_HASH + 4) >>> 2] = hhi;
  setEntryKey(v.i32, e, key);
  setEntryValue(v.i32, e, value);
  const slot = findEmptySlot(v, dk, hlo, hhi);
  indexSet(v, dk, slot, n);
  v.i32[(dk + DK_USABLE) >>> 2]!--;
  storeSeqCst(v.i32, (dk + DK_NENTRIES) >>> 2, n + 1);
}

/**
 * dictresize's copy (build_indices over a compacted entries array): copies the
 * live entries of `old` in order into the fresh table `dk` (keysInit done) and
 * builds its indices. References move with the entries (no refcount changes).
 * Returns the number of live entries.
 */
export function keysCopyLive(v: KeysViews, old: number, dk: number): number {
  const n = v.i32[(old + DK_NENTRIES) >>> 2]!;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const e = entryAt(v.u8, old, i);
    const val = v.u32[(e + DKE_VALUE) >>> 2]!;
    if (val === 0) continue;
    const d = entryAt(v.u8, dk, j);
    v.u32[(d + DKE_HASH) >>> 2] = v.u32[(e + DKE_HASH) >>> 2]!;
    v.u32[(d + DKE_HASH + 4) >>> 2] = v.u32[(e + DKE_HASH + 4) >>> 2]!;
    v.u32[(d + DKE_KEY) >>> 2] = v.u32[(e + DKE_KEY) >>> 2]!;
    v.u32[(d + DKE_VALUE) >>> 2] = val;
    const slot = findEmptySlot(v, dk, v.u32[(d + DKE_HASH) >>> 2]!, v.u32[(d + DKE_HASH + 4) >>> 2]!);
    indexSet(v, dk, slot, j);
    j++;
  }
  v.i32[(dk + DK_USABLE) >>> 2] = v.i32[(dk + DK_USABLE) >>> 2]! - j;
  v.i32[(dk + DK_NENTRIES) >>> 2] = j;
  return j;
}
