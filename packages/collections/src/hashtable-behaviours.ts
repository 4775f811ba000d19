// This thread's behaviour for str, dict, set and frozenset (deallocator, repr,
// hash, richcompare), registered in the per-thread type registry of the
// ObjContext (context.ts) by setup.ts for every thread, beside the builtin
// types of behaviours.ts. One line per type (STYLE.md habit 5).

import { type CompareOp, cmpResult, NOT_IMPLEMENTED, type ObjContext, Py_EQ, Py_NE, type TypeBehaviour } from './context.js';
import { tablesOf } from './hashtable-ctx.js';
import { STR_STATE, STR_STATE_ASCII, STR_UTF8 } from './layout.js';
import { isExc, type PyExc } from './numeric/errors.js';
import { pyStrRepr } from './numeric/text.js';
import { dictDealloc, dictItems } from './objects/dict.js';
import { frozensetHash, setDealloc, setItems } from './objects/set.js';
import { strCompare, strEq, strHash, strToJs } from './objects/str.js';

function strDealloc(p: number, rc: { freeBlock(p: number): void; u8: Uint8Array; u32: Uint32Array }): void {
  if ((rc.u8[p + STR_STATE]! & STR_STATE_ASCII) === 0) {
    const utf8 = rc.u32[(p + STR_UTF8) >>> 2]!;
    if (utf8 !== 0) rc.freeBlock(utf8);
  }
  rc.freeBlock(p);
}

function strRichCompare(ctx: ObjContext, a: number, b: number, op: CompareOp): boolean | typeof NOT_IMPLEMENTED {
  if (ctx.typeOf(b) !== ctx.tStr) return NOT_IMPLEMENTED;
  const t = tablesOf(ctx);
  if (op === Py_EQ) return strEq(t, a, b);
  if (op === Py_NE) return !strEq(t, a, b);
  return cmpResult(strCompare(t, a, b), op);
}

/** repr of a container: items through ctx.reprOf, '...' on recursion (Py_ReprEnter). */
function reprItems(ctx: ObjContext, self: number, items: number[], sep: (i: number) => string): string | PyExc {
  if (ctx.reprActive.has(self)) return '';
  ctx.reprActive.add(self);
  let out = '';
  let err: PyExc | null = null;
  for (let i = 0; i < items.length; i++) {
    if (err === null) {
      const r = ctx.reprOf(items[i]!);
      if (isExc(r)) err = r;
      else out += sep(i) + r;
    }
    ctx.decref(items[i]!);
  }
  ctx.reprActive.delete(self);
  return err ?? out;
}

function dictRepr(ctx: ObjContext, d: number): string | PyExc {
  if (ctx.reprActive.has(d)) return '{...}';
  const { keys, values } = dictItems(tablesOf(ctx), d);
  if (keys.length === 0) return '{}';
  const flat: number[] = [];
  for (let i = 0; i < keys.length; i++) flat.push(keys[i]!, values[i]!);
  const r = reprItems(ctx, d, flat, (i) => (i === 0 ? '' : i % 2 === 1 ? ': ' : ', '));
  return isExc(r) ? r : `{${r}}`;
}

function setRepr(ctx: ObjContext, s: number): string | PyExc {
  const frozen = ctx.typeOf(s) === ctx.tFrozenset;
  const name = frozen ? 'frozenset' : 'set';
  if (ctx.reprActive.has(s)) return `${name}(...)`;
  const keys = setItems(tablesOf(ctx), s);
  if (keys.length === 0) return `${name}()`;
  const r = reprItems(ctx, s, keys, (i) => (i === 0 ? '' : ', '));
  if (isExc(r)) return r;
  return frozen ? `frozenset({${r}})` : `{${r}}`;
}

export function registerTableBehaviours(ctx: ObjContext): void {
  const t = (): ReturnType<typeof tablesOf> => tablesOf(ctx);
  const table: [number, TypeBehaviour][] = [
    [ctx.tStr, {
      name: 'str', dealloc: strDealloc as TypeBehaviour['dealloc'],
      repr: (c, p) => pyStrRepr(strToJs(tablesOf(c), p)),
      hash: (c, p, out, off) => { strHash(tablesOf(c), p, out, off); return null; },
      richcompare: strRichCompare,
    }],
    [ctx.tDict, { name: 'dict', dealloc: (p) => dictDealloc(t(), p, (q) => ctx.rc.freeBlock(q)), repr: dictRepr }],
    [ctx.tSet, { name: 'set', dealloc: (p) => setDealloc(t(), p, (q) => ctx.rc.freeBlock(q)), repr: setRepr }],
    [ctx.tFrozenset, {
      name: 'frozenset', dealloc: (p) => setDealloc(t(), p, (q) => ctx.rc.freeBlock(q)), repr: setRepr,
      hash: (c, p, out, off) => { frozensetHash(tablesOf(c), p, out, off); return null; },
    }],
  ];
  for (const [type, b] of table) ctx.registerType(type, b);
}
