// Every `Atomics.*` call of @pynogil/collections goes through these helpers, so
// that the memory ordering of each shared access is written in its name (STYLE.md:
// mimalloc's mi_atomic_load_acquire).
//
// JavaScript only has sequentially consistent atomics, so every helper is
// `…SeqCst`. `Atomics` works on any integer view of a SharedArrayBuffer, so the
// per-object lock byte `ob_mutex` (+2 of the header) is CAS-ed as a byte through
// the Uint8Array view, without touching its neighbours `ob_tid` (+0, u16, written
// by refcount with a 16-bit atomic store) and `ob_gc_bits` (+3). Plain typed-array
// accesses elsewhere are "unordered": they never tear for aligned 8/16/32-bit
// elements, but are ordered with other threads only through a SeqCst operation.

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
export function exchangeSeqCst(a: Int32Array, i: number, v: number): number {
  return Atomics.exchange(a, i, v);
}

/** Compare-and-swap; returns the value found (=== expected on success). */
export function casSeqCst(a: Int32Array, i: number, expected: number, desired: number): number {
  return Atomics.compareExchange(a, i, expected, desired);
}

/** u32 load (pointers): the same ordering as loadSeqCst, result unsigned. */
export function loadPtrSeqCst(a: Int32Array, i: number): number {
  return Atomics.load(a, i) >>> 0;
}

export function loadU8SeqCst(a: Uint8Array, i: number): number {
  return Atomics.load(a, i);
}

export function storeU8SeqCst(a: Uint8Array, i: number, v: number): void {
  Atomics.store(a, i, v);
}

/** Returns the previous value. */
export function orU8SeqCst(a: Uint8Array, i: number, v: number): number {
  return Atomics.or(a, i, v);
}

/** Byte compare-and-swap; returns the value found. */
export function casU8SeqCst(a: Uint8Array, i: number, expected: number, desired: number): number {
  return Atomics.compareExchange(a, i, expected, desired);
}

/** Blocks while a[i] === expected (futex wait). Returns Atomics.wait's result.
 *  Allowed on worker threads and on Node's main thread. */
export function waitSeqCst(a: Int32Array, i: number, expected: number, timeoutMs = Infinity): 'ok' | 'not-equal' | 'timed-out' {
  return Atomics.wait(a, i, expected, timeoutMs);
}

/** Wakes up to `count` waiters on a[i]; returns how many were woken. */
export function notifySeqCst(a: Int32Array, i: number, count = 1): number {
  return Atomics.notify(a, i, count);
}

export function loadU16SeqCst(a: Uint16Array, i: number): number {
  return Atomics.load(a, i);
}

export function storeU16SeqCst(a: Uint16Array, i: number, v: number): void {
  Atomics.store(a, i, v);
}

// Relaxed (plain) loads, for lock-free readers whose result is validated or
// ordered by a dependency (part 2: dict/set probes). A plain typed-array load
// costs ~1 ns against ~20-25 ns for Atomics.load, which V8 does not inline on
// Node 20. Uses: (1) an index slot or table entry read through an address that
// was itself loaded after the publishing SeqCst store — the address dependency
// orders it on every CPU Node runs on; (2) a cached hash word, whose writer
// stores the high word before the low one and whose reader recomputes on the
// "not computed" value. V8 does not eliminate or hoist typed-array loads, so a
// re-read after an Atomics operation really reads memory again.

export function loadRelaxed(a: Int32Array, i: number): number {
  return a[i]!;
}

export function loadPtrRelaxed(a: Int32Array, i: number): number {
  return a[i]! >>> 0;
}
