// Starting the objects layer of a heap (startCollections, once, on the thread that
// created it) and joining it from other workers (joinCollections): creates or
// finds the runtime block (layout.ts CR_*) through allocator root slot
// ROOT_SLOT_COLLECTIONS, and registers this thread's behaviour for the builtin
// types (deallocators with refcount, repr, hash, richcompare).
//
// What startCollections creates, all immortal and never freed: the parking-lot
// buckets, the static type objects (type-object.ts), None, True, False, Ellipsis,
// NotImplemented, the small ints −5..256, the empty tuple and the empty bytes.
// The runtime block is complete before the root slot is stored (an atomic
// store), so a joiner that finds the slot non-zero sees every word.

import type { ThreadHeap } from '@pynogil/allocator';
import { type ThreadContext } from '@pynogil/refcount';
import { ObjContext } from './context.js';
import {
  BUCKET_SIZE, BYTES_SHASH, BYTES_SIZE, BYTES_SVAL, CR_ELLIPSIS, CR_EMPTY_BYTES, CR_EMPTY_TUPLE,
  CR_FALSE, CR_HASH_KEY, CR_MAGIC, CR_MAGIC_VALUE, CR_NONE, CR_NOTIMPLEMENTED, CR_PARKING_BUCKETS,
  CR_PARKING_LOT, CR_SIZE, CR_SMALL_INTS, CR_TRUE, CR_TYPES, CR_VERSION, CR_LAYOUT_VERSION,
  HEADER_SIZE, LONG_DIGITS, LONG_SIZE, PARKING_BUCKETS, ROOT_SLOT_COLLECTIONS, SMALL_INT_COUNT,
  SMALL_INT_MIN, TUPLE_SIZE, TY_BOOL, TY_BYTES, TY_ELLIPSIS, TY_INT, TY_NONE, TY_NOTIMPLEMENTED,
  TY_TUPLE, TYPE_TABLE_SLOTS, bytesBlockSize, longBlockSize, tupleBlockSize,
} from './layout.js';
import type { HashKey } from './numeric/hash-secret.js';
import { createStaticTypes } from './type-object.js';
import { registerBuiltinBehaviours } from './behaviours.js';
import { registerTableBehaviours } from './hashtable-behaviours.js';

export class CollectionsUsageError extends Error {}

export interface StartCollectionsOptions {
  /** SipHash key of the interpreter (PYTHONHASHSEED); default: seed 0. */
  hashKey?: HashKey;
}

function must(p: number): number {
  if (p === 0) throw new RangeError('@pynogil/collections: heap exhausted while creating the runtime');
  return p;
}

/** Creates the runtime block and this thread's context. Once per heap. */
export function startCollections(heap: ThreadHeap, rc: ThreadContext, options: StartCollectionsOptions = {}): ObjContext {
  if (heap.loadRoot(ROOT_SLOT_COLLECTIONS) !== 0) throw new CollectionsUsageError('collections runtime already started on this heap');
  const rt = must(heap.calloc(1, CR_SIZE, 0));
  const lot = must(heap.calloc(PARKING_BUCKETS, BUCKET_SIZE, 0));
  const types = createStaticTypes(heap, rc);
  const newImmortal = (size: number, type: number): number => {
    const p = must(heap.calloc(1, size, 1));
    rc.initObject(p, type);
    rc.setImmortal(p);
    return p;
  };
  const none = newImmortal(HEADER_SIZE, types[TY_NONE]!);
  const ellipsis = newImmortal(HEADER_SIZE, types[TY_ELLIPSIS]!);
  const notImpl = newImmortal(HEADER_SIZE, types[TY_NOTIMPLEMENTED]!);
  const newLong = (v: number, type: number): number => {
    const p = newImmortal(longBlockSize(v === 0 ? 0 : 1), type);
    heap.u32[(p + LONG_DIGITS) >>> 2] = Math.abs(v);
    heap.i32[(p + LONG_SIZE) >>> 2] = v === 0 ? 0 : v < 0 ? -1 : 1;
    return p;
  };
  const t = newLong(1, types[TY_BOOL]!);
  const f = newLong(0, types[TY_BOOL]!);
  const table = must(heap.malloc(4 * SMALL_INT_COUNT, 0));
  for (let i = 0; i < SMALL_INT_COUNT; i++) {
    const p = newLong(i + SMALL_INT_MIN, types[TY_INT]!);
    heap.u32[(table >>> 2) + i] = p;
  }
  const emptyTuple = newImmortal(tupleBlockSize(0), types[TY_TUPLE]!);
  heap.i32[(emptyTuple + TUPLE_SIZE) >>> 2] = 0;
  const emptyBytes = newImmortal(bytesBlockSize(0), types[TY_BYTES]!);
  heap.i32[(emptyBytes + BYTES_SIZE) >>> 2] = 0;
  heap.u8[emptyBytes + BYTES_SVAL] = 0;
  // hash(b'') is 0 whatever the key (_Py_HashBytes); cache it.
  heap.u32[(emptyBytes + BYTES_SHASH) >>> 2] = 0;
  heap.u32[(emptyBytes + BYTES_SHASH + 4) >>> 2] = 0;

  const key = options.hashKey ?? { k0lo: 0, k0hi: 0, k1lo: 0, k1hi: 0 };
  const u32 = heap.u32;
  const w = rt >>> 2;
  u32[w + (CR_MAGIC >>> 2)] = CR_MAGIC_VALUE;
  u32[w + (CR_VERSION >>> 2)] = CR_LAYOUT_VERSION;
  u32[w + (CR_HASH_KEY >>> 2)] = key.k0lo;
  u32[w + (CR_HASH_KEY >>> 2) + 1] = key.k0hi;
  u32[w + (CR_HASH_KEY >>> 2) + 2] = key.k1lo;
  u32[w + (CR_HASH_KEY >>> 2) + 3] = key.k1hi;
  u32[w + (CR_PARKING_LOT >>> 2)] = lot;
  u32[w + (CR_PARKING_BUCKETS >>> 2)] = PARKING_BUCKETS;
  u32[w + (CR_SMALL_INTS >>> 2)] = table;
  u32[w + (CR_NONE >>> 2)] = none;
  u32[w + (CR_TRUE >>> 2)] = t;
  u32[w + (CR_FALSE >>> 2)] = f;
  u32[w + (CR_ELLIPSIS >>> 2)] = ellipsis;
  u32[w + (CR_NOTIMPLEMENTED >>> 2)] = notImpl;
  u32[w + (CR_EMPTY_TUPLE >>> 2)] = emptyTuple;
  u32[w + (CR_EMPTY_BYTES >>> 2)] = emptyBytes;
  for (let i = 0; i < TYPE_TABLE_SLOTS; i++) u32[w + (CR_TYPES >>> 2) + i] = types[i]!;
  heap.storeRoot(ROOT_SLOT_COLLECTIONS, rt);
  return makeContext(heap, rc, rt);
}

/** On any other worker, after attachHeap and joinRefcount. */
export function joinCollections(heap: ThreadHeap, rc: ThreadContext): ObjContext {
  const rt = heap.loadRoot(ROOT_SLOT_COLLECTIONS);
  if (rt === 0) throw new CollectionsUsageError('no collections runtime on this heap (call startCollections first)');
  heap.ensure(rt + CR_SIZE);
  if (heap.u32[(rt + CR_MAGIC) >>> 2] !== CR_MAGIC_VALUE) throw new CollectionsUsageError('bad collections runtime block');
  return makeContext(heap, rc, rt);
}

function makeContext(heap: ThreadHeap, rc: ThreadContext, rt: number): ObjContext {
  const ctx = new ObjContext(heap, rc, rt);
  registerBuiltinBehaviours(ctx);
  registerTableBehaviours(ctx);
  return ctx;
}
