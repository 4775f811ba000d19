// bytes in the heap: PyBytesObject (layout.ts BYTES_*): ob_size, a cached 64-bit
// hash (ob_shash, -1 = not computed yet) and the bytes inline, NUL-terminated.
// Immutable once created; b'' is an immortal singleton. The hash is SipHash-1-3
// with the interpreter's key (src/numeric), computed once and cached: every thread
// computes the same value, and the cache is only trusted when neither word is
// 0xFFFFFFFF (see BYTES_SHASH), so a racing first computation is harmless.

import { BYTES_SHASH, BYTES_SIZE, BYTES_SVAL, bytesBlockSize } from '../layout.js';
import type { ObjContext, CompareOp } from '../context.js';
import { NOT_IMPLEMENTED, cmpResult } from '../context.js';
import { PyExc } from '../numeric/errors.js';
import { hashBytes } from '../numeric/siphash.js';

/** A new bytes object with a copy of `data` (b'' is the singleton). */
export function bytesNew(ctx: ObjContext, data: Uint8Array): number | PyExc {
  const n = data.length;
  if (n === 0) return ctx.emptyBytes;
  const p = bytesNewUninit(ctx, n);
  if (typeof p !== 'number') return p;
  ctx.heap.u8.set(data, p + BYTES_SVAL);
  return p;
}

/** A bytes object of length n whose contents the caller writes before
 *  publishing it (PyBytes_FromStringAndSize(NULL, n)). */
export function bytesNewUninit(ctx: ObjContext, n: number): number | PyExc {
  if (n > 0x7ffffff0) return new PyExc('OverflowError', 'byte string is too large');
  const p = ctx.newObject(bytesBlockSize(n), ctx.tBytes);
  if (p === 0) return new PyExc('MemoryError', '');
  const heap = ctx.heap;
  heap.i32[(p + BYTES_SIZE) >>> 2] = n;
  heap.i32[(p + BYTES_SHASH) >>> 2] = -1;
  heap.i32[(p + BYTES_SHASH + 4) >>> 2] = -1;
  heap.u8[p + BYTES_SVAL + n] = 0;
  return p;
}

export function bytesLength(ctx: ObjContext, b: number): number {
  ctx.heap.ensure(b);
  return ctx.heap.i32[(b + BYTES_SIZE) >>> 2]!;
}

/** Offset of the first byte (ob_sval). */
export function bytesData(b: number): number {
  return b + BYTES_SVAL;
}

/** A copy of the contents as a JS Uint8Array. */
export function bytesToUint8Array(ctx: ObjContext, b: number): Uint8Array {
  const n = bytesLength(ctx, b);
  return ctx.heap.u8.slice(b + BYTES_SVAL, b + BYTES_SVAL + n);
}

/** b[i] as a JS number (negative i counts from the end), or IndexError. */
export function bytesItem(ctx: ObjContext, b: number, i: number): number | PyExc {
  const n = bytesLength(ctx, b);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return new PyExc('IndexError', 'index out of range');
  return ctx.heap.u8[b + BYTES_SVAL + i]!;
}

/** b[i] as an int object (always a small int: immortal). */
export function bytesGetItem(ctx: ObjContext, b: number, i: number): number | PyExc {
  const v = bytesItem(ctx, b, i);
  return typeof v === 'number' ? ctx.smallInts[v + 5]! : v;
}

/** hash(b): cached in ob_shash. */
export function bytesHash(ctx: ObjContext, b: number, out: Uint32Array, off: number): null {
  const heap = ctx.heap;
  heap.ensure(b);
  const w = (b + BYTES_SHASH) >>> 2;
  const lo = heap.u32[w]!;
  const hi = heap.u32[w + 1]!;
  if (lo !== 0xffffffff && hi !== 0xffffffff) {
    out[off] = lo;
    out[off + 1] = hi;
    return null;
  }
  const n = heap.i32[(b + BYTES_SIZE) >>> 2]!;
  hashBytes(ctx.hashKey, heap.u8, b + BYTES_SVAL, n, out, off);
  // hi first, then lo: see BYTES_SHASH.
  heap.u32[w + 1] = out[off + 1]!;
  heap.u32[w] = out[off]!;
  return null;
}

/** a + b (bytes_concat): a new reference; a or b itself when the other is empty. */
export function bytesConcat(ctx: ObjContext, a: number, b: number): number | PyExc {
  const na = bytesLength(ctx, a);
  const nb = bytesLength(ctx, b);
  if (nb === 0) { ctx.incref(a); return a; }
  if (na === 0) { ctx.incref(b); return b; }
  if (na + nb > 0x7ffffff0) return new PyExc('OverflowError', 'byte string is too large');
  const p = bytesNewUninit(ctx, na + nb);
  if (typeof p !== 'number') return p;
  const u8 = ctx.heap.u8;
  u8.copyWithin(p + BYTES_SVAL, a + BYTES_SVAL, a + BYTES_SVAL + na);
  u8.copyWithin(p + BYTES_SVAL + na, b + BYTES_SVAL, b + BYTES_SVAL + nb);
  return p;
}

/** Three-way lexicographic comparison (memcmp, then length). */
export function bytesCompare(ctx: ObjContext, a: number, b: number): number {
  if (a === b) return 0;
  const na = bytesLength(ctx, a);
  const nb = bytesLength(ctx, b);
  const u8 = ctx.heap.u8;
  const n = na < nb ? na : nb;
  const pa = a + BYTES_SVAL;
  const pb = b + BYTES_SVAL;
  for (let i = 0; i < n; i++) {
    const x = u8[pa + i]!;
    const y = u8[pb + i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** bytes_richcompare (bytes operands only; anything else NotImplemented). */
export function bytesRichCompare(ctx: ObjContext, a: number, b: number, op: CompareOp): boolean | typeof NOT_IMPLEMENTED {
  if (ctx.typeOf(b) !== ctx.tBytes) return NOT_IMPLEMENTED;
  return cmpResult(bytesCompare(ctx, a, b), op);
}

/** repr(b): b'...' with CPython's quoting (bytes_repr). */
export function bytesRepr(ctx: ObjContext, b: number): string {
  const n = bytesLength(ctx, b);
  const u8 = ctx.heap.u8;
  const p = b + BYTES_SVAL;
  let squote = false;
  let dquote = false;
  for (let i = 0; i < n; i++) {
    if (u8[p + i] === 0x27) squote = true;
    else if (u8[p + i] === 0x22) dquote = true;
  }
  const quote = squote && !dquote ? '"' : "'";
  let s = 'b' + quote;
  for (let i = 0; i < n; i++) {
    const c = u8[p + i]!;
    if (c === quote.charCodeAt(0) || c === 0x5c) s += '\\' + String.fromCharCode(c);
    else if (c === 0x09) s += '\\t';
    else if (c === 0x0a) s += '\\n';
    else if (c === 0x0d) s += '\\r';
    else if (c < 0x20 || c >= 0x7f) s += '\\x' + c.toString(16).padStart(2, '0');
    else s += String.fromCharCode(c);
  }
  return s + quote;
}
