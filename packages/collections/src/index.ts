// @pynogil/collections — public entry point: Python's core objects in the shared
// heap (layouts of CPython 3.11 on wasm32), per-object locks and critical sections,
// and the numeric core. See README.md of this package, docs/internals/objects.md
// and docs/internals/locks.md; src/layout.ts documents every shared structure.
export const PACKAGE_NAME = '@pynogil/collections';
export * from './layout.js';
export * from './numeric/index.js';
// Both define PySet_MINSIZE (8): the explicit export settles the ambiguity.
export { SET_MINSIZE } from './layout.js';
export {
  ObjContext, type TypeBehaviour, type CompareOp, NOT_IMPLEMENTED, Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, Py_GE,
  SWAPPED_OP, OP_SYMBOL, cmpResult, memoryError,
} from './context.js';
export type { ThreadHost, LockStats } from './host.js';
export { lockObject, unlockObject, tryLockObject, isObjectLocked, LockUsageError, FAIR_HANDOFF_MS } from './lock.js';
export { CriticalSectionStack } from './critical-section.js';
export { trashcanDealloc, TRASHCAN_DEPTH } from './trashcan.js';
export { park, unparkOne, sharedClockMs, waitersOn, PARK_AGAIN } from './parking-lot.js';
export { STATIC_TYPES, type StaticTypeSpec, createStaticTypes, typeNameOf, allocCString, readCString } from './type-object.js';
export { startCollections, joinCollections, CollectionsUsageError, type StartCollectionsOptions } from './setup.js';
export * from './objects/int.js';
export * from './objects/float.js';
// str, dict, set, the intern table and the JS API (part 2; docs/internals/dict.md).
export * from './objects/str.js';
export * from './objects/dict.js';
export * from './objects/set.js';
export { intern, internStr, strToJsCached, emptyStr, internCount } from './intern.js';
export { TableHost, tablesOf } from './hashtable-ctx.js';
export { keyHash, keyEq, keyEqNoCallback, NEEDS_LOCK } from './hashtable-keys.js';
export { registerTableBehaviours } from './hashtable-behaviours.js';
export type { KeyProtocol, TableCtx, BuiltinTypes } from './protocol.js';
export {
  toHeap, fromHeap, keyStr, dropKeyCache, SharedValueError, type SharedValue, type SharedContainer,
} from './shared-values.js';
export { SharedDict } from './shared-dict.js';
export { SharedSet } from './shared-set.js';
export * from './objects/bytes.js';
export * from './objects/tuple.js';
export * from './objects/list.js';
export { SharedList } from './shared-list.js';
// format(), printf-style % and str.format (docs/internals/format.md).
export * from './format/index.js';
// Text codecs of str.encode / bytes.decode (docs/internals/codecs.md).
export * from './codecs/index.js';
// The Unicode 14 database of Python 3.11 and the str case/predicate methods
// (docs/internals/unicode.md); a namespace, as its names are generic.
export * as unicode from './unicode/index.js';
