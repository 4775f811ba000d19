// The table of this thread's behaviour for the builtin types of this package
// (STYLE.md habit 5: tables, not scattered code): one line per type with its
// name, deallocator, repr, hash and richcompare. registerBuiltinBehaviours runs
// in every thread when its context is created (setup.ts); the interpreter adds
// its own types with ctx.registerType.

import type { ObjContext, TypeBehaviour } from './context.js';
import { floatHash, floatObjRepr, floatRichCompare } from './objects/float.js';
import { intHash, intRepr, intRichCompare } from './objects/int.js';
import { bytesHash, bytesRepr, bytesRichCompare } from './objects/bytes.js';
import { listDealloc, listRepr, listRichCompare } from './objects/list.js';
import { tupleDealloc, tupleHash, tupleRepr, tupleRichCompare } from './objects/tuple.js';

/** Frees an object that owns nothing but its block. */
const freeOnly = (ptr: number, ctx: { freeBlock(p: number): void }): void => ctx.freeBlock(ptr);

export function registerBuiltinBehaviours(ctx: ObjContext): void {
  const table: [number, TypeBehaviour][] = [
    [ctx.tInt, { name: 'int', dealloc: freeOnly, repr: intRepr, hash: intHash, richcompare: intRichCompare }],
    [ctx.tBool, { name: 'bool', dealloc: freeOnly, repr: intRepr, hash: intHash, richcompare: intRichCompare }],
    [ctx.tFloat, { name: 'float', dealloc: freeOnly, repr: floatObjRepr, hash: floatHash, richcompare: floatRichCompare }],
    [ctx.tBytes, { name: 'bytes', dealloc: freeOnly, repr: bytesRepr, hash: bytesHash, richcompare: bytesRichCompare }],
    [ctx.tTuple, { name: 'tuple', dealloc: tupleDealloc, repr: tupleRepr, hash: tupleHash, richcompare: tupleRichCompare }],
    [ctx.tList, { name: 'list', dealloc: listDealloc, repr: listRepr, richcompare: listRichCompare }],
    [ctx.tNone, { name: 'NoneType', repr: () => 'None', hash: pointerHash }],
    [ctx.tEllipsis, { name: 'ellipsis', repr: () => 'Ellipsis', hash: pointerHash }],
    [ctx.tNotImplemented, { name: 'NotImplementedType', repr: () => 'NotImplemented', hash: pointerHash }],
    [ctx.tType, { name: 'type', hash: pointerHash }],
    [ctx.tObject, { name: 'object', hash: pointerHash }],
  ];
  for (const [type, b] of table) ctx.registerType(type, b);
}

/** object.__hash__: the address rotated right by 4 bits (_Py_HashPointer). */
function pointerHash(_ctx: ObjContext, obj: number, out: Uint32Array, off: number): null {
  // Offsets are < 2**32: rotate the 64-bit value right by 4.
  out[off] = ((obj >>> 4) | 0) >>> 0;
  out[off + 1] = ((obj & 0xf) << 28) >>> 0;
  return null;
}
