// Every `Atomics.*` call of this package goes through these helpers, so that the
// memory ordering of each shared access is written in its name.
//
// JavaScript only offers sequentially consistent atomics, so every helper here is
// `…SeqCst`. Plain typed-array reads and writes (used for `ob_ref_local`, which only
// its owner writes, and for reading words whose stale value is harmless) are
// "unordered" in the ECMAScript memory model: they never tear for aligned 8/16/32-bit
// elements on the platforms Node runs on, but are not ordered with other threads'
// accesses except through a later/earlier SeqCst operation.

/** Unordered (non-atomic) read of a shared word: no ordering with other threads'
 *  accesses, may return a stale value. Used (1) for the eval-breaker poll, where a
 *  stale 0 only delays work to the next safe point — V8 neither eliminates nor
 *  hoists typed-array loads, so a polling loop does see other threads' writes —
 *  and (2) as the first guess of a CAS loop, which validates it. Measured on Node
 *  20: ~1 ns, against ~20 ns for Atomics.load, which V8 does not inline. */
export function loadRelaxed(a: Int32Array, i: number): number {
  return a[i]!;
}

export function loadSeqCst(a: Int32Array, i: number): number {
  return Atomics.load(a, i);
}

export function storeSeqCst(a: Int32Array, i: number, v: number): void {
  Atomics.store(a, i, v);
}

/** Returns the previous value. */
export function addSeqCst(a: Int32Array, i: number, v: number): number {
  return Atomics.add(a, i, v);
}

/** Returns the previous value. */
export function subSeqCst(a: Int32Array, i: number, v: number): number {
  return Atomics.sub(a, i, v);
}

/** Returns the previous value. */
export function orSeqCst(a: Int32Array, i: number, v: number): number {
  return Atomics.or(a, i, v);
}

/** Returns the previous value. */
export function andSeqCst(a: Int32Array, i: number, v: number): number {
  return Atomics.and(a, i, v);
}

/** Returns the previous value. */
export function exchangeSeqCst(a: Int32Array, i: number, v: number): number {
  return Atomics.exchange(a, i, v);
}

/** Compare-and-swap; returns the value found (== expected on success). */
export function casSeqCst(a: Int32Array, i: number, expected: number, desired: number): number {
  return Atomics.compareExchange(a, i, expected, desired);
}

/** Byte-sized store used for `ob_gc_bits` and `ob_tid` when another thread may be
 *  CAS-ing the neighbouring `ob_mutex` byte. */
export function storeU8SeqCst(a: Uint8Array, i: number, v: number): void {
  Atomics.store(a, i, v);
}

export function storeU16SeqCst(a: Uint16Array, i: number, v: number): void {
  Atomics.store(a, i, v);
}

export function loadU16SeqCst(a: Uint16Array, i: number): number {
  return Atomics.load(a, i);
}

/** Compare-and-swap of a u16 (`ob_tid` claims); returns the value found. */
export function casU16SeqCst(a: Uint16Array, i: number, expected: number, desired: number): number {
  return Atomics.compareExchange(a, i, expected, desired);
}

export function orU8SeqCst(a: Uint8Array, i: number, v: number): number {
  return Atomics.or(a, i, v);
}

/** Sleeps while a[i] == expected (at most timeoutMs; Infinity = no limit). */
export function waitWhileEqual(a: Int32Array, i: number, expected: number, timeoutMs = Infinity): void {
  Atomics.wait(a, i, expected, timeoutMs);
}

/** Wakes every thread waiting on a[i]. */
export function notifyAll(a: Int32Array, i: number): void {
  Atomics.notify(a, i);
}
