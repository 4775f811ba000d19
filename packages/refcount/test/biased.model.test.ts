// Model-based tests of the biased-refcount state machine (src/biased.ts): random
// sequences of incref / decref / hand-over / try-incref / queue merge / thread exit /
// tid reuse from 3 simulated threads (different tids in one JS thread) are checked
// against a model of who holds which reference. After every step the header must
// satisfy local + shared - (pending queue entries) == references held, and at the
// end every object must have been deallocated exactly once, never while referenced.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACT_DEALLOC, ACT_NONE, ACT_QUEUE, decrefAs, decrefStackAs, explicitMerge, increfAs,
  increfStackAs, initObject, mergeIfOwned, mergeOrphan, mergeQueued, queueToOwner, setDeferred,
  setImmortal, setMaybeWeakref, tryIncrefAs, refcountOf,
  IMMORTAL_LOCAL, OB_REF_LOCAL, OB_REF_SHARED, REF_MERGED, REF_SHARED_FLAG_MASK,
  REF_SHARED_SHIFT, REF_QUEUED,
  type HeapViews, type RefAction,
} from '@pynogil/refcount';

function views(bytes: number): HeapViews {
  const sab = new SharedArrayBuffer(bytes);
  return { u8: new Uint8Array(sab), u16: new Uint16Array(sab), u32: new Uint32Array(sab), i32: new Int32Array(sab) };
}

const NTHREADS = 3;
const MAXOBJ = 6;
const objPtr = (o: number) => 64 + 16 * o;

type Op =
  | { k: 'create'; t: number }
  | { k: 'incref'; t: number; o: number }
  | { k: 'decref'; t: number; o: number }
  | { k: 'give'; t: number; t2: number; o: number }
  | { k: 'try'; t: number; o: number }
  | { k: 'weak'; t: number; o: number }
  | { k: 'merge'; t: number }
  | { k: 'exit'; t: number }
  | { k: 'reclaim'; t: number }
  | { k: 'spawn'; t: number };

const tArb = fc.integer({ min: 1, max: NTHREADS });
const oArb = fc.integer({ min: 0, max: MAXOBJ - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ k: fc.constant('create' as const), t: tArb }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('incref' as const), t: tArb, o: oArb }) },
  { weight: 6, arbitrary: fc.record({ k: fc.constant('decref' as const), t: tArb, o: oArb }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('give' as const), t: tArb, t2: tArb, o: oArb }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('try' as const), t: tArb, o: oArb }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('weak' as const), t: tArb, o: oArb }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('merge' as const), t: tArb }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('exit' as const), t: fc.integer({ min: 2, max: NTHREADS }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('reclaim' as const), t: tArb }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('spawn' as const), t: tArb }) },
);

/** The simulated world: what the runtime (thread.ts) does around the pure functions. */
class World {
  v = views(64 + 16 * MAXOBJ);
  alive = [false, true, true, true];
  /** Exited, id not reusable until a reclaim walk. */
  zombie = [false, false, false, false];
  queues: (number[] | 'closed')[] = [[], [], [], []];
  held: number[][] = Array.from({ length: NTHREADS + 1 }, () => new Array<number>(MAXOBJ).fill(0));
  created = 0;
  deallocs = new Array<number>(MAXOBJ).fill(0);

  heldTotal(o: number): number {
    let n = 0;
    for (let t = 1; t <= NTHREADS; t++) n += this.held[t]![o]!;
    return n;
  }
  pending(o: number): number {
    let n = 0;
    for (const q of this.queues) if (q !== 'closed') for (const p of q) if (p === objPtr(o)) n++;
    return n;
  }
  dealloc(o: number): void {
    expect(this.heldTotal(o), `dealloc of #${o} while referenced`).toBe(0);
    expect(this.pending(o), `dealloc of #${o} while queued`).toBe(0);
    this.deallocs[o]!++;
    expect(this.deallocs[o], `double dealloc of #${o}`).toBe(1);
  }
  act(t: number, o: number, a: RefAction): void {
    if (a === ACT_QUEUE) {
      a = queueToOwner(this.v, t, objPtr(o), (owner, ptr) => {
        const q = this.queues[owner]!;
        if (q === 'closed') return false;
        q.push(ptr);
        return true;
      });
      expect(a).not.toBe(ACT_QUEUE);
    }
    if (a === ACT_DEALLOC) this.dealloc(o);
  }
  drain(t: number): void {
    const q = this.queues[t]!;
    if (q === 'closed') return;
    while (q.length > 0) {
      const ptr = q.shift()!;
      const o = (ptr - 64) / 16;
      if (mergeQueued(this.v, ptr) === ACT_DEALLOC) this.dealloc(o);
    }
  }
  run(op: Op): void {
    const { t } = op;
    switch (op.k) {
      case 'create':
        if (!this.alive[t] || this.created >= MAXOBJ) return;
        initObject(this.v, t, objPtr(this.created), 0x1000);
        this.held[t]![this.created++] = 1;
        return;
      case 'incref':
        if (!this.alive[t] || this.held[t]![op.o]! === 0) return;
        increfAs(this.v, t, objPtr(op.o));
        this.held[t]![op.o]!++;
        return;
      case 'decref':
        if (!this.alive[t] || this.held[t]![op.o]! === 0) return;
        this.held[t]![op.o]!--;
        this.act(t, op.o, decrefAs(this.v, t, objPtr(op.o)));
        return;
      case 'give':
        if (!this.alive[t] || !this.alive[op.t2] || this.held[t]![op.o]! === 0) return;
        this.held[t]![op.o]!--;
        this.held[op.t2]![op.o]!++;
        return;
      case 'try': {
        if (!this.alive[t] || op.o >= this.created) return;
        const dead = this.deallocs[op.o]! > 0;
        const ok = tryIncrefAs(this.v, t, objPtr(op.o));
        if (dead) expect(ok, 'tryIncref succeeded on a dead object').toBe(false);
        if (ok) this.held[t]![op.o]!++;
        return;
      }
      case 'weak':
        if (!this.alive[t] || this.held[t]![op.o]! === 0) return;
        setMaybeWeakref(this.v, objPtr(op.o));
        return;
      case 'merge':
        if (this.alive[t]) this.drain(t);
        return;
      case 'exit': {
        if (!this.alive[t]) return;
        // Same order as ThreadContext.exit: drain and close the queue, hand its
        // references to thread 1 (which never exits); its objects keep its id.
        this.drain(t);
        this.queues[t] = 'closed';
        this.alive[t] = false;
        this.zombie[t] = true;
        for (let o = 0; o < MAXOBJ; o++) {
          this.held[1]![o]! += this.held[t]![o]!;
          this.held[t]![o] = 0;
        }
        return;
      }
      case 'reclaim':
        // reclaim.ts with the world stopped: merge objects of zombie owners.
        for (let o = 0; o < this.created; o++) {
          if (this.deallocs[o]! > 0) continue;
          const owner = this.v.u16[objPtr(o) >>> 1]!;
          if (owner !== 0 && this.zombie[owner] && mergeIfOwned(this.v, owner, objPtr(o)) === ACT_DEALLOC) this.dealloc(o);
        }
        this.zombie.fill(false);
        return;
      case 'spawn':
        if (this.alive[t] || this.zombie[t]) return;
        this.alive[t] = true; // the tid is reused
        this.queues[t] = [];
        return;
    }
  }
  check(): void {
    const { v } = this;
    for (let o = 0; o < this.created; o++) {
      if (this.deallocs[o]! > 0) continue;
      const p = objPtr(o);
      const tid = v.u16[p >>> 1]!;
      const local = v.u32[(p + OB_REF_LOCAL) >>> 2]!;
      const shared = v.i32[(p + OB_REF_SHARED) >>> 2]!;
      const state = shared & REF_SHARED_FLAG_MASK;
      if (state === REF_MERGED) { expect(local).toBe(0); expect(tid).toBe(0); }
      if (tid !== 0) { expect(local).toBeGreaterThanOrEqual(1); expect(this.alive[tid] || this.zombie[tid]).toBe(true); }
      if (state < REF_QUEUED) expect(shared >> REF_SHARED_SHIFT).toBeGreaterThanOrEqual(0);
      expect(local + (shared >> REF_SHARED_SHIFT) - this.pending(o), `count of #${o}`).toBe(this.heldTotal(o));
    }
  }
  finish(): void {
    for (let t = 1; t <= NTHREADS; t++) {
      if (!this.alive[t]) continue;
      for (let o = 0; o < MAXOBJ; o++) {
        while (this.held[t]![o]! > 0) this.run({ k: 'decref', t, o });
      }
    }
    for (let round = 0; round < 3; round++) for (let t = 1; t <= NTHREADS; t++) if (this.alive[t]) this.drain(t);
    for (let o = 0; o < this.created; o++) expect(this.deallocs[o], `#${o} deallocations`).toBe(1);
  }
}

describe('biased reference counting state machine (model-based)', () => {
  it('every interleaving of 3 simulated threads ends with exactly one deallocation per object', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 120 }), (ops) => {
        const w = new World();
        for (const op of ops) { w.run(op); w.check(); }
        w.finish();
      }),
      { numRuns: 3000 },
    );
  });

  it('the model catches a wrong state machine (mutation check)', () => {
    // A naive non-owner decrement (Atomics.sub below zero instead of queueing)
    // keeps the total right but breaks I4, and the owner would never see 0.
    const w = new World();
    w.run({ k: 'create', t: 1 });
    w.run({ k: 'incref', t: 1, o: 0 });
    w.run({ k: 'give', t: 1, t2: 2, o: 0 });
    w.v.i32[(objPtr(0) + OB_REF_SHARED) >>> 2] = -4;
    w.held[2]![0] = 0;
    expect(() => w.check()).toThrow(/greater than or equal/);
    w.run({ k: 'decref', t: 1, o: 0 });
    w.run({ k: 'decref', t: 1, o: 0 });
    expect(() => w.finish()).toThrow(/deallocations/);
  });

  it('objects of an exited owner are merged by the thread that finds them', () => {
    const w = new World();
    w.run({ k: 'create', t: 2 });
    w.run({ k: 'incref', t: 2, o: 0 });
    w.run({ k: 'give', t: 2, t2: 3, o: 0 });
    w.run({ k: 'decref', t: 3, o: 0 }); // shared at 0: queued to thread 2
    expect(w.pending(0)).toBe(1);
    w.run({ k: 'exit', t: 2 }); // drains: merged, count 1 (held by thread 1 now)
    expect(w.v.u16[objPtr(0) >>> 1]).toBe(0);
    w.run({ k: 'decref', t: 1, o: 0 });
    expect(w.deallocs[0]).toBe(1);
    // An object left owned by a zombie: the first thread whose decrement queues it
    // claims it and merges it (the queue is closed).
    w.run({ k: 'create', t: 3 });
    w.run({ k: 'incref', t: 3, o: 1 });
    w.run({ k: 'give', t: 3, t2: 1, o: 1 });
    w.run({ k: 'exit', t: 3 });
    expect(w.v.u16[objPtr(1) >>> 1]).toBe(3);
    w.run({ k: 'decref', t: 1, o: 1 }); // shared 0 -> queue -> closed -> mergeOrphan
    expect(w.v.u16[objPtr(1) >>> 1]).toBe(0);
    expect(w.deallocs[1]).toBe(0);
    w.run({ k: 'decref', t: 1, o: 1 });
    expect(w.deallocs[1]).toBe(1);
  });

  it('only one of several finders of an orphan merges it', () => {
    const v = views(256);
    initObject(v, 5, 64, 0); // owner 5 has exited
    increfAs(v, 5, 64);
    increfAs(v, 5, 64); // local 3, held by threads 1, 2 and 3
    expect(decrefAs(v, 1, 64)).toBe(ACT_QUEUE); // shared was 0
    expect(mergeOrphan(v, 1, 64, 5)).toBe(ACT_NONE); // claims, merges: 2 left
    expect(mergeOrphan(v, 2, 64, 5)).toBe(ACT_NONE); // a late finder: plain decrement
    expect(refcountOf(v, 64)).toBe(1);
    expect(decrefAs(v, 3, 64)).toBe(ACT_DEALLOC);
  });

  it('explicitMerge adds the extra reference and marks MERGED', () => {
    const v = views(256);
    initObject(v, 1, 64, 0);
    increfAs(v, 1, 64);
    increfAs(v, 2, 64);
    expect(refcountOf(v, 64)).toBe(3);
    expect(explicitMerge(v, 64, -1)).toBe(2);
    expect(v.i32[(64 + OB_REF_SHARED) >>> 2]).toBe((2 << REF_SHARED_SHIFT) | REF_MERGED);
    expect(decrefAs(v, 1, 64)).toBe(ACT_NONE); // tid 1 is no longer the owner
    expect(decrefAs(v, 2, 64)).toBe(ACT_DEALLOC);
    expect(tryIncrefAs(v, 1, 64)).toBe(false);
  });
});

describe('immortal and deferred objects', () => {
  it('immortal objects see no refcount write from any thread', () => {
    const v = views(256);
    initObject(v, 1, 64, 7);
    setImmortal(v, 64);
    const before = v.u8.slice(64, 80);
    for (let t = 0; t < 4; t++) {
      increfAs(v, t, 64);
      expect(decrefAs(v, t, 64)).toBe(ACT_NONE);
      expect(decrefAs(v, t, 64)).toBe(ACT_NONE);
      expect(tryIncrefAs(v, t, 64)).toBe(true);
      setMaybeWeakref(v, 64);
    }
    expect(v.u8.slice(64, 80)).toEqual(before);
    expect(refcountOf(v, 64)).toBe(IMMORTAL_LOCAL);
  });

  it('local count saturates into immortality', () => {
    const v = views(256);
    initObject(v, 1, 64, 7);
    v.u32[(64 + OB_REF_LOCAL) >>> 2] = 0xfffffffe;
    increfAs(v, 1, 64);
    expect(v.u32[(64 + OB_REF_LOCAL) >>> 2]).toBe(IMMORTAL_LOCAL);
    expect(decrefAs(v, 1, 64)).toBe(ACT_NONE);
  });

  it('deferred objects: stack references are uncounted and refcounting never frees them', () => {
    const v = views(256);
    initObject(v, 1, 64, 7);
    setDeferred(v, 64);
    setDeferred(v, 64); // idempotent
    const before = v.u8.slice(64, 80);
    for (let t = 1; t <= 3; t++) { increfStackAs(v, t, 64); expect(decrefStackAs(v, t, 64)).toBe(ACT_NONE); }
    expect(v.u8.slice(64, 80)).toEqual(before);
    increfAs(v, 2, 64);
    expect(decrefAs(v, 2, 64)).toBe(ACT_NONE);
    expect(decrefAs(v, 1, 64)).toBe(ACT_NONE); // the creator's reference: still alive
    expect(refcountOf(v, 64)).toBe(1); // the collector's reference
    expect(tryIncrefAs(v, 3, 64)).toBe(true);
  });
});
