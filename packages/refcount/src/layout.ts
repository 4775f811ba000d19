// The one definition of every shared-memory layout this package owns: the 16-byte
// object header (BRIEF.md section 2, binding for collections, interpreter and the C
// header), the bits of `ob_ref_shared` and `ob_gc_bits`, and the thread registry
// (runtime block + one slot per thread id) that lives in the shared heap.
//
// Everything here is data: other packages import the offsets, and `HEADER_FIELDS`
// / `cDefines()` let a script emit the same numbers as C `#define`s, so the C
// `Py_INCREF` and the TypeScript one can never disagree.
//
// Glossary
//   owner     the thread whose id is in `ob_tid`; only it writes `ob_ref_local`.
//   local     `ob_ref_local`, the owner's count (plain, non-atomic stores).
//   shared    `ob_ref_shared >> 2`, the count of every other thread (Atomics only).
//   merged    state 11: the two counts have been folded into `ob_ref_shared`,
//             `ob_ref_local == 0`, `ob_tid == 0`; from then on every thread uses
//             the atomic path.
//   true count  R = local + shared (the queued state holds one reference: see
//             docs/internals/refcount.md). An object is freed when R reaches 0.
//
// Invariants (checked by test/biased.model.test.ts after every step)
//   I1  ob_ref_local == IMMORTAL_LOCAL  =>  no refcount field is ever written again.
//   I2  ob_tid != 0 and the object is live  =>  ob_ref_local >= 1.
//   I3  state == MERGED  =>  ob_ref_local == 0 and ob_tid == 0.
//   I4  state == DEFAULT or MAYBE_WEAKREF  =>  shared count >= 0.
//   I5  the deallocator runs exactly once, by exactly one thread, when R == 0.

// ---------------------------------------------------------------------------
// Object header (16 bytes). Byte offsets from the object pointer.
// ---------------------------------------------------------------------------

/** +0 u16 owning thread id; 0 = none (merged or immortal). Written by the owner at
 *  creation and cleared (to 0) by whoever merges. Read by everyone. */
export const OB_TID = 0;
/** +2 u8 per-object lock byte (0 free, 1 locked, 2 parked, 3 both). CAS only;
 *  owned by @pynogil/collections. */
export const OB_MUTEX = 2;
/** +3 u8 gc bits (`GC_*` below). Written by the owner or with the world stopped;
 *  `setDeferred`/`setImmortal` write it before the object is shared. */
export const OB_GC_BITS = 3;
/** +4 u32 owner's count, plain stores by the owner only; IMMORTAL_LOCAL = immortal. */
export const OB_REF_LOCAL = 4;
/** +8 i32 other threads' count << 2 | state bits. Atomics only. */
export const OB_REF_SHARED = 8;
/** +12 u32 offset of the type object. Written once, at creation. */
export const OB_TYPE = 12;
/** +16 `ob_size` of variable-size objects (not used by this package). */
export const OB_SIZE = 16;
/** Size of the fixed header. */
export const HEADER_SIZE = 16;

/** `ob_ref_local` value of an immortal object. Also what a local count saturates to:
 *  incrementing 0xFFFFFFFE makes the object immortal (as in CPython). */
export const IMMORTAL_LOCAL = 0xffffffff;

// ---------------------------------------------------------------------------
// ob_ref_shared: count << REF_SHARED_SHIFT | state
// ---------------------------------------------------------------------------

export const REF_SHARED_SHIFT = 2;
/** One reference in `ob_ref_shared` units. */
export const REF_SHARED_ONE = 1 << REF_SHARED_SHIFT;
export const REF_SHARED_FLAG_MASK = 0b11;
/** 00: no flag. A non-owner decrement that finds the count at 0 queues the object. */
export const REF_DEFAULT = 0b00;
/** 01: the object may be referenced by a lock-free reader or a weak reference, so a
 *  shared count of 0 does not make `tryIncref` fail. */
export const REF_MAYBE_WEAKREF = 0b01;
/** 10: queued to the owner for merging; the queue entry holds one reference. */
export const REF_QUEUED = 0b10;
/** 11: merged; `ob_ref_shared >> 2` is the whole count. */
export const REF_MERGED = 0b11;

// ---------------------------------------------------------------------------
// ob_gc_bits (values follow CPython 3.13's _PyGC_BITS_*)
// ---------------------------------------------------------------------------

export const GC_TRACKED = 1 << 0;
export const GC_FINALIZED = 1 << 1;
export const GC_UNREACHABLE = 1 << 2;
export const GC_FROZEN = 1 << 3;
export const GC_SHARED = 1 << 4;
export const GC_SHARED_INLINE = 1 << 5;
/** Deferred reference counting: stack references (increfStack/decrefStack) are not
 *  counted, and the object holds one extra shared reference that only the cycle
 *  collector may drop. Until a collector exists such objects live until shutdown. */
export const GC_DEFERRED = 1 << 6;

/** The header as data: for the C header generator and for documentation. */
export interface HeaderField {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
  readonly ctype: string;
  readonly writer: string;
}

export const HEADER_FIELDS: readonly HeaderField[] = [
  { name: 'ob_tid', offset: OB_TID, size: 2, ctype: 'uint16_t', writer: 'owner; cleared at merge' },
  { name: 'ob_mutex', offset: OB_MUTEX, size: 1, ctype: 'uint8_t', writer: 'CAS' },
  { name: 'ob_gc_bits', offset: OB_GC_BITS, size: 1, ctype: 'uint8_t', writer: 'owner or stopped world' },
  { name: 'ob_ref_local', offset: OB_REF_LOCAL, size: 4, ctype: 'uint32_t', writer: 'owner only, plain stores' },
  { name: 'ob_ref_shared', offset: OB_REF_SHARED, size: 4, ctype: 'int32_t', writer: 'atomics only' },
  { name: 'ob_type', offset: OB_TYPE, size: 4, ctype: 'uint32_t', writer: 'at creation' },
];

/** Every constant a C `Py_INCREF`/`Py_DECREF` needs, by its C name. */
export const HEADER_CONSTANTS: Readonly<Record<string, number>> = {
  PYNOGIL_HEADER_SIZE: HEADER_SIZE,
  PYNOGIL_OB_TID: OB_TID,
  PYNOGIL_OB_MUTEX: OB_MUTEX,
  PYNOGIL_OB_GC_BITS: OB_GC_BITS,
  PYNOGIL_OB_REF_LOCAL: OB_REF_LOCAL,
  PYNOGIL_OB_REF_SHARED: OB_REF_SHARED,
  PYNOGIL_OB_TYPE: OB_TYPE,
  PYNOGIL_OB_SIZE: OB_SIZE,
  _Py_IMMORTAL_REFCNT_LOCAL: IMMORTAL_LOCAL,
  _Py_REF_SHARED_SHIFT: REF_SHARED_SHIFT,
  _Py_REF_SHARED_FLAG_MASK: REF_SHARED_FLAG_MASK,
  _Py_REF_MAYBE_WEAKREF: REF_MAYBE_WEAKREF,
  _Py_REF_QUEUED: REF_QUEUED,
  _Py_REF_MERGED: REF_MERGED,
  _PyGC_BITS_TRACKED: GC_TRACKED,
  _PyGC_BITS_FINALIZED: GC_FINALIZED,
  _PyGC_BITS_UNREACHABLE: GC_UNREACHABLE,
  _PyGC_BITS_FROZEN: GC_FROZEN,
  _PyGC_BITS_SHARED: GC_SHARED,
  _PyGC_BITS_SHARED_INLINE: GC_SHARED_INLINE,
  _PyGC_BITS_DEFERRED: GC_DEFERRED,
};

/** The header layout as C preprocessor text (used by extensions-abi's generator;
 *  `node packages/refcount/scripts/c-defines.mjs` prints it). */
export function cDefines(): string {
  const lines = ['/* Generated from @pynogil/refcount src/layout.ts — do not edit. */'];
  for (const f of HEADER_FIELDS) {
    lines.push(`/* +${f.offset} ${f.ctype} ${f.name}: ${f.writer} */`);
  }
  for (const [name, value] of Object.entries(HEADER_CONSTANTS)) {
    const text = value > 0x7fffffff ? `0x${value.toString(16).toUpperCase()}u` : String(value);
    lines.push(`#define ${name} ${text}`);
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// Thread registry: one runtime block in the heap (found through an allocator root
// slot), followed by one 64-byte slot per thread id. Slot i describes tid i + 1
// (tid 0 means "no thread"). All fields are i32 words; offsets are bytes from the
// block start. Slots are cache-line sized so a thread's hot words (eval breaker,
// QSBR read sequence) do not share a line with another thread's.
// ---------------------------------------------------------------------------

/** 'BRC1' — checked by attachRuntime. Written once at creation. */
export const RT_MAGIC = 0;
export const RT_MAGIC_VALUE = 0x31435242;
/** Number of slots (max thread id). Written once at creation. */
export const RT_CAPACITY = 4;
/** Registry lock: 0 free, 1 held. Guards handing out and returning thread ids,
 *  and is held by a stop-the-world requester for the whole stop (so the set of
 *  registered threads cannot change while the world is stopped). CAS; waiters
 *  Atomics.wait on it — detached, so that a stop never waits for them. */
export const RT_LOCK = 8;
/** Number of registered (non-FREE) slots. Under RT_LOCK. */
export const RT_LIVE_THREADS = 12;
/** Highest tid ever handed out: scans of the slots stop there. Under RT_LOCK. */
export const RT_TID_HIGH = 16;
/** 1 while a stop-the-world is requested or running. Written by the requester. */
export const RT_STW_REQUESTED = 20;
/** Wake-up sequence of the requester: bumped (Atomics.add) and notified by every
 *  thread that parks, detaches or exits while RT_STW_REQUESTED is 1. */
export const RT_STW_WAKE = 24;
/** Number of completed stops (statistics, tests). Written by the requester. */
export const RT_STW_COUNT = 28;
/** QSBR global write sequence (odd, advances by QSBR_INCR, wraps; compare with
 *  seqGeq). Atomics.add by any thread. */
export const RT_QSBR_WR_SEQ = 32;
/** QSBR cached minimum of every online read sequence; only moves forward (CAS). */
export const RT_QSBR_RD_SEQ = 36;
/** Treiber stack of deferred-free nodes abandoned by exited threads (0 = empty). */
export const RT_QSBR_ABANDONED = 40;
/** Total objects deallocated through this package (statistics). Atomics.add. */
export const RT_DEALLOC_COUNT = 44;
/** Total merge-queue pushes (statistics). Atomics.add. */
export const RT_QUEUE_COUNT = 48;
/** tid of the RT_LOCK holder, 0 for an unregistered thread (debugging). */
export const RT_LOCK_OWNER = 52;
/** Number of ZOMBIE slots (exited, id not reusable yet). Under RT_LOCK. */
export const RT_ZOMBIES = 56;
/** Size of the runtime block header; slots follow. */
export const RT_HEADER_SIZE = 64;

export const SLOT_SIZE = 64;
/** Thread state (`THREAD_*`). Futex word: attach waits on it while SUSPENDED.
 *  FREE->DETACHED at registration (registry lock), DETACHED<->ATTACHED by the thread,
 *  ATTACHED->SUSPENDED by the thread at a safe point, DETACHED->SUSPENDED by a
 *  stop-the-world requester, SUSPENDED->DETACHED by the requester at restart,
 *  DETACHED->ZOMBIE by the thread at exit, ZOMBIE->FREE by the reclaim walk (both
 *  under RT_LOCK). All transitions by CAS. */
export const SLOT_STATE = 0;
/** Eval-breaker word (`BREAKER_*` bits). Set by anyone with Atomics.or, cleared by
 *  the thread itself with Atomics.and. The safe point's fast path loads only this. */
export const SLOT_BREAKER = 4;
/** Merge queue head: 0 empty, QUEUE_CLOSED after exit, else the first node. Pushed
 *  by any thread (CAS), taken whole by the owner (exchange). */
export const SLOT_QUEUE = 8;
/** QSBR read sequence; QSBR_OFFLINE while detached. Written by the thread only. */
export const SLOT_QSBR_SEQ = 12;
/** Incremented each time this tid is handed out (debugging, tests). Registry lock. */
export const SLOT_GENERATION = 16;

export const THREAD_FREE = 0;
export const THREAD_ATTACHED = 1;
export const THREAD_DETACHED = 2;
export const THREAD_SUSPENDED = 3;
/** Exited; objects may still carry this id in `ob_tid`, so it is not handed out
 *  until a reclaim walk (thread-state.ts) has merged them. */
export const THREAD_ZOMBIE = 4;

/** A stop-the-world is requested: park at the next safe point. */
export const BREAKER_STOP = 1 << 0;
/** The merge queue is not empty. */
export const BREAKER_MERGE = 1 << 1;
/** Some thread waits for this one to report a QSBR quiescent state. */
export const BREAKER_QSBR_REPORT = 1 << 2;
/** This thread has deferred frees (or abandoned ones to adopt) to retry. */
export const BREAKER_QSBR_PENDING = 1 << 3;

/** Bits 0..7 of the eval breaker belong to this package; the embedder (the
 *  interpreter: signals, async exceptions, GC requests) may use bits 8..30 through
 *  ThreadContext.signalThread, and gets them back from safePoint(). */
export const BREAKER_REFCOUNT_MASK = 0xff;

/** Merge-queue head value of a thread that has exited: pushers merge themselves. */
export const QUEUE_CLOSED = 1;
/** Merge-queue node (8 bytes, tag raw): +0 next node, +4 object. */
export const QNODE_NEXT = 0;
export const QNODE_OBJ = 4;
export const QNODE_SIZE = 8;

/** Abandoned deferred-free node (12 bytes): +0 next, +4 block to free, +8 goal. */
export const DNODE_NEXT = 0;
export const DNODE_PTR = 4;
export const DNODE_GOAL = 8;
export const DNODE_SIZE = 12;

export const QSBR_OFFLINE = 0;
export const QSBR_INITIAL = 1;
export const QSBR_INCR = 2;

/** Largest number of thread slots (thread ids are u16, 0 reserved). */
export const MAX_THREADS = 0xffff;
