// Critical sections on one or two objects: CPython 3.13's Py_BEGIN_CRITICAL_SECTION
// (Python/critical_section.c), over the per-object locks of lock.ts.
//
// Every thread keeps a stack of its open sections. A section locks one object, or
// two in address order (so two threads locking the same pair never deadlock). When
// the thread blocks — it parks on a contended lock, or the interpreter detaches it
// for sleep, join or I/O — `suspendAll` releases the locks of every open section;
// on waking, `resumeTop` re-locks only the innermost one, and an outer section is
// re-locked when the sections inside it end. So a thread never sleeps holding a
// lock other than the lower lock of a pair it is acquiring, and no cycle of
// waiting threads can form (the argument is in docs/internals/locks.md).
//
// Consequence for callers (the same as in CPython): code inside a section must not
// rely on the object staying locked across a call that may block — including
// beginning a nested section on another object; it must re-validate afterwards.
//
// Re-entrancy: beginning a section on an object the innermost active section
// already holds locks nothing (an empty section), as CPython 3.14 does.

import type { ThreadHost } from './host.js';
import { lockObject, unlockObject } from './lock.js';

/** One thread's stack of open critical sections (JS state: thread-private). */
export class CriticalSectionStack {
  /** Locked objects of section i (0 = none). m1 < m2 when both are set. */
  readonly m1: number[] = [];
  readonly m2: number[] = [];
  /** False while the section is suspended (its locks released). */
  readonly held: boolean[] = [];
  depth = 0;

  private push(): number {
    const d = this.depth++;
    this.m1[d] = 0;
    this.m2[d] = 0;
    this.held[d] = false;
    return d;
  }

  /** Whether the innermost section holds `obj` (for the re-entrant case). */
  private topHolds(obj: number): boolean {
    const t = this.depth - 1;
    return t >= 0 && this.held[t]! && (this.m1[t] === obj || this.m2[t] === obj);
  }

  /** Py_BEGIN_CRITICAL_SECTION(obj). */
  begin(host: ThreadHost, obj: number): void {
    if (this.topHolds(obj)) {
      this.held[this.push()] = true;
      return;
    }
    const d = this.push();
    lockObject(host, obj); // may park: suspends the outer sections (this one holds nothing yet)
    this.m1[d] = obj;
    this.held[d] = true;
  }

  /** Py_BEGIN_CRITICAL_SECTION2(a, b): locks both, lower address first. */
  begin2(host: ThreadHost, a: number, b: number): void {
    if (a === b) {
      this.begin(host, a);
      return;
    }
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    if (this.topHolds(lo) && this.topHolds(hi)) {
      this.held[this.push()] = true;
      return;
    }
    const d = this.push();
    lockObject(host, lo);
    lockObject(host, hi); // may park holding lo: allowed, pairs are taken in address order
    this.m1[d] = lo;
    this.m2[d] = hi;
    this.held[d] = true;
  }

  /** Py_END_CRITICAL_SECTION: unlocks the innermost section; resumes the one
   *  outside it if it was suspended. */
  end(host: ThreadHost): void {
    const d = --this.depth;
    if (d < 0) {
      this.depth = 0;
      throw new Error('@pynogil/collections: end of a critical section that was not begun');
    }
    if (this.held[d]) {
      const m2 = this.m2[d]!;
      const m1 = this.m1[d]!;
      if (m2 !== 0) unlockObject(host, m2);
      if (m1 !== 0) unlockObject(host, m1);
    }
    if (d > 0 && !this.held[d - 1]) this.resumeTop(host);
  }

  /** Releases the locks of every open section (the thread is about to block). */
  suspendAll(host: ThreadHost): void {
    for (let d = this.depth - 1; d >= 0; d--) {
      if (!this.held[d]) continue;
      this.held[d] = false;
      const m2 = this.m2[d]!;
      const m1 = this.m1[d]!;
      if (m2 !== 0) unlockObject(host, m2);
      if (m1 !== 0) unlockObject(host, m1);
    }
  }

  /** Re-locks the innermost section after the thread woke up. */
  resumeTop(host: ThreadHost): void {
    const t = this.depth - 1;
    if (t < 0 || this.held[t]) return;
    const m1 = this.m1[t]!;
    const m2 = this.m2[t]!;
    // Hide the mutexes while locking them: a park inside lockObject suspends
    // "all sections", which must not unlock what this one does not hold yet.
    this.m1[t] = 0;
    this.m2[t] = 0;
    if (m1 !== 0) lockObject(host, m1);
    if (m2 !== 0) lockObject(host, m2);
    this.m1[t] = m1;
    this.m2[t] = m2;
    this.held[t] = true;
  }
}
