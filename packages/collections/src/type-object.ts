// Static type objects in the heap: PyTypeObject of CPython 3.11 on wasm32
// (layout.ts TYPE_FIELDS, 212 bytes) for the builtin types of this package, created
// once per heap by the thread that starts it, immortal, and listed in the runtime
// block's type table (CR_TYPES) where every worker finds them.
//
// Function-pointer slots are 0: these types are implemented in JS, and their
// behaviour lives in each thread's registry (context.ts TypeBehaviour). tp_name is
// a NUL-terminated string in a raw block; tp_basicsize/tp_itemsize are the wasm32
// sizes of layout.ts, so C code that allocates by them gets our layouts.

import type { ThreadHeap } from '@pynogil/allocator';
import type { ThreadContext } from '@pynogil/refcount';
import {
  ASCII_STRUCT_SIZE, BYTES_SVAL, DICT_STRUCT_SIZE, FLOAT_SIZE, HEADER_SIZE, LIST_STRUCT_SIZE,
  LONG_BASICSIZE, SET_STRUCT_SIZE, TP_BASE, TP_BASICSIZE, TP_FLAGS, TP_ITEMSIZE, TP_NAME,
  TPFLAGS_BASETYPE, TPFLAGS_BYTES_SUBCLASS, TPFLAGS_DEFAULT, TPFLAGS_DICT_SUBCLASS, TPFLAGS_HAVE_GC,
  TPFLAGS_IMMUTABLETYPE, TPFLAGS_LIST_SUBCLASS, TPFLAGS_LONG_SUBCLASS, TPFLAGS_MAPPING, TPFLAGS_READY,
  TPFLAGS_SEQUENCE, TPFLAGS_TUPLE_SUBCLASS, TPFLAGS_TYPE_SUBCLASS, TPFLAGS_UNICODE_SUBCLASS,
  TUPLE_ITEMS, TY_BOOL, TY_BYTES, TY_DICT, TY_ELLIPSIS, TY_FLOAT, TY_FROZENSET, TY_INT, TY_LIST,
  TY_NONE, TY_NOTIMPLEMENTED, TY_OBJECT, TY_SET, TY_STR, TY_TUPLE, TY_TYPE, TYPE_STRUCT_SIZE,
  TYPE_TABLE_SLOTS,
} from './layout.js';

/** One static type: data for its PyTypeObject. */
export interface StaticTypeSpec {
  readonly index: number;
  readonly name: string;
  readonly basicsize: number;
  readonly itemsize: number;
  readonly flags: number;
  /** TY_* index of tp_base, or -1 for object. */
  readonly base: number;
}

const COMMON = TPFLAGS_DEFAULT | TPFLAGS_READY | TPFLAGS_IMMUTABLETYPE;

/** The builtin static types (sizes: layout.ts; flags: CPython 3.11's). */
export const STATIC_TYPES: readonly StaticTypeSpec[] = [
  { index: TY_TYPE, name: 'type', basicsize: TYPE_STRUCT_SIZE, itemsize: 0, base: TY_OBJECT,
    flags: COMMON | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_TYPE_SUBCLASS },
  { index: TY_OBJECT, name: 'object', basicsize: HEADER_SIZE, itemsize: 0, base: -1,
    flags: COMMON | TPFLAGS_BASETYPE },
  { index: TY_INT, name: 'int', basicsize: LONG_BASICSIZE, itemsize: 4, base: TY_OBJECT,
    flags: COMMON | TPFLAGS_BASETYPE | TPFLAGS_LONG_SUBCLASS },
  { index: TY_BOOL, name: 'bool', basicsize: LONG_BASICSIZE, itemsize: 4, base: TY_INT,
    flags: COMMON | TPFLAGS_LONG_SUBCLASS },
  { index: TY_FLOAT, name: 'float', basicsize: FLOAT_SIZE, itemsize: 0, base: TY_OBJECT,
    flags: COMMON | TPFLAGS_BASETYPE },
  { index: TY_BYTES, name: 'bytes', basicsize: BYTES_SVAL + 1, itemsize: 1, base: TY_OBJECT,
    flags: COMMON | TPFLAGS_BASETYPE | TPFLAGS_BYTES_SUBCLASS },
  { index: TY_TUPLE, name: 'tuple', basicsize: TUPLE_ITEMS, itemsize: 4, base: TY_OBJECT,
    flags: COMMON | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_SEQUENCE },
  { index: TY_LIST, name: 'list', basicsize: LIST_STRUCT_SIZE, itemsize: 0, base: TY_OBJECT,
    flags: COMMON | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_LIST_SUBCLASS | TPFLAGS_SEQUENCE },
  { index: TY_STR, name: 'str', basicsize: ASCII_STRUCT_SIZE, itemsize: 0, base: TY_OBJECT,
    flags: COMMON | TPFLAGS_BASETYPE | TPFLAGS_UNICODE_SUBCLASS },
  { index: TY_DICT, name: 'dict', basicsize: DICT_STRUCT_SIZE, itemsize: 0, base: TY_OBJECT,
    flags: COMMON | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_DICT_SUBCLASS | TPFLAGS_MAPPING },
  { index: TY_SET, name: 'set', basicsize: SET_STRUCT_SIZE, itemsize: 0, base: TY_OBJECT,
    flags: COMMON | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC },
  { index: TY_FROZENSET, name: 'frozenset', basicsize: SET_STRUCT_SIZE, itemsize: 0, base: TY_OBJECT,
    flags: COMMON | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC },
  { index: TY_NONE, name: 'NoneType', basicsize: HEADER_SIZE, itemsize: 0, base: TY_OBJECT, flags: COMMON },
  { index: TY_ELLIPSIS, name: 'ellipsis', basicsize: HEADER_SIZE, itemsize: 0, base: TY_OBJECT, flags: COMMON },
  { index: TY_NOTIMPLEMENTED, name: 'NotImplementedType', basicsize: HEADER_SIZE, itemsize: 0, base: TY_OBJECT,
    flags: COMMON },
];

/** Writes a NUL-terminated UTF-8 string into a new raw block. */
export function allocCString(heap: ThreadHeap, s: string): number {
  const bytes = new TextEncoder().encode(s);
  const p = heap.malloc(bytes.length + 1, 0);
  if (p === 0) throw new RangeError('@pynogil/collections: heap exhausted');
  heap.u8.set(bytes, p);
  heap.u8[p + bytes.length] = 0;
  return p;
}

/** Reads a NUL-terminated UTF-8 string. */
export function readCString(heap: ThreadHeap, p: number): string {
  heap.ensure(p);
  const u8 = heap.u8;
  let e = p;
  while (u8[e] !== 0) e++;
  return new TextDecoder().decode(u8.slice(p, e));
}

/**
 * Creates every static type object (immortal, zeroed PyTypeObject with name,
 * sizes, flags and base) and returns the type table (TY_* index -> offset).
 * By the thread that creates the runtime, before publication.
 */
export function createStaticTypes(heap: ThreadHeap, rc: ThreadContext): Uint32Array {
  const table = new Uint32Array(TYPE_TABLE_SLOTS);
  for (const spec of STATIC_TYPES) {
    const t = heap.calloc(1, TYPE_STRUCT_SIZE, 1);
    if (t === 0) throw new RangeError('@pynogil/collections: heap exhausted');
    table[spec.index] = t;
  }
  const typeType = table[TY_TYPE]!;
  for (const spec of STATIC_TYPES) {
    const t = table[spec.index]!;
    rc.initObject(t, typeType);
    rc.setImmortal(t);
    const name = allocCString(heap, spec.name);
    const u32 = heap.u32;
    u32[(t + TP_NAME) >>> 2] = name;
    u32[(t + TP_BASICSIZE) >>> 2] = spec.basicsize;
    u32[(t + TP_ITEMSIZE) >>> 2] = spec.itemsize;
    u32[(t + TP_FLAGS) >>> 2] = spec.flags >>> 0;
    u32[(t + TP_BASE) >>> 2] = spec.base < 0 ? 0 : table[spec.base]!;
  }
  return table;
}

/** tp_name of a type object. */
export function typeNameOf(heap: ThreadHeap, type: number): string {
  heap.ensure(type);
  return readCString(heap, heap.u32[(type + TP_NAME) >>> 2]!);
}
