// Offsets of layout.ts recomputed from the C declarations with the C layout rules
// of our ABI (wasm32: pointers, Py_ssize_t, long, int 4 bytes aligned 4; Py_hash_t,
// uint64_t, double 8 bytes aligned 8; fields at the next multiple of their
// alignment; sizeof rounded up to the struct's alignment). clang-19 is not
// installed on this machine, so the numbers are derived here rather than by
// compiling the headers; extensions-abi can check them with clang later.
import { describe, expect, it } from 'vitest';
import * as L from '@pynogil/collections';

type F = [name: string, size: number, align: number, count?: number];
const PTR: [number, number] = [4, 4];
const SSIZE: [number, number] = [4, 4];
const HASH: [number, number] = [8, 8];

function layout(fields: F[]): { off: Record<string, number>; size: number; align: number } {
  let o = 0;
  let align = 1;
  const off: Record<string, number> = {};
  for (const [name, size, a, count = 1] of fields) {
    o = Math.ceil(o / a) * a;
    off[name] = o;
    o += size * count;
    align = Math.max(align, a);
  }
  return { off, size: Math.ceil(o / align) * align, align };
}

// Our 16-byte header as C fields, then PyObject_VAR_HEAD's ob_size.
const HEAD: F[] = [['ob_tid', 2, 2], ['ob_mutex', 1, 1], ['ob_gc_bits', 1, 1], ['ob_ref_local', 4, 4],
  ['ob_ref_shared', 4, 4], ['ob_type', ...PTR]];
const VAR_HEAD: F[] = [...HEAD, ['ob_size', ...SSIZE]];

describe('layouts follow the C rules on wasm32 with a 64-bit Py_hash_t', () => {
  it('header', () => {
    const h = layout(HEAD);
    expect(h.size).toBe(L.HEADER_SIZE);
    expect(h.off.ob_type).toBe(L.OB_TYPE);
    expect(h.off.ob_mutex).toBe(L.OB_MUTEX);
    expect(layout(VAR_HEAD).off.ob_size).toBe(L.OB_SIZE);
  });

  it('PyLongObject, PyFloatObject, PyBytesObject, PyTupleObject, PyListObject', () => {
    const lo = layout([...VAR_HEAD, ['ob_digit', 4, 4]]);
    expect([lo.off.ob_size, lo.off.ob_digit, lo.size]).toEqual([L.LONG_SIZE, L.LONG_DIGITS, 24]);
    expect(L.longBlockSize(0)).toBe(24); // 3.11 allocates one digit for zero
    expect(L.longBlockSize(3)).toBe(32);
    const fl = layout([...HEAD, ['ob_fval', 8, 8]]);
    expect([fl.off.ob_fval, fl.size]).toEqual([L.FLOAT_FVAL, L.FLOAT_SIZE]);
    const by = layout([...VAR_HEAD, ['ob_shash', ...HASH], ['ob_sval', 1, 1]]);
    expect([by.off.ob_size, by.off.ob_shash, by.off.ob_sval, by.size])
      .toEqual([L.BYTES_SIZE, L.BYTES_SHASH, L.BYTES_SVAL, L.BYTES_STRUCT_SIZE]);
    expect(L.bytesBlockSize(5)).toBe(by.off.ob_sval! + 1 + 5);
    const tu = layout([...VAR_HEAD, ['ob_item', ...PTR]]);
    expect([tu.off.ob_item]).toEqual([L.TUPLE_ITEMS]);
    const li = layout([...VAR_HEAD, ['ob_item', ...PTR], ['allocated', ...SSIZE]]);
    expect([li.off.ob_item, li.off.allocated, li.size]).toEqual([L.LIST_ITEM, L.LIST_ALLOCATED, L.LIST_STRUCT_SIZE]);
  });

  it('PyASCIIObject and PyCompactUnicodeObject (3.11)', () => {
    const ascii: F[] = [...HEAD, ['length', ...SSIZE], ['hash', ...HASH], ['state', 4, 4], ['wstr', ...PTR]];
    const a = layout(ascii);
    expect([a.off.length, a.off.hash, a.off.state, a.off.wstr, a.size])
      .toEqual([L.STR_LENGTH, L.STR_HASH, L.STR_STATE, L.STR_WSTR, L.ASCII_STRUCT_SIZE]);
    const c = layout([['_base', a.size, a.align], ['utf8_length', ...SSIZE], ['utf8', ...PTR], ['wstr_length', ...SSIZE]]);
    expect([c.off.utf8_length, c.off.utf8, c.off.wstr_length, c.size])
      .toEqual([L.STR_UTF8_LENGTH, L.STR_UTF8, L.STR_WSTR_LENGTH, L.COMPACT_STRUCT_SIZE]);
    expect(L.STR_ASCII_DATA).toBe(a.size);
    expect(L.STR_COMPACT_DATA).toBe(c.size);
    // state bit-field: interned:2, kind:3, compact:1, ascii:1, ready:1 from bit 0.
    expect(L.STR_STATE_KIND_SHIFT).toBe(2);
    expect([L.STR_STATE_COMPACT, L.STR_STATE_ASCII, L.STR_STATE_READY]).toEqual([1 << 5, 1 << 6, 1 << 7]);
  });

  it('PyDictObject and PySetObject', () => {
    const d = layout([...HEAD, ['ma_used', ...SSIZE], ['ma_version_tag', 8, 8], ['ma_keys', ...PTR], ['ma_values', ...PTR]]);
    expect([d.off.ma_used, d.off.ma_version_tag, d.off.ma_keys, d.off.ma_values, d.size])
      .toEqual([L.DICT_USED, L.DICT_VERSION, L.DICT_KEYS, L.DICT_VALUES, L.DICT_STRUCT_SIZE]);
    const e = layout([['key', ...PTR], ['hash', ...HASH]]);
    expect([e.off.key, e.off.hash, e.size]).toEqual([L.SETENTRY_KEY, L.SETENTRY_HASH, L.SETENTRY_SIZE]);
    const s = layout([...HEAD, ['fill', ...SSIZE], ['used', ...SSIZE], ['mask', ...SSIZE], ['table', ...PTR],
      ['hash', ...HASH], ['finger', ...SSIZE], ['smalltable', e.size, e.align, 8], ['weakreflist', ...PTR]]);
    expect([s.off.fill, s.off.used, s.off.mask, s.off.table, s.off.hash, s.off.finger, s.off.smalltable,
      s.off.weakreflist, s.size]).toEqual([L.SET_FILL, L.SET_USED, L.SET_MASK, L.SET_TABLE, L.SET_HASH,
      L.SET_FINGER, L.SET_SMALLTABLE, L.SET_WEAKREFLIST, L.SET_STRUCT_SIZE]);
  });

  it('PyTypeObject (3.11): 48 four-byte fields after PyObject_VAR_HEAD', () => {
    expect(L.TYPE_FIELDS.length).toBe(48);
    const t = layout([...VAR_HEAD, ...L.TYPE_FIELDS.map((n): F => [n, ...PTR])]);
    expect(t.size).toBe(L.TYPE_STRUCT_SIZE);
    for (const [name, c] of [['tp_name', L.TP_NAME], ['tp_basicsize', L.TP_BASICSIZE], ['tp_itemsize', L.TP_ITEMSIZE],
      ['tp_dealloc', L.TP_DEALLOC], ['tp_repr', L.TP_REPR], ['tp_hash', L.TP_HASH], ['tp_flags', L.TP_FLAGS],
      ['tp_doc', L.TP_DOC], ['tp_richcompare', L.TP_RICHCOMPARE], ['tp_base', L.TP_BASE],
      ['tp_version_tag', L.TP_VERSION_TAG]] as const) {
      expect(t.off[name], name).toBe(c);
      expect(L.typeFieldOffset(name)).toBe(c);
    }
    expect(L.TYPE_FIELDS[L.TYPE_FIELDS.length - 1]).toBe('tp_vectorcall');
  });

  it('runtime block and parking-lot structures fit their declared sizes', () => {
    expect(L.CR_TYPES + 4 * L.TYPE_TABLE_SLOTS).toBe(L.CR_SIZE);
    expect(L.CR_PART2_RESERVED).toBeLessThan(L.CR_TYPES);
    expect(L.WAITER_TIME % 8).toBe(0);
    expect(L.WAITER_TIME + 8).toBe(L.WAITER_SIZE);
    expect(L.PARKING_BUCKETS & (L.PARKING_BUCKETS - 1)).toBe(0);
    expect(L.ROOT_SLOT_COLLECTIONS).not.toBe(L.ROOT_SLOT_REFCOUNT);
  });
});
