// The only place in @pynogil/allocator that calls Atomics.*: one named helper per
// operation, whose name says the memory ordering the caller relies on. JavaScript's
// Atomics are sequentially consistent, which is at least as strong as every name here;
// the names document intent (as mimalloc's mi_atomic_load_acquire does) and give one
// place to audit.

/** Load that later reads must not move before (pairs with storeRelease). */
export function loadAcquire(i32: Int32Array, index: number): number {
  return Atomics.load(i32, index);
}

/** Load used for a racy snapshot (statistics, hints); no ordering is relied on. */
export function loadRelaxed(i32: Int32Array, index: number): number {
  return Atomics.load(i32, index);
}

/** Store that publishes every earlier write of this thread to an acquiring reader. */
export function storeRelease(i32: Int32Array, index: number, value: number): void {
  Atomics.store(i32, index, value);
}

/** Compare-and-swap with acquire+release ordering; returns the value found. */
export function casAcqRel(i32: Int32Array, index: number, expected: number, value: number): number {
  return Atomics.compareExchange(i32, index, expected, value);
}

/** Exchange with acquire+release ordering; returns the previous value. */
export function exchangeAcqRel(i32: Int32Array, index: number, value: number): number {
  return Atomics.exchange(i32, index, value);
}

/** Fetch-and-add with acquire+release ordering; returns the previous value. */
export function addAcqRel(i32: Int32Array, index: number, delta: number): number {
  return Atomics.add(i32, index, delta);
}

/** Block while i32[index] === expected (futex wait); false if it could not block. */
export function waitWhileEqual(i32: Int32Array, index: number, expected: number, timeoutMs: number): boolean {
  try {
    Atomics.wait(i32, index, expected, timeoutMs);
    return true;
  } catch {
    // Atomics.wait throws on threads that may not block (a browser main thread).
    return false;
  }
}

/** Wake up to `count` threads waiting on i32[index]. */
export function notifyWaiters(i32: Int32Array, index: number, count: number): void {
  Atomics.notify(i32, index, count);
}
