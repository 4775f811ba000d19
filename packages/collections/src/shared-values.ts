// Conversion between JS values and heap objects for the JS API (SharedDict,
// SharedList, SharedSet): strings ↔ str, numbers ↔ int or float (a safe integer
// other than -0 becomes an int, any other number a float; bigints are ints),
// booleans ↔ bool, null ↔ None, shared containers ↔ their objects.
//
// Key strings: JS programs look keys up by JS string, so each thread keeps a
// bounded cache of heap strs for recently used key strings (its own references;
// the cache is dropped wholesale when full). A key stored by `set` is then the
// very object a later `get` passes, and the dict lookup hits on identity.

import type { ObjContext } from './context.js';
import { type TableHost, tablesOf } from './hashtable-ctx.js';
import { ensureKey } from './hashtable-keys.js';
import { strFromJs, strToJs } from './objects/str.js';
import { boolFrom, intFromNumber, intNew, intValue } from './objects/int.js';
import { floatNew, floatValue } from './objects/float.js';
import type { PyInt } from './numeric/pyint.js';

/** A heap container wrapper (SharedDict, SharedList, SharedSet). */
export interface SharedContainer {
  readonly ptr: number;
  /** Drops the wrapper's reference. */
  release(): void;
  /** A plain JS copy. */
  toJS(): unknown;
}

/** What a shared container may hold, as seen from JS. */
export type SharedValue = string | number | bigint | boolean | null | SharedContainer;

/** Wraps container objects read back from the heap (set by shared-dict.ts etc.,
 *  so that this module does not import them: no cycle). */
export const containerWrappers = new Map<'dict' | 'set' | 'list', (ctx: ObjContext, ptr: number) => SharedContainer>();

export class SharedValueError extends TypeError {}

function must(p: number | object): number {
  if (typeof p !== 'number') throw new RangeError(`@pynogil/collections: ${String(p)}`);
  if (p === 0) throw new RangeError('@pynogil/collections: heap exhausted');
  return p;
}

/** A new reference to the heap object for `v`. */
export function toHeap(ctx: ObjContext, v: SharedValue): number {
  switch (typeof v) {
    case 'string': return must(strFromJs(tablesOf(ctx), v));
    case 'number': {
      if (Number.isSafeInteger(v) && !Object.is(v, -0)) return must(intFromNumber(ctx, v));
      return must(floatNew(ctx, v));
    }
    case 'bigint': return must(intNew(ctx, v));
    case 'boolean': { const b = boolFrom(ctx, v); ctx.incref(b); return b; }
    case 'object':
      if (v === null) { ctx.incref(ctx.None); return ctx.None; }
      if (typeof (v as SharedContainer).ptr === 'number') { ctx.incref(v.ptr); return v.ptr; }
  }
  throw new SharedValueError(`cannot store a ${typeof v} in a shared container`);
}

/** The JS value of a heap object (borrowed reference; containers are wrapped
 *  with a reference of their own). */
export function fromHeap(ctx: ObjContext, p: number): SharedValue {
  const t = tablesOf(ctx);
  ensureKey(t, p);
  const type = ctx.typeOf(p);
  if (type === ctx.tStr) return strToJs(t, p);
  if (type === ctx.tInt) { const v: PyInt = intValue(ctx, p); return v; }
  if (type === ctx.tBool) return p === ctx.True;
  if (type === ctx.tFloat) return floatValue(ctx, p);
  if (type === ctx.tNone) return null;
  const kind = type === ctx.tDict ? 'dict' : type === ctx.tSet ? 'set' : type === ctx.tList ? 'list' : null;
  const wrap = kind === null ? undefined : containerWrappers.get(kind);
  if (wrap !== undefined) return wrap(ctx, p);
  throw new SharedValueError(`cannot read a '${ctx.typeName(p)}' object from JS`);
}

const KEY_CACHE_MAX = 4096;
const keyCaches = new WeakMap<ObjContext, Map<string, number>>();

/** A heap str for a key string, from the per-thread cache (borrowed: valid
 *  until the next call). */
export function keyStr(ctx: ObjContext, t: TableHost, s: string): number {
  let c = keyCaches.get(ctx);
  if (c === undefined) { c = new Map(); keyCaches.set(ctx, c); }
  const hit = c.get(s);
  if (hit !== undefined) return hit;
  if (c.size >= KEY_CACHE_MAX) {
    for (const p of c.values()) ctx.decref(p);
    c.clear();
  }
  const p = must(strFromJs(t, s));
  c.set(s, p);
  return p;
}

/** A reference to use as a key: cached strs for strings, new objects otherwise.
 *  Returns [ptr, owned] — owned references must be decref'd by the caller. */
export function keyToHeap(ctx: ObjContext, t: TableHost, k: SharedValue): [number, boolean] {
  if (typeof k === 'string') return [keyStr(ctx, t, k), false];
  return [toHeap(ctx, k), true];
}

/** Drops this thread's key cache (its references), e.g. before thread exit. */
export function dropKeyCache(ctx: ObjContext): void {
  const c = keyCaches.get(ctx);
  if (c === undefined) return;
  for (const p of c.values()) ctx.decref(p);
  c.clear();
}
