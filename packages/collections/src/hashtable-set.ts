// The raw set table (CPython 3.11 Objects/setobject.c: set_add_entry,
// set_lookkey, set_insert_clean, set_table_resize), apart from the set type
// (objects/set.ts). Entries are setentry {key, hash} (layout.ts SETENTRY_*): an
// unused slot has key 0 and hash 0, a deleted one the dummy key and hash -1.
// Probing is 3.11's: from each start slot i, also the LINEAR_PROBES = 9 next
// slots when i + 9 <= mask, then i = (i*5 + 1 + perturb) & mask with
// perturb >>= 5 over the unsigned 64-bit hash. numeric/probe.ts' SetTableModel
// is the reference model; test/set.test.ts replays random programs on both.
//
// A heap table (anything but the smalltable) is a raw block whose first word
// holds its mask (SETTABLE_* in layout.ts), so a lock-free reader gets a
// (table, mask) pair that belongs together from one load of `table`.
//
// Every function here runs with the set's lock held except `tableMaskOf` and
// the entry readers, which lock-free readers use too.

import { loadPtrRelaxed, loadPtrSeqCst, storeSeqCst } from './atomics.js';
import { SET_DUMMY_KEY, SET_SMALLTABLE, SETENTRY_HASH, SETENTRY_KEY, SETENTRY_SIZE, SETTABLE_HEADER, SETTABLE_MASK } from './layout.js';

export const LINEAR_PROBES = 9;

export interface SetViews {
  u8: Uint8Array;
  u32: Uint32Array;
  i32: Int32Array;
}

/** Mask of `table` (a smalltable or a heap table) of the set `so`. */
export function tableMaskOf(u32: Uint32Array, so: number, table: number): number {
  return table === so + SET_SMALLTABLE ? 7 : u32[(table + SETTABLE_MASK) >>> 2]!;
}

/** A slot's key, relaxed: readers reach the table through a SeqCst load of
 *  `table` (address dependency); writers hold the lock. atomics.ts. */
export function slotKey(i32: Int32Array, table: number, j: number): number {
  return loadPtrRelaxed(i32, (table + j * SETENTRY_SIZE + SETENTRY_KEY) >>> 2);
}

/** A slot's key, SeqCst: a lock-free reader's re-check after tryIncref. */
export function slotKeySeqCst(i32: Int32Array, table: number, j: number): number {
  return loadPtrSeqCst(i32, (table + j * SETENTRY_SIZE + SETENTRY_KEY) >>> 2);
}
export function slotHashLo(u32: Uint32Array, table: number, j: number): number {
  return u32[(table + j * SETENTRY_SIZE + SETENTRY_HASH) >>> 2]!;
}
export function slotHashHi(u32: Uint32Array, table: number, j: number): number {
  return u32[(table + j * SETENTRY_SIZE + SETENTRY_HASH + 4) >>> 2]!;
}

/** Writes a slot: hash first, then the key with a SeqCst store (publication). */
export function slotPut(v: SetViews, table: number, j: number, key: number, hlo: number, hhi: number): void {
  const e = table + j * SETENTRY_SIZE;
  v.u32[(e + SETENTRY_HASH) >>> 2] = hlo;
  v.u32[(e + SETENTRY_HASH + 4) >>> 2] = hhi;
  storeSeqCst(v.i32, (e + SETENTRY_KEY) >>> 2, key | 0);
}

/** Marks a slot deleted: key = dummy first, then hash = -1 (set_discard_entry). */
export function slotKill(v: SetViews, table: number, j: number): void {
  const e = table + j * SETENTRY_SIZE;
  storeSeqCst(v.i32, (e + SETENTRY_KEY) >>> 2, SET_DUMMY_KEY);
  v.u32[(e + SETENTRY_HASH) >>> 2] = 0xffffffff;
  v.u32[(e + SETENTRY_HASH + 4) >>> 2] = 0xffffffff;
}

/** Zeroes `n` entries. */
export function tableClear(u8: Uint8Array, table: number, n: number): void {
  u8.fill(0, table, table + n * SETENTRY_SIZE);
}

/** Bytes of a heap table of `size` entries (mask word + padding + entries). */
export function heapTableBlockSize(size: number): number {
  return SETTABLE_HEADER + size * SETENTRY_SIZE;
}

/** Initialises a raw block as an empty heap table of `size` entries; returns the
 *  table pointer (block + SETTABLE_HEADER). */
export function heapTableInit(v: SetViews, block: number, size: number): number {
  v.u32[block >>> 2] = size - 1;
  v.u32[(block >>> 2) + 1] = 0;
  const t = block + SETTABLE_HEADER;
  tableClear(v.u8, t, size);
  return t;
}

/** set_insert_clean: into a table with no dummies and no equal key. */
export function insertClean(v: SetViews, table: number, mask: number, key: number, hlo: number, hhi: number): void {
  let i = (hlo & mask) >>> 0;
  let plo = hlo >>> 0;
  let phi = hhi >>> 0;
  for (;;) {
    if (v.u32[(table + i * SETENTRY_SIZE + SETENTRY_KEY) >>> 2] === 0) break;
    let found = -1;
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (v.u32[(table + (i + j) * SETENTRY_SIZE + SETENTRY_KEY) >>> 2] === 0) { found = i + j; break; }
      }
    }
    if (found >= 0) { i = found; break; }
    plo = ((plo >>> 5) | (phi << 27)) >>> 0;
    phi >>>= 5;
    i = ((i * 5 + 1 + plo) & mask) >>> 0;
  }
  slotPut(v, table, i, key, hlo, hhi);
}

/** Copies every active entry of (old, oldMask) into the empty table (t, mask)
 *  in slot order (the order set_table_resize visits them). */
export function reinsertAll(v: SetViews, old: number, oldMask: number, t: number, mask: number): void {
  for (let j = 0; j <= oldMask; j++) {
    const e = old + j * SETENTRY_SIZE;
    const k = v.u32[(e + SETENTRY_KEY) >>> 2]!;
    if (k === 0 || k === SET_DUMMY_KEY) continue;
    insertClean(v, t, mask, k, v.u32[(e + SETENTRY_HASH) >>> 2]!, v.u32[(e + SETENTRY_HASH + 4) >>> 2]!);
  }
}
