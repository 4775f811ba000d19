// ObjContext: one thread's handle on the objects of a shared heap — the thread's
// allocator heap and refcount context, the static types and singletons (loaded
// once from the runtime block, layout.ts CR_*), its parking-lot wait node, its
// critical-section stack, and the per-thread registry of type behaviour (JS
// functions cannot be shared between workers, so every thread registers its own;
// the interpreter extends it for its types).
//
// Create with startCollections (the thread that made the heap) or joinCollections
// (every other worker): setup.ts. All object functions (objects/*.ts) take the
// ObjContext of the calling thread as their first argument.
//
// Blocking: a thread that sleeps (in a lock, or — later — in time.sleep, join, I/O)
// calls ctx.detach() before and ctx.attach() after: that suspends its critical
// sections and detaches its refcount thread state (stop-the-world and QSBR skip it).

import type { ThreadHeap } from '@pynogil/allocator';
import { OB_TYPE, type Deallocator, type ThreadContext } from '@pynogil/refcount';
import { CriticalSectionStack } from './critical-section.js';
import type { LockStats, ThreadHost } from './host.js';
import {
  CR_ELLIPSIS, CR_EMPTY_BYTES, CR_EMPTY_TUPLE, CR_FALSE, CR_HASH_KEY, CR_NONE, CR_NOTIMPLEMENTED,
  CR_PARKING_BUCKETS, CR_PARKING_LOT, CR_SMALL_INTS, CR_TRUE, CR_TYPES, SMALL_INT_COUNT,
  TY_BOOL, TY_BYTES, TY_DICT, TY_ELLIPSIS, TY_FLOAT, TY_FROZENSET, TY_INT, TY_LIST, TY_NONE,
  TY_NOTIMPLEMENTED, TY_OBJECT, TY_SET, TY_STR, TY_TUPLE, TY_TYPE, TYPE_TABLE_SLOTS, WAITER_SIZE,
} from './layout.js';
import { type HashKey, hashKeyFromWords } from './numeric/hash-secret.js';
import { PyExc } from './numeric/errors.js';

/** Nested reprs (and nested comparisons) allowed before RecursionError (CPython's
 *  default recursion limit is 1000 frames; a repr nests one C call per level). */
export const REPR_DEPTH_LIMIT = 1000;

/** Comparison operators, numbered as CPython's Py_LT..Py_GE. */
export const Py_LT = 0;
export const Py_LE = 1;
export const Py_EQ = 2;
export const Py_NE = 3;
export const Py_GT = 4;
export const Py_GE = 5;
export type CompareOp = 0 | 1 | 2 | 3 | 4 | 5;

/** Returned by a richcompare behaviour that does not handle the operand types. */
export const NOT_IMPLEMENTED = Symbol('NotImplemented');

/** JS behaviour of a type, for this thread. Every entry is optional. */
export interface TypeBehaviour {
  /** Python-visible name (as tp_name). */
  readonly name: string;
  /** Releases what the object owns and frees its block (registered with refcount). */
  readonly dealloc?: Deallocator;
  /** repr(obj) as a JS string (a cache of what a heap str would hold). */
  readonly repr?: (ctx: ObjContext, obj: number) => string | PyExc;
  /** hash(obj) as a (lo, hi) pair into out[off], out[off + 1]; null or the error. */
  readonly hash?: (ctx: ObjContext, obj: number, out: Uint32Array, off: number) => PyExc | null;
  /** tp_richcompare: a < b etc. for `a` of this type. */
  readonly richcompare?: (ctx: ObjContext, a: number, b: number, op: CompareOp) => boolean | PyExc | typeof NOT_IMPLEMENTED;
}

export class ObjContext implements ThreadHost {
  readonly heap: ThreadHeap;
  readonly rc: ThreadContext;
  /** Offset of the runtime block (layout.ts CR_*). */
  readonly rt: number;
  readonly lotBase: number;
  readonly lotMask: number;
  readonly waiter: number;
  readonly lockStats: LockStats = { parks: 0, handoffsReceived: 0, handoffsGiven: 0 };
  readonly cs = new CriticalSectionStack();
  readonly hashKey: HashKey;

  // Static types (offsets of the type objects).
  readonly types: Uint32Array;
  readonly tType: number; readonly tObject: number; readonly tInt: number; readonly tBool: number;
  readonly tFloat: number; readonly tBytes: number; readonly tTuple: number; readonly tList: number;
  readonly tStr: number; readonly tDict: number; readonly tSet: number; readonly tFrozenset: number;
  readonly tNone: number; readonly tEllipsis: number; readonly tNotImplemented: number;

  // Immortal singletons.
  readonly None: number; readonly True: number; readonly False: number;
  readonly Ellipsis: number; readonly NotImplemented: number;
  readonly emptyTuple: number; readonly emptyBytes: number;
  /** Small ints −5..256: smallInts[v + 5]. */
  readonly smallInts: Uint32Array;

  private readonly behaviours = new Map<number, TypeBehaviour>();
  /** Scratch (lo, hi) pairs for hashes computed on the way (item hashes). */
  readonly hashScratch = new Uint32Array(8);
  /** Objects whose repr is being computed on this thread (Py_ReprEnter). */
  readonly reprActive = new Set<number>();

  /** Use startCollections / joinCollections (setup.ts). */
  constructor(heap: ThreadHeap, rc: ThreadContext, rt: number) {
    this.heap = heap;
    this.rc = rc;
    this.rt = rt;
    heap.ensure(rt + 256);
    const u32 = heap.u32;
    const w = rt >>> 2;
    this.hashKey = hashKeyFromWords(
      u32[w + (CR_HASH_KEY >>> 2)]!, u32[w + (CR_HASH_KEY >>> 2) + 1]!,
      u32[w + (CR_HASH_KEY >>> 2) + 2]!, u32[w + (CR_HASH_KEY >>> 2) + 3]!,
    );
    this.lotBase = u32[w + (CR_PARKING_LOT >>> 2)]!;
    this.lotMask = u32[w + (CR_PARKING_BUCKETS >>> 2)]! - 1;
    this.types = new Uint32Array(TYPE_TABLE_SLOTS);
    for (let i = 0; i < TYPE_TABLE_SLOTS; i++) this.types[i] = u32[w + (CR_TYPES >>> 2) + i]!;
    const t = this.types;
    this.tType = t[TY_TYPE]!; this.tObject = t[TY_OBJECT]!; this.tInt = t[TY_INT]!; this.tBool = t[TY_BOOL]!;
    this.tFloat = t[TY_FLOAT]!; this.tBytes = t[TY_BYTES]!; this.tTuple = t[TY_TUPLE]!; this.tList = t[TY_LIST]!;
    this.tStr = t[TY_STR]!; this.tDict = t[TY_DICT]!; this.tSet = t[TY_SET]!; this.tFrozenset = t[TY_FROZENSET]!;
    this.tNone = t[TY_NONE]!; this.tEllipsis = t[TY_ELLIPSIS]!; this.tNotImplemented = t[TY_NOTIMPLEMENTED]!;
    this.None = u32[w + (CR_NONE >>> 2)]!;
    this.True = u32[w + (CR_TRUE >>> 2)]!;
    this.False = u32[w + (CR_FALSE >>> 2)]!;
    this.Ellipsis = u32[w + (CR_ELLIPSIS >>> 2)]!;
    this.NotImplemented = u32[w + (CR_NOTIMPLEMENTED >>> 2)]!;
    this.emptyTuple = u32[w + (CR_EMPTY_TUPLE >>> 2)]!;
    this.emptyBytes = u32[w + (CR_EMPTY_BYTES >>> 2)]!;
    const si = u32[w + (CR_SMALL_INTS >>> 2)]!;
    heap.ensure(si + 4 * SMALL_INT_COUNT);
    this.smallInts = heap.u32.slice(si >>> 2, (si >>> 2) + SMALL_INT_COUNT);
    // This thread's parking-lot wait node (freed by exit()).
    const node = heap.malloc(WAITER_SIZE, 0);
    if (node === 0) throw new RangeError('@pynogil/collections: heap exhausted creating a thread context');
    heap.u8.fill(0, node, node + WAITER_SIZE);
    this.waiter = node;
  }

  // ------------------------------------------------------------ type registry

  /** Registers this thread's behaviour for the type object `type` (and its
   *  deallocator with refcount). Later registrations replace earlier ones. */
  registerType(type: number, b: TypeBehaviour): void {
    this.behaviours.set(type, b);
    if (b.dealloc) this.rc.registerDeallocator(type, b.dealloc);
  }

  behaviourOf(type: number): TypeBehaviour | undefined {
    return this.behaviours.get(type);
  }

  /** ob_type of `obj`. */
  typeOf(obj: number): number {
    this.heap.ensure(obj);
    return this.heap.u32[(obj + OB_TYPE) >>> 2]!;
  }

  typeName(obj: number): string {
    return this.behaviours.get(this.typeOf(obj))?.name ?? '?';
  }

  /** hash(obj) into out[off..off+1]; TypeError for unhashable / unknown types. */
  hashOf(obj: number, out: Uint32Array, off: number): PyExc | null {
    const b = this.behaviours.get(this.typeOf(obj));
    if (b?.hash === undefined) return new PyExc('TypeError', `unhashable type: '${b?.name ?? '?'}'`);
    return b.hash(this, obj, out, off);
  }

  /** Nesting of reprOf / richCompareBool calls on this thread (what
   *  Py_EnterRecursiveCall counts in CPython). */
  private reprDepth = 0;
  private compareDepth = 0;

  /** repr(obj) as a JS string; RecursionError past REPR_DEPTH_LIMIT nested reprs
   *  (CPython's message), never a JS stack overflow. */
  reprOf(obj: number): string | PyExc {
    const b = this.behaviours.get(this.typeOf(obj));
    if (b?.repr === undefined) return `<${b?.name ?? '?'} object at 0x${obj.toString(16)}>`;
    if (this.reprDepth >= REPR_DEPTH_LIMIT) {
      return new PyExc('RecursionError', 'maximum recursion depth exceeded while getting the repr of an object');
    }
    this.reprDepth++;
    try {
      return b.repr(this, obj);
    } finally {
      this.reprDepth--;
    }
  }

  /** PyObject_RichCompareBool: identity implies equality for == and != (as
   *  CPython's containers do); then a's richcompare, then b's reflected one; for
   *  == / != without an answer, identity; else TypeError. */
  richCompareBool(a: number, b: number, op: CompareOp): boolean | PyExc {
    if (a === b) {
      if (op === Py_EQ) return true;
      if (op === Py_NE) return false;
    }
    const ba = this.behaviours.get(this.typeOf(a));
    const bb = this.behaviours.get(this.typeOf(b));
    if (this.compareDepth >= REPR_DEPTH_LIMIT) return new PyExc('RecursionError', 'maximum recursion depth exceeded in comparison');
    this.compareDepth++;
    try {
      if (ba?.richcompare) {
        const r = ba.richcompare(this, a, b, op);
        if (r !== NOT_IMPLEMENTED) return r;
      }
      if (bb?.richcompare) {
        const r = bb.richcompare(this, b, a, SWAPPED_OP[op]!);
        if (r !== NOT_IMPLEMENTED) return r;
      }
    } finally {
      this.compareDepth--;
    }
    if (op === Py_EQ) return a === b;
    if (op === Py_NE) return a !== b;
    return new PyExc('TypeError',
      `'${OP_SYMBOL[op]}' not supported between instances of '${ba?.name ?? '?'}' and '${bb?.name ?? '?'}'`);
  }

  // ------------------------------------------------------------ refcounts

  incref(obj: number): void { this.rc.incref(obj); }
  decref(obj: number): void { this.rc.decref(obj); }

  /** Allocates an object block of `size` bytes owned by this thread with count 1
   *  (tag GC for containers the cycle collector must find); 0 when the heap is
   *  exhausted. The views cover the block on return. */
  newObject(size: number, type: number, gc = false): number {
    const p = this.rc.newObject(size, type, gc);
    if (p !== 0) this.heap.ensure(p + size);
    return p;
  }

  // ------------------------------------------------------------ threads

  /** Nesting depth of detach() calls: a thread that is already detached (waiting
   *  in the event loop, say) and then parks on a lock must not detach again. */
  private detachDepth = 0;

  /** The thread is about to block: suspend critical sections, detach from the
   *  refcount runtime. Nestable: only the outermost call detaches. Use this
   *  rather than rc.detach() on threads that use objects. */
  detach(): void {
    if (this.detachDepth++ !== 0) return;
    this.cs.suspendAll(this);
    this.rc.detach();
  }

  /** The thread woke up: attach (waits out a stop-the-world), resume the
   *  innermost critical section. Pairs with detach(). */
  attach(): void {
    if (--this.detachDepth !== 0) {
      if (this.detachDepth < 0) {
        this.detachDepth = 0;
        throw new Error('@pynogil/collections: attach without detach');
      }
      return;
    }
    this.rc.attach();
    this.cs.resumeTop(this);
  }

  /** True while detached through detach(). */
  get isDetached(): boolean { return this.detachDepth !== 0; }

  /** Py_BEGIN_CRITICAL_SECTION / _END on one or two objects. */
  begin(obj: number): void { this.cs.begin(this, obj); }
  begin2(a: number, b: number): void { this.cs.begin2(this, a, b); }
  end(): void { this.cs.end(this); }

  /** Thread exit: frees the wait node. Call before rc.exit() and heap.abandon(). */
  exit(): void {
    if (this.cs.depth !== 0) throw new Error('@pynogil/collections: thread exit inside a critical section');
    this.heap.free(this.waiter);
  }
}

/** The boolean for a three-way comparison result `c` (-1, 0, 1) under `op`. */
export function cmpResult(c: number, op: CompareOp): boolean {
  switch (op) {
    case Py_LT: return c < 0;
    case Py_LE: return c <= 0;
    case Py_EQ: return c === 0;
    case Py_NE: return c !== 0;
    case Py_GT: return c > 0;
    default: return c >= 0;
  }
}

/** op with its operands swapped (a < b  <=>  b > a). */
export const SWAPPED_OP: readonly CompareOp[] = [Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE];
export const OP_SYMBOL: readonly string[] = ['<', '<=', '==', '!=', '>', '>='];

/** A Python exception value for errors of this package (see numeric/errors.ts). */
export function memoryError(): PyExc {
  return new PyExc('MemoryError', '');
}
