// ThreadContext: one thread's handle on the shared refcount runtime — the public
// face of this package. It owns the thread's id and views, and wires the pure
// state machine (biased.ts) to the merge queue, the deallocators, QSBR and
// stop-the-world. One ThreadContext per JS thread (Node main thread or worker);
// tests put several on one JS thread to simulate threads, attaching one at a time.
//
// Thread context in names: methods without suffix run on the calling thread for
// the calling thread; nothing here may be called for another thread.
//
// Life cycle:  ThreadContext.create / ThreadContext.join   (registered, ATTACHED)
//              … incref/decref/safePoint …, detach()/attach() around blocking
//              exit()                        (ZOMBIE; id reusable after a reclaim walk)

import {
  ACT_DEALLOC, ACT_NONE, ACT_QUEUE, type RefAction, decrefAs, decrefStackAs, increfAs,
  increfStackAs, initObject, isDeferred, isImmortal, mergeQueued, mergeZeroLocal, queueToOwner,
  refcountOf, setDeferred, setImmortal, setMaybeWeakref, tryIncrefAs,
} from './biased.js';
import { addSeqCst, andSeqCst, loadRelaxed, loadSeqCst, orSeqCst } from './atomics.js';
import { type HeapPort, RefCore } from './core.js';
import {
  BREAKER_MERGE, BREAKER_QSBR_PENDING, BREAKER_QSBR_REPORT, BREAKER_REFCOUNT_MASK,
  BREAKER_STOP, IMMORTAL_LOCAL,
  OB_REF_LOCAL, OB_TYPE,
  RT_DEALLOC_COUNT, RT_LIVE_THREADS, RT_QSBR_ABANDONED, RT_QUEUE_COUNT, SLOT_BREAKER, THREAD_ATTACHED,
} from './layout.js';
import { closeLocal, drainList, pushMt, takeAllLocal } from './merge-queue.js';
import {
  DeferredFrees, qsbrAbandon, qsbrAdopt, qsbrAdvance, qsbrPoll, qsbrQuiescent,
  qsbrRequestReports,
} from './qsbr.js';
import { createRuntime, openRuntime, type RuntimeInfo } from './runtime.js';
import { type ReclaimResult, reclaimZombiesLockHeld } from './reclaim.js';
import { parkForStop, stopCount, stopTheWorld } from './stop-the-world.js';
import {
  RefcountUsageError, attachThread, detachThread, lockRuntimeDetached, registerThread,
  retireThread, threadStateOf, tryLockRuntime, unlockRuntime,
} from './thread-state.js';

/** Frees an object whose count reached zero. Runs exactly once per object, on the
 *  thread that observed zero. It must release the object's references to others
 *  (decref) and give the block back (ctx.freeBlock). */
export type Deallocator = (ptr: number, ctx: ThreadContext) => void;

const TAG_OBJECT = 1 as const;
const TAG_GC = 2 as const;

export interface RefStats {
  /** Objects deallocated through this package, all threads. */
  deallocs: number;
  /** Merge-queue pushes, all threads. */
  queued: number;
  /** Completed stop-the-world pauses. */
  stops: number;
  /** Registered threads. */
  liveThreads: number;
  /** This thread's deferred frees still waiting for their QSBR goal. */
  pendingDeferredFrees: number;
}

export class ThreadContext extends RefCore {
  /** Word index of this thread's eval-breaker word. */
  private breakerW = 0;
  /** The id compared with `ob_tid` by the refcount paths: `tid` while registered,
   *  -1 otherwise, so that a context without an id (joining, exited) never takes
   *  the owner path on merged objects, whose `ob_tid` is 0. */
  private me = -1;
  private readonly deallocators = new Map<number, Deallocator>();
  private readonly deferred = new DeferredFrees();
  /** Full QSBR polls are rate-limited on the safe-point slow path. */
  private pollSkip = 0;
  private readonly pushToOwner = (owner: number, ptr: number): boolean => pushMt(this, owner, ptr);
  /** The deallocator of types without a registered one: frees the block. */
  defaultDeallocator: Deallocator = (ptr, ctx) => ctx.port.free(ptr);

  private constructor(port: HeapPort, info: RuntimeInfo) {
    super(port, info.rt, info.capacity);
  }

  /** Registers the calling thread in the runtime at `rt` and attaches it. */
  static join(port: HeapPort, rt: number): ThreadContext {
    const ctx = new ThreadContext(port, openRuntime(port, rt));
    let dead: number[] = [];
    registerThread(ctx, () => { dead = reclaimZombiesLockHeld(ctx).dead; });
    ctx.breakerW = ctx.slotWord(ctx.tid, SLOT_BREAKER);
    ctx.me = ctx.tid;
    ctx.attach();
    for (const p of dead) ctx.dealloc(p);
    return ctx;
  }

  /** Creates the runtime block for up to `maxThreads` threads in the heap behind
   *  `port` and joins it. Other threads call `join(port, ctx.rt)`. */
  static create(port: HeapPort, maxThreads = 128): ThreadContext {
    return ThreadContext.join(port, createRuntime(port, maxThreads));
  }

  // ---------------------------------------------------------------- refcounts

  // Fast paths: the immortal and owner branches of biased.ts increfAs/decrefAs,
  // written out here so that V8 inlines them into the caller, with no separate
  // check against the views' length (an offset past them reads `undefined`, which
  // is neither immortal nor ours, and lands in the slow path, which re-creates the
  // views first). Measured: ~2x faster than calling increfAs/decrefAs.
  // Every other transition goes through biased.ts, the one definition.

  /** Py_INCREF. */
  incref(ptr: number): void {
    const u32 = this.u32;
    const li = (ptr + OB_REF_LOCAL) >>> 2;
    const local = u32[li]!;
    if (local === IMMORTAL_LOCAL) return;
    if (this.u16[ptr >>> 1] === this.me) {
      u32[li] = local + 1;
      return;
    }
    this.increfSlow(ptr);
  }

  private increfSlow(ptr: number): void {
    this.ensure(ptr);
    increfAs(this, this.me, ptr);
  }

  /** Py_DECREF; may run a deallocator (here or, via the queue, on the owner). */
  decref(ptr: number): void {
    const u32 = this.u32;
    const li = (ptr + OB_REF_LOCAL) >>> 2;
    const local = u32[li]!;
    if (local === IMMORTAL_LOCAL) return;
    if (this.u16[ptr >>> 1] === this.me) {
      u32[li] = local - 1;
      if (local === 1) this.decrefZeroLocal(ptr);
      return;
    }
    this.decrefSlow(ptr);
  }

  private decrefZeroLocal(ptr: number): void {
    if (mergeZeroLocal(this, ptr) === ACT_DEALLOC) this.dealloc(ptr);
  }

  private decrefSlow(ptr: number): void {
    this.ensure(ptr);
    const a = decrefAs(this, this.me, ptr);
    if (a !== ACT_NONE) this.decrefAction(ptr, a);
  }

  /** Incref for lock-free readers: false if the object may be dead. On success the
   *  caller re-validates where it read `ptr` from (and decrefs on mismatch). */
  tryIncref(ptr: number): boolean {
    this.ensure(ptr);
    return tryIncrefAs(this, this.me, ptr);
  }

  /** Reference from an eval-loop stack: deferred objects are not counted. */
  increfStack(ptr: number): void {
    this.ensure(ptr);
    increfStackAs(this, this.me, ptr);
  }

  decrefStack(ptr: number): void {
    this.ensure(ptr);
    const a = decrefStackAs(this, this.me, ptr);
    if (a !== ACT_NONE) this.decrefAction(ptr, a);
  }

  private decrefAction(ptr: number, a: RefAction): void {
    if (a === ACT_QUEUE) a = queueToOwner(this, this.me, ptr, this.pushToOwner);
    if (a === ACT_DEALLOC) this.dealloc(ptr);
  }

  /** Runs the deallocator of `ptr`'s type. Exactly once per object (biased.ts). */
  private dealloc(ptr: number): void {
    addSeqCst(this.i32, this.rtWord(RT_DEALLOC_COUNT), 1);
    const type = this.u32[(ptr + OB_TYPE) >>> 2]!;
    const fn = this.deallocators.get(type) ?? this.defaultDeallocator;
    fn(ptr, this);
  }

  /** Allocates and initialises an object: owned by this thread, count 1. */
  newObject(size: number, type: number, gc = false): number {
    if (this.me < 0) throw new RefcountUsageError('newObject on a thread that is not registered');
    const ptr = this.port.malloc(size, gc ? TAG_GC : TAG_OBJECT);
    if (ptr === 0) return 0;
    this.ensure(ptr);
    initObject(this, this.me, ptr, type);
    return ptr;
  }

  /** Initialises a header in a block this thread allocated (tag OBJECT or GC). */
  initObject(ptr: number, type: number): void {
    if (this.me < 0) throw new RefcountUsageError('initObject on a thread that is not registered');
    this.ensure(ptr);
    initObject(this, this.me, ptr, type);
  }

  /** Gives a block back to the allocator (for deallocators). */
  freeBlock(ptr: number): void {
    this.port.free(ptr);
  }

  /** Per-type deallocator for this thread (each thread registers its own: functions
   *  cannot be shared between workers). */
  registerDeallocator(type: number, fn: Deallocator): void {
    this.deallocators.set(type, fn);
  }

  setImmortal(ptr: number): void { this.ensure(ptr); setImmortal(this, ptr); }
  isImmortal(ptr: number): boolean { this.ensure(ptr); return isImmortal(this, ptr); }
  setDeferred(ptr: number): void { this.ensure(ptr); setDeferred(this, ptr); }
  isDeferred(ptr: number): boolean { this.ensure(ptr); return isDeferred(this, ptr); }
  setMaybeWeakref(ptr: number): void { this.ensure(ptr); setMaybeWeakref(this, ptr); }
  refcount(ptr: number): number { this.ensure(ptr); return refcountOf(this, ptr); }

  // ---------------------------------------------------------------- safe points

  /** Called by the eval loop on backward jumps and calls: one load when nothing is
   *  pending. Otherwise merges queued objects, reports a QSBR quiescent state,
   *  runs ready deferred frees, and parks for a stop-the-world. Returns the
   *  embedder's pending breaker bits (see signalThread), 0 if none. */
  safePoint(): number {
    return loadRelaxed(this.i32, this.breakerW) === 0 ? 0 : this.safePointSlow();
  }

  /** Returns the embedder's breaker bits (8..30) that are set; it clears them
   *  itself with clearBreakerBits once handled. */
  private safePointSlow(): number {
    const bits = loadSeqCst(this.i32, this.breakerW);
    if ((bits & BREAKER_STOP) !== 0) {
      andSeqCst(this.i32, this.breakerW, ~BREAKER_STOP);
      if (!this.inStop) parkForStop(this);
    }
    if ((bits & BREAKER_MERGE) !== 0) {
      // Clear before taking: a push after the take sets the bit again.
      andSeqCst(this.i32, this.breakerW, ~BREAKER_MERGE);
      this.mergePending();
    }
    if ((bits & (BREAKER_QSBR_REPORT | BREAKER_QSBR_PENDING)) !== 0) {
      andSeqCst(this.i32, this.breakerW, ~BREAKER_QSBR_REPORT);
      qsbrQuiescent(this);
      if ((bits & BREAKER_QSBR_PENDING) !== 0) this.processDeferred(false);
    }
    return bits & ~BREAKER_REFCOUNT_MASK;
  }

  /** Sets embedder bits (within ~BREAKER_REFCOUNT_MASK) in thread `tid`'s eval
   *  breaker: its next safePoint() returns them. Any thread. */
  signalThread(tid: number, bits: number): void {
    if ((bits & BREAKER_REFCOUNT_MASK) !== 0 || tid < 1 || tid > this.capacity) {
      throw new RefcountUsageError('signalThread: bits 0..7 are reserved, or bad thread id');
    }
    orSeqCst(this.i32, this.slotWord(tid, SLOT_BREAKER), bits);
  }

  /** Clears embedder bits of this thread's eval breaker (after handling them). */
  clearBreakerBits(bits: number): void {
    andSeqCst(this.i32, this.breakerW, ~(bits & ~BREAKER_REFCOUNT_MASK));
  }

  /** Processes this thread's merge queue now (also done by safePoint). */
  mergePending(): void {
    drainList(this, takeAllLocal(this), (obj) => {
      this.ensure(obj);
      if (mergeQueued(this, obj) === ACT_DEALLOC) this.dealloc(obj);
    });
  }

  // ---------------------------------------------------------------- QSBR

  /** Frees `ptr` once every thread has passed a quiescent state: for memory a
   *  lock-free reader may still be reading (old item arrays, old key tables). */
  qsbrDeferFree(ptr: number): void {
    this.deferred.push(ptr, qsbrAdvance(this));
    this.setOwnBreaker(BREAKER_QSBR_PENDING);
    if (this.deferred.length >= 256) this.processDeferred(true);
  }

  /** Advances the write sequence: the goal for memory retired now. */
  qsbrAdvance(): number { return qsbrAdvance(this); }

  /** True once every online thread has passed `goal` (asks laggards to report). */
  qsbrPoll(goal: number): boolean {
    if (qsbrPoll(this, goal)) return true;
    qsbrRequestReports(this, goal);
    return false;
  }

  /** Reports a quiescent state now (safe points do it when asked). */
  qsbrQuiescent(): void { qsbrQuiescent(this); }

  /** The allocator's page reuse gate, backed by QSBR (install it on this thread's
   *  heap): a retired page may be re-cut once every thread has passed its goal. */
  reuseGate(): { retireGoal(): number; isReached(goal: number): boolean } {
    return {
      retireGoal: () => qsbrAdvance(this),
      isReached: (goal: number) => this.qsbrPoll(goal),
    };
  }

  private processDeferred(force: boolean): void {
    qsbrAdopt(this, this.deferred);
    if (this.deferred.length === 0) {
      andSeqCst(this.i32, this.breakerW, ~BREAKER_QSBR_PENDING);
      return;
    }
    // Full polls scan every slot: on the safe-point path do one in 16.
    if (!force && (this.pollSkip++ & 15) !== 0) return;
    qsbrQuiescent(this);
    this.deferred.process(this, (p) => this.port.free(p));
    const oldest = this.deferred.oldestGoal();
    if (oldest === undefined) andSeqCst(this.i32, this.breakerW, ~BREAKER_QSBR_PENDING);
    else qsbrRequestReports(this, oldest);
  }

  private setOwnBreaker(bit: number): void {
    if ((loadSeqCst(this.i32, this.breakerW) & bit) === 0) orSeqCst(this.i32, this.breakerW, bit);
  }

  // ---------------------------------------------------------------- threads

  /** Before blocking (lock, sleep, join, I/O): stop-the-world will not wait for
   *  this thread, and it is QSBR-offline. */
  detach(): void { detachThread(this); }

  /** After blocking. Waits while a stop-the-world is in progress. */
  attach(): void {
    attachThread(this);
    // Deferred frees abandoned by exited threads while everyone was detached.
    if (loadSeqCst(this.i32, this.rtWord(RT_QSBR_ABANDONED)) !== 0) this.setOwnBreaker(BREAKER_QSBR_PENDING);
  }

  /** Runs `fn` with every other thread parked. */
  stopTheWorld<T>(fn: () => T): T { return stopTheWorld(this, fn); }

  /** Leaves the runtime: drains and closes the merge queue, hands its unfinished
   *  deferred frees over, and retires the thread id. Its objects stay valid: they
   *  keep its id until someone merges them (a thread whose decrement would queue
   *  one, or the reclaim walk before the id is reused). Blocks while a
   *  stop-the-world is in progress. Then call the allocator's `abandon()`. */
  exit(): void {
    if (this.tid === 0) throw new RefcountUsageError('exit of a thread that is not registered');
    if (threadStateOf(this, this.tid) !== THREAD_ATTACHED) this.attach(); // DETACHED, or SUSPENDED by a stop
    this.safePoint();
    this.mergePending();
    // From the close on, other threads merge our objects themselves when they find
    // them (mergeOrphan reads ob_ref_local), so this thread must stop writing
    // local counts: it acts as a non-owner for the rest of its life, including in
    // deallocators run by the drain below.
    this.me = -1;
    drainList(this, closeLocal(this), (obj) => {
      this.ensure(obj);
      if (mergeQueued(this, obj) === ACT_DEALLOC) this.dealloc(obj);
    });
    this.processDeferred(true);
    if (this.deferred.length > 0) qsbrAbandon(this, this.deferred);
    this.detach();
    retireThread(this);
  }

  /** Merges the objects of exited threads and makes their ids reusable now (one
   *  stop-the-world and one walk of the object pages). Returns how many ids. */
  reclaimThreadIds(): number {
    if (!tryLockRuntime(this)) {
      this.detach();
      lockRuntimeDetached(this);
      this.attach();
    }
    let r: ReclaimResult;
    try {
      r = reclaimZombiesLockHeld(this);
    } finally {
      unlockRuntime(this);
    }
    for (const p of r.dead) this.dealloc(p);
    return r.ids;
  }

  // ---------------------------------------------------------------- misc

  stats(): RefStats {
    return {
      deallocs: loadSeqCst(this.i32, this.rtWord(RT_DEALLOC_COUNT)),
      queued: loadSeqCst(this.i32, this.rtWord(RT_QUEUE_COUNT)),
      stops: stopCount(this),
      liveThreads: loadSeqCst(this.i32, this.rtWord(RT_LIVE_THREADS)),
      pendingDeferredFrees: this.deferred.length,
    };
  }
}
