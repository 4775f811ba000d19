// @pynogil/refcount — public entry point: biased reference counting, immortal and
// deferred objects, thread states, stop-the-world and QSBR over the shared heap.
// See README.md of this package and docs/internals/refcount.md, qsbr.md.
export * from './layout.js';
export * from './biased.js';
export { type HeapPort, type SharedMemoryLike } from './core.js';
export { createRuntime, openRuntime, type RuntimeInfo } from './runtime.js';
export { RefcountUsageError } from './thread-state.js';
export { seqGeq } from './qsbr.js';
export { ThreadContext, type Deallocator, type RefStats } from './thread.js';
export { ROOT_REFCOUNT, startRefcount, joinRefcount, type StartOptions } from './heap.js';
export { validateRuntime, assertRuntimeValid, type ValidateOptions } from './debug/validate.js';
