// SipHash-1-3 as a tiny WebAssembly function, for throughput on long inputs.
//
// JS has no 64-bit integer arithmetic except bigint, so siphash.ts emulates
// each 64-bit lane with two int32 halves (~0.2–0.5 GB/s here). WebAssembly has
// native i64 add/xor/rotl: the same algorithm runs several times faster. The
// module is assembled here from its instructions (no toolchain needed, ~300
// bytes) and imports the memory it reads from, so one instance can hash heap
// strings in place in the shared WebAssembly.Memory (`createWasmSipHasher`)
// and another, with a private memory, serves JS strings and byte arrays.
//
// Exported function: siphash13(ptr, len, k0lo, k0hi, k1lo, k1hi) -> lo
// (i32), with the high half left in the exported mutable global `hi`.
// Python's conventions (empty → 0, -1 → -2) are applied by the caller.

import type { HashKey } from './hash-secret.js';

// --- a minimal assembler ---------------------------------------------------
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}
function sleb64(v: bigint): number[] {
  v = BigInt.asIntN(64, v);
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}
function str(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
}
function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

const I32 = 0x7f;
const I64 = 0x7e;
const OP = {
  block: 0x02, loop: 0x03, end: 0x0b, br: 0x0c, brIf: 0x0d,
  localGet: 0x20, localSet: 0x21, localTee: 0x22, globalSet: 0x24,
  i64Load: 0x29, i64Load8u: 0x31,
  i32Const: 0x41, i64Const: 0x42,
  i32Eqz: 0x45, i32GeU: 0x4f,
  i32Add: 0x6a, i32And: 0x71, i32WrapI64: 0xa7,
  i64Add: 0x7c, i64Or: 0x84, i64Xor: 0x85, i64Shl: 0x86, i64ShrU: 0x88, i64Rotl: 0x89,
  i64ExtendI32u: 0xad,
} as const;

// Locals: params 0 ptr, 1 len, 2 k0lo, 3 k0hi, 4 k1lo, 5 k1hi;
// 6 v0, 7 v1, 8 v2, 9 v3, 10 m, 11 k (i64); 12 end, 13 j (i32).
const PTR = 0, LEN = 1, V0 = 6, V1 = 7, V2 = 8, V3 = 9, M = 10, K = 11, END = 12, J = 13;

const get = (i: number): number[] => [OP.localGet, i];
const set = (i: number): number[] => [OP.localSet, i];
const c64 = (v: bigint): number[] => [OP.i64Const, ...sleb64(v)];
const c32 = (v: number): number[] => [OP.i32Const, ...sleb64(BigInt(v))];

/** x = x op y */
const upd = (x: number, y: number, op: number): number[] => [...get(x), ...get(y), op, ...set(x)];
const rotl = (x: number, n: number): number[] => [...get(x), ...c64(BigInt(n)), OP.i64Rotl, ...set(x)];

const ROUND: number[] = [
  ...upd(V0, V1, OP.i64Add), ...rotl(V1, 13), ...upd(V1, V0, OP.i64Xor), ...rotl(V0, 32),
  ...upd(V2, V3, OP.i64Add), ...rotl(V3, 16), ...upd(V3, V2, OP.i64Xor),
  ...upd(V0, V3, OP.i64Add), ...rotl(V3, 21), ...upd(V3, V0, OP.i64Xor),
  ...upd(V2, V1, OP.i64Add), ...rotl(V1, 17), ...upd(V1, V2, OP.i64Xor), ...rotl(V2, 32),
];

/** (hi << 32) | lo from two i32 params. */
const join = (lo: number, hi: number): number[] => [
  ...get(lo), OP.i64ExtendI32u, ...get(hi), OP.i64ExtendI32u, ...c64(32n), OP.i64Shl, OP.i64Or,
];

const BODY: number[] = [
  // k0 → v0, v2; k1 → v1, v3
  ...join(2, 3), ...set(K),
  ...get(K), ...c64(0x736f6d6570736575n), OP.i64Xor, ...set(V0),
  ...get(K), ...c64(0x6c7967656e657261n), OP.i64Xor, ...set(V2),
  ...join(4, 5), ...set(K),
  ...get(K), ...c64(0x646f72616e646f6dn), OP.i64Xor, ...set(V1),
  ...get(K), ...c64(0x7465646279746573n), OP.i64Xor, ...set(V3),
  // end = ptr + (len & ~7)
  ...get(PTR), ...get(LEN), ...c32(-8), OP.i32And, OP.i32Add, ...set(END),
  // while (ptr < end) { m = load(ptr); v3 ^= m; ROUND; v0 ^= m; ptr += 8 }
  OP.block, 0x40, OP.loop, 0x40,
  ...get(PTR), ...get(END), OP.i32GeU, OP.brIf, 1,
  ...get(PTR), OP.i64Load, 0x00, 0x00, ...set(M), // align 1: inputs may be unaligned
  ...upd(V3, M, OP.i64Xor), ...ROUND, ...upd(V0, M, OP.i64Xor),
  ...get(PTR), ...c32(8), OP.i32Add, ...set(PTR),
  OP.br, 0, OP.end, OP.end,
  // m = len << 56 | tail bytes
  ...get(LEN), OP.i64ExtendI32u, ...c64(56n), OP.i64Shl, ...set(M),
  ...c32(0), ...set(J),
  OP.block, 0x40, OP.loop, 0x40,
  ...get(J), ...get(LEN), ...c32(7), OP.i32And, OP.i32GeU, OP.brIf, 1,
  ...get(M),
  ...get(PTR), ...get(J), OP.i32Add, OP.i64Load8u, 0x00, 0x00,
  ...get(J), OP.i64ExtendI32u, ...c64(3n), OP.i64Shl, OP.i64Shl, OP.i64Or, ...set(M),
  ...get(J), ...c32(1), OP.i32Add, ...set(J),
  OP.br, 0, OP.end, OP.end,
  ...upd(V3, M, OP.i64Xor), ...ROUND, ...upd(V0, M, OP.i64Xor),
  ...get(V2), ...c64(0xffn), OP.i64Xor, ...set(V2),
  ...ROUND, ...ROUND, ...ROUND,
  // r = v0 ^ v1 ^ v2 ^ v3; hi = r >> 32; return (i32) r
  ...get(V0), ...get(V1), OP.i64Xor, ...get(V2), OP.i64Xor, ...get(V3), OP.i64Xor, OP.localTee, K,
  ...c64(32n), OP.i64ShrU, OP.i32WrapI64, OP.globalSet, 0,
  ...get(K), OP.i32WrapI64,
  OP.end,
];

function moduleBytes(shared: boolean): Uint8Array {
  const memLimits = shared ? [0x03, ...uleb(1), ...uleb(65536)] : [0x00, ...uleb(1)];
  const locals = [2, 6, I64, 2, I32];
  const func = [...locals, ...BODY];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 6, I32, I32, I32, I32, I32, I32, 1, I32]),
    ...section(2, [1, ...str('env'), ...str('memory'), 0x02, ...memLimits]),
    ...section(3, [1, 0]),
    ...section(6, [1, I32, 1, OP.i32Const, 0, OP.end]),
    ...section(7, [2, ...str('siphash13'), 0x00, 0, ...str('hi'), 0x03, 0]),
    ...section(10, [1, ...uleb(func.length), ...func]),
  ];
  return Uint8Array.from(bytes);
}

/** Hash `nbytes` at `byteOffset` of the hasher's memory into out[off], out[off+1]. */
export type WasmSipHasher = (key: HashKey, byteOffset: number, nbytes: number, out: Uint32Array, off: number) => void;

// The project's TypeScript libs (ES2022 + @types/node 20) do not declare the
// WebAssembly namespace, so the few pieces used here are typed structurally.
/** The part of a WebAssembly.Memory this file needs (its buffer). */
export interface WasmMemoryLike {
  readonly buffer: ArrayBufferLike;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (mod: object, imports: object) => { exports: Record<string, unknown> };
}
const wasmApi: WasmApi | undefined = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
const compiled = new Map<boolean, object>();

/**
 * A SipHash-1-3 function over `memory` (the shared heap memory or a private
 * one), or null when WebAssembly is unavailable. One per thread: instances
 * cannot be shared between workers, modules can.
 */
export function createWasmSipHasher(memory: WasmMemoryLike, shared: boolean): WasmSipHasher | null {
  if (wasmApi === undefined) return null;
  let mod = compiled.get(shared);
  if (mod === undefined) {
    mod = new wasmApi.Module(moduleBytes(shared));
    compiled.set(shared, mod);
  }
  const inst = new wasmApi.Instance(mod, { env: { memory } });
  const fn = inst.exports['siphash13'] as (p: number, n: number, a: number, b: number, c: number, d: number) => number;
  const hi = inst.exports['hi'] as { value: number };
  return (key, byteOffset, nbytes, out, off) => {
    if (nbytes === 0) {
      out[off] = 0;
      out[off + 1] = 0;
      return;
    }
    let lo = fn(byteOffset, nbytes, key.k0lo | 0, key.k0hi | 0, key.k1lo | 0, key.k1hi | 0) >>> 0;
    const h = hi.value >>> 0;
    if (lo === 0xffffffff && h === 0xffffffff) lo = 0xfffffffe;
    out[off] = lo;
    out[off + 1] = h;
  };
}

/** The module bytes (exposed for tests and for posting to workers). */
export function sipHashWasmModuleBytes(shared: boolean): Uint8Array {
  return moduleBytes(shared);
}
