// SipHash-1-3 over bytes and over the internal representation of a str,
// exactly as CPython 3.11 hashes str and bytes on 64-bit builds
// (Python/pyhash.c: Py_HASH_ALGORITHM = siphash13, Py_HASH_CUTOFF = 0).
//
// SipHash (Aumasson & Bernstein) with one compression round per 8-byte
// little-endian word and three finalisation rounds; the 128-bit key is
// (k0, k1) from _Py_HashSecret (hash-secret.ts). CPython hashes a str over its
// PEP 393 storage: 1 byte per code point if all are < 256, else 2 (UCS-2,
// little-endian) if all are < 0x10000, else 4 (UCS-4) — so 'é' hashes its
// byte 0xE9 while 'é€' hashes 4 bytes. An empty input hashes to 0, and a
// result of -1 becomes -2 (_Py_HashBytes).
//
// Two implementations with identical results: a JS core (64-bit lanes as
// pairs of int32 locals) and a WebAssembly function with native i64
// arithmetic (siphash-wasm.ts, ~10x faster on long inputs). Inputs of 64
// bytes and more go to wasm when it is available; shorter ones stay in JS,
// where the call and copy would cost more than they save. A JS string is
// first laid out in its PEP 393 form in a scratch area, which is the wasm
// instance's private memory so the wasm function reads it in place.

import type { HashKey } from './hash-secret.js';
import { createWasmSipHasher, type WasmSipHasher } from './siphash-wasm.js';

/**
 * SipHash-1-3 of `nbytes` bytes at `bytes[byteOffset]`, written as a hash
 * pair (lo, hi) to out[off], out[off+1]; Python's conventions applied
 * (empty → 0, -1 → -2). `words` must be an Int32Array over the same buffer
 * when `byteOffset` is a multiple of 4 (fast path), else null.
 * The SipRound is written out twice (compression and finalisation) with the
 * state in locals: V8 keeps them in registers, whereas module-level
 * variables live in context slots (the first version used those and a round
 * helper; the string-hash benchmark went from ~60 to ~90 MB/s with locals).
 */
function sipHashCore(
  key: HashKey,
  bytes: Uint8Array,
  byteOffset: number,
  nbytes: number,
  words: Int32Array | null,
  out: Uint32Array,
  off: number,
): void {
  if (nbytes === 0) {
    out[off] = 0;
    out[off + 1] = 0;
    return;
  }
  // "somepseudorandomlygeneratedbytes"
  let v0l = key.k0lo ^ 0x70736575;
  let v0h = key.k0hi ^ 0x736f6d65;
  let v1l = key.k1lo ^ 0x6e646f6d;
  let v1h = key.k1hi ^ 0x646f7261;
  let v2l = key.k0lo ^ 0x6e657261;
  let v2h = key.k0hi ^ 0x6c796765;
  let v3l = key.k1lo ^ 0x79746573;
  let v3h = key.k1hi ^ 0x74656462;
  let lo = 0;
  let t = 0;
  const nwords = nbytes >>> 3;
  // Message words; the last one is the tail block (remaining bytes, length in the top byte).
  let w = (byteOffset >>> 2) | 0;
  let p = byteOffset;
  for (let i = 0; i <= nwords; i++) {
    let ml: number;
    let mh: number;
    if (i < nwords) {
      if (words !== null) {
        ml = words[w]!;
        mh = words[w + 1]!;
        w += 2;
      } else {
        ml = bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 24);
        mh = bytes[p + 4]! | (bytes[p + 5]! << 8) | (bytes[p + 6]! << 16) | (bytes[p + 7]! << 24);
      }
      p += 8;
    } else {
      ml = 0;
      mh = (nbytes & 0xff) << 24;
      const rem = nbytes & 7;
      for (let j = 0; j < rem; j++) {
        const b = bytes[p + j]!;
        if (j < 4) ml |= b << (8 * j);
        else mh |= b << (8 * (j - 4));
      }
    }
    v3l ^= ml;
    v3h ^= mh;
    {
      // v0 += v1; v1 = rotl(v1, 13) ^ v0; v0 = rotl(v0, 32)
      lo = (v0l + v1l) | 0;
      v0h = (v0h + v1h + ((lo >>> 0) < (v0l >>> 0) ? 1 : 0)) | 0;
      v0l = lo;
      t = (v1l << 13) | (v1h >>> 19);
      v1h = ((v1h << 13) | (v1l >>> 19)) ^ v0h;
      v1l = t ^ v0l;
      t = v0l;
      v0l = v0h;
      v0h = t;
      // v2 += v3; v3 = rotl(v3, 16) ^ v2
      lo = (v2l + v3l) | 0;
      v2h = (v2h + v3h + ((lo >>> 0) < (v2l >>> 0) ? 1 : 0)) | 0;
      v2l = lo;
      t = (v3l << 16) | (v3h >>> 16);
      v3h = ((v3h << 16) | (v3l >>> 16)) ^ v2h;
      v3l = t ^ v2l;
      // v0 += v3; v3 = rotl(v3, 21) ^ v0
      lo = (v0l + v3l) | 0;
      v0h = (v0h + v3h + ((lo >>> 0) < (v0l >>> 0) ? 1 : 0)) | 0;
      v0l = lo;
      t = (v3l << 21) | (v3h >>> 11);
      v3h = ((v3h << 21) | (v3l >>> 11)) ^ v0h;
      v3l = t ^ v0l;
      // v2 += v1; v1 = rotl(v1, 17) ^ v2; v2 = rotl(v2, 32)
      lo = (v2l + v1l) | 0;
      v2h = (v2h + v1h + ((lo >>> 0) < (v2l >>> 0) ? 1 : 0)) | 0;
      v2l = lo;
      t = (v1l << 17) | (v1h >>> 15);
      v1h = ((v1h << 17) | (v1l >>> 15)) ^ v2h;
      v1l = t ^ v2l;
      t = v2l;
      v2l = v2h;
      v2h = t;
    }
    v0l ^= ml;
    v0h ^= mh;
  }
  v2l ^= 0xff;
  for (let r = 0; r < 3; r++) {
    // v0 += v1; v1 = rotl(v1, 13) ^ v0; v0 = rotl(v0, 32)
    lo = (v0l + v1l) | 0;
    v0h = (v0h + v1h + ((lo >>> 0) < (v0l >>> 0) ? 1 : 0)) | 0;
    v0l = lo;
    t = (v1l << 13) | (v1h >>> 19);
    v1h = ((v1h << 13) | (v1l >>> 19)) ^ v0h;
    v1l = t ^ v0l;
    t = v0l;
    v0l = v0h;
    v0h = t;
    // v2 += v3; v3 = rotl(v3, 16) ^ v2
    lo = (v2l + v3l) | 0;
    v2h = (v2h + v3h + ((lo >>> 0) < (v2l >>> 0) ? 1 : 0)) | 0;
    v2l = lo;
    t = (v3l << 16) | (v3h >>> 16);
    v3h = ((v3h << 16) | (v3l >>> 16)) ^ v2h;
    v3l = t ^ v2l;
    // v0 += v3; v3 = rotl(v3, 21) ^ v0
    lo = (v0l + v3l) | 0;
    v0h = (v0h + v3h + ((lo >>> 0) < (v0l >>> 0) ? 1 : 0)) | 0;
    v0l = lo;
    t = (v3l << 21) | (v3h >>> 11);
    v3h = ((v3h << 21) | (v3l >>> 11)) ^ v0h;
    v3l = t ^ v0l;
    // v2 += v1; v1 = rotl(v1, 17) ^ v2; v2 = rotl(v2, 32)
    lo = (v2l + v1l) | 0;
    v2h = (v2h + v1h + ((lo >>> 0) < (v2l >>> 0) ? 1 : 0)) | 0;
    v2l = lo;
    t = (v1l << 17) | (v1h >>> 15);
    v1h = ((v1h << 17) | (v1l >>> 15)) ^ v2h;
    v1l = t ^ v2l;
    t = v2l;
    v2l = v2h;
    v2h = t;
  }
  let rl = (v0l ^ v1l ^ v2l ^ v3l) >>> 0;
  const rh = (v0h ^ v1h ^ v2h ^ v3h) >>> 0;
  if (rl === 0xffffffff && rh === 0xffffffff) rl = 0xfffffffe;
  out[off] = rl;
  out[off + 1] = rh;
}

/** hash(bytes): SipHash-1-3 of `u8[start .. start+len)`. */
export function hashBytes(key: HashKey, u8: Uint8Array, start: number, len: number, out: Uint32Array, off: number): void {
  if (len < WASM_MIN_BYTES) {
    // Short input: assemble words from bytes; no views, no copy.
    sipHashCore(key, u8, start, len, null, out, off);
    return;
  }
  if (backend === 'wasm' && u8.buffer !== scratch.buffer) {
    // One memcpy into the wasm memory, then native 64-bit arithmetic.
    ensureScratch(len);
    scratch.set(u8.subarray(start, start + len));
    hashScratch(key, len, out, off);
    return;
  }
  const abs = u8.byteOffset + start;
  const words = wordsOf(u8.buffer);
  sipHashCore(key, lastBytes!, abs, len, (abs & 3) === 0 ? words : null, out, off);
}

// Int32Array views of the buffers we hash from, keyed by buffer (the scratch
// buffer and, in the interpreter, the heap memory's current buffer).
let lastBuffer: ArrayBufferLike | null = null;
let lastWords: Int32Array | null = null;
let lastBytes: Uint8Array | null = null;
function wordsOf(buf: ArrayBufferLike): Int32Array {
  if (buf !== lastBuffer || lastBytes!.length !== buf.byteLength) {
    lastBuffer = buf;
    lastWords = new Int32Array(buf, 0, buf.byteLength >>> 2);
    lastBytes = new Uint8Array(buf);
  }
  return lastWords!;
}

// The scratch area strings are encoded into before hashing. When WebAssembly
// is available it is the private memory of the wasm hasher (siphash-wasm.ts),
// so the wasm function reads it in place; otherwise a plain ArrayBuffer.
interface PrivateMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
type MemoryCtor = new (d: { initial: number }) => PrivateMemory;
const WasmMemory: MemoryCtor | undefined = (globalThis as unknown as { WebAssembly?: { Memory: MemoryCtor } }).WebAssembly
  ?.Memory;
let privateMemory: PrivateMemory | null = null;
let wasmHasher: WasmSipHasher | null = null;
if (WasmMemory !== undefined) {
  try {
    privateMemory = new WasmMemory({ initial: 1 });
    wasmHasher = createWasmSipHasher(privateMemory, false);
  } catch {
    privateMemory = null;
    wasmHasher = null;
  }
}
/** Which SipHash implementation runs: the wasm one when it could be built. */
let backend: 'wasm' | 'js' = wasmHasher !== null ? 'wasm' : 'js';

/**
 * Choose the SipHash implementation ('js' is always available; 'wasm' only if
 * WebAssembly is). Both give identical results; tests run both.
 */
export function setSipHashBackend(b: 'wasm' | 'js'): void {
  backend = b === 'wasm' && wasmHasher !== null ? 'wasm' : 'js';
}
export function sipHashBackend(): 'wasm' | 'js' {
  return backend;
}

// Below this many bytes the JS core beats the wasm call (measured).
const WASM_MIN_BYTES = 64;

let scratch = new Uint8Array(privateMemory !== null ? privateMemory.buffer : new ArrayBuffer(65536));
let scratch16 = new Uint16Array(scratch.buffer);
let scratch32 = new Uint32Array(scratch.buffer);
let scratchWords = new Int32Array(scratch.buffer);
function ensureScratch(nbytes: number): void {
  if (scratch.length >= nbytes) return;
  if (privateMemory !== null) {
    privateMemory.grow(Math.ceil((nbytes - scratch.length) / 65536));
    scratch = new Uint8Array(privateMemory.buffer);
  } else {
    let n = scratch.length;
    while (n < nbytes) n *= 2;
    scratch = new Uint8Array(n);
  }
  scratch16 = new Uint16Array(scratch.buffer);
  scratch32 = new Uint32Array(scratch.buffer);
  scratchWords = new Int32Array(scratch.buffer);
}

/** Hash the first `nbytes` of the scratch area. */
function hashScratch(key: HashKey, nbytes: number, out: Uint32Array, off: number, at = 0): void {
  if (backend === 'wasm' && nbytes >= WASM_MIN_BYTES) wasmHasher!(key, at, nbytes, out, off);
  else sipHashCore(key, scratch, at, nbytes, scratchWords, out, off);
}

const NON_LATIN1 = /[\u0100-\uffff]/;
const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/;

/** PEP 393 kind of a JS string: 1 (latin-1), 2 (UCS-2) or 4 (UCS-4). */
export function strKind(s: string): 1 | 2 | 4 {
  // Native regex scans are several times faster than a charCodeAt loop.
  if (!NON_LATIN1.test(s)) return 1;
  return SURROGATE_PAIR.test(s) ? 4 : 2;
}

// Node's Buffer encodes latin-1 and UTF-16LE natively; elsewhere a loop does.
interface NodeBufferLike {
  write(s: string, offset: number, length: number, encoding: string): number;
}
type BufferCtor = { from(ab: ArrayBufferLike, off: number, len: number): NodeBufferLike };
const NodeBuffer: BufferCtor | undefined = (globalThis as unknown as { Buffer?: BufferCtor }).Buffer;
// Buffer#write has a fixed cost (encoding dispatch) that a loop beats on
// short strings (measured: ~40% of the time of hashing 12-char keys).
const NATIVE_ENCODE_MIN = 64;
let scratchNodeBuf: NodeBufferLike | null = null;
let scratchNodeBufFor: Uint8Array | null = null;
function nodeScratch(): NodeBufferLike | null {
  if (NodeBuffer === undefined) return null;
  if (scratchNodeBufFor !== scratch) {
    scratchNodeBuf = NodeBuffer.from(scratch.buffer, 0, scratch.length);
    scratchNodeBufFor = scratch;
  }
  return scratchNodeBuf;
}

// Short strings (most dict keys): copy and check for latin-1 in one pass into
// a small buffer, skipping the regex scans and the general scratch area.
const SHORT_MAX = 64;
const shortWords = new Int32Array(SHORT_MAX / 4 + 2);
const shortBytes = new Uint8Array(shortWords.buffer);
function hashShortLatin1(key: HashKey, s: string, out: Uint32Array, off: number): boolean {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) return false;
    shortBytes[i] = c;
  }
  sipHashCore(key, shortBytes, 0, n, shortWords, out, off);
  return true;
}

/**
 * hash(s) for a JS string holding a Python str (a lone surrogate is a code
 * point of its own, a surrogate pair is one astral code point).
 */
export function hashString(key: HashKey, s: string, out: Uint32Array, off: number): void {
  if (s.length <= SHORT_MAX && hashShortLatin1(key, s, out, off)) return;
  const kind = strKind(s);
  const n = s.length;
  if (kind === 1) {
    ensureScratch(n);
    const nb = n >= NATIVE_ENCODE_MIN ? nodeScratch() : null;
    if (nb !== null) nb.write(s, 0, n, 'latin1');
    else for (let i = 0; i < n; i++) scratch[i] = s.charCodeAt(i);
    hashScratch(key, n, out, off);
  } else if (kind === 2) {
    ensureScratch(n * 2);
    const nb = n >= NATIVE_ENCODE_MIN ? nodeScratch() : null;
    if (nb !== null) nb.write(s, 0, n * 2, 'utf16le');
    else for (let i = 0; i < n; i++) scratch16[i] = s.charCodeAt(i);
    hashScratch(key, n * 2, out, off);
  } else {
    // UTF-16 first (natively, from any string representation), then decode
    // surrogate pairs from the typed array into UCS-4 right after it.
    ensureScratch(n * 6 + 4);
    const nb = n >= NATIVE_ENCODE_MIN ? nodeScratch() : null;
    if (nb !== null) nb.write(s, 0, n * 2, 'utf16le');
    else for (let i = 0; i < n; i++) scratch16[i] = s.charCodeAt(i);
    const base = (n + 1) >>> 1; // UCS-4 output starts at byte 4 * base >= 2n
    const src = scratch16;
    const dst = scratch32;
    let k = base;
    for (let i = 0; i < n; i++) {
      const c = src[i]!;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = src[i + 1]!;
        if (d >= 0xdc00 && d <= 0xdfff) {
          dst[k++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          i++;
          continue;
        }
      }
      dst[k++] = c;
    }
    hashScratch(key, (k - base) * 4, out, off, base * 4);
  }
}

/**
 * hash of a str stored as UCS-1 / UCS-2 / UCS-4 code units (heap strings):
 * `length` code points starting at element `start` of `data`. No allocation
 * (views of the underlying buffer are cached per buffer).
 */
export function hashStrData(
  key: HashKey,
  data: Uint8Array | Uint16Array | Uint32Array,
  start: number,
  length: number,
  out: Uint32Array,
  off: number,
): void {
  const size = data.BYTES_PER_ELEMENT;
  const abs = data.byteOffset + start * size;
  if (backend === 'wasm' && length * size >= WASM_MIN_BYTES) {
    // Heap strings are best hashed in place by a hasher over the heap memory
    // (createWasmSipHasher); here the bytes are copied to the private memory.
    ensureScratch(length * size);
    scratch.set(new Uint8Array(data.buffer, abs, length * size));
    hashScratch(key, length * size, out, off);
    return;
  }
  const words = wordsOf(data.buffer);
  sipHashCore(key, lastBytes!, abs, length * size, (abs & 3) === 0 ? words : null, out, off);
}
