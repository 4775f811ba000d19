// Heap bytes: creation, items, hash (cached in ob_shash) vs python3, concat,
// comparison, repr, the b'' singleton.
import { describe, expect, it } from 'vitest';
import {
  BYTES_SHASH, BYTES_SVAL, PyExc, Py_LT, bytesCompare, bytesConcat, bytesGetItem, bytesHash, bytesItem, bytesLength,
  bytesNew, bytesRepr, bytesToUint8Array, hashToPyInt, intValue,
} from '@pynogil/collections';
import { objEnv, prng, py } from './objects-env.js';

describe('heap bytes', () => {
  it('hash and repr equal python3\'s (PYTHONHASHSEED=0), hash cached in ob_shash', () => {
    const { ctx, heap } = objEnv();
    const r = prng(5);
    const samples: number[][] = [[], [0], [39], [34], [39, 34], [92, 10, 13, 9, 255, 127, 31]];
    for (let i = 0; i < 300; i++) {
      const n = Math.floor(r() * (i < 200 ? 20 : 300));
      samples.push(Array.from({ length: n }, () => Math.floor(r() * 256)));
    }
    const want = py<[string, string][]>('print(json.dumps([[str(hash(bytes(b))), repr(bytes(b))] for b in inp]))', samples);
    const base = heap.stats().inUseBlocks;
    const out = new Uint32Array(2);
    samples.forEach((s, i) => {
      const b = bytesNew(ctx, Uint8Array.from(s)) as number;
      expect(bytesLength(ctx, b)).toBe(s.length);
      expect(heap.u8[b + BYTES_SVAL + s.length]).toBe(0); // NUL-terminated
      if (s.length > 0) expect(heap.i32[(b + BYTES_SHASH) >>> 2]).toBe(-1);
      bytesHash(ctx, b, out, 0);
      expect(String(hashToPyInt(out[0]!, out[1]!))).toBe(want[i]![0]);
      expect([heap.u32[(b + BYTES_SHASH) >>> 2], heap.u32[(b + BYTES_SHASH + 4) >>> 2]]).toEqual([out[0], out[1]]);
      out.fill(0);
      bytesHash(ctx, b, out, 0); // from the cache
      expect(String(hashToPyInt(out[0]!, out[1]!))).toBe(want[i]![0]);
      expect(bytesRepr(ctx, b)).toBe(want[i]![1]);
      expect(Array.from(bytesToUint8Array(ctx, b))).toEqual(s);
      ctx.decref(b);
    });
    expect(heap.stats().inUseBlocks).toBe(base);
    expect(bytesNew(ctx, new Uint8Array(0))).toBe(ctx.emptyBytes);
  });

  it('items, concat and comparison', () => {
    const { ctx } = objEnv();
    const a = bytesNew(ctx, Uint8Array.from([1, 2, 250])) as number;
    const b = bytesNew(ctx, Uint8Array.from([1, 3])) as number;
    expect(bytesItem(ctx, a, -1)).toBe(250);
    expect(intValue(ctx, bytesGetItem(ctx, a, 0) as number)).toBe(1);
    const e = bytesItem(ctx, a, 3);
    expect(e instanceof PyExc && `${e.type}: ${e.message}`).toBe('IndexError: index out of range');
    const c = bytesConcat(ctx, a, b) as number;
    expect(Array.from(bytesToUint8Array(ctx, c))).toEqual([1, 2, 250, 1, 3]);
    expect(bytesConcat(ctx, a, ctx.emptyBytes)).toBe(a);
    expect(bytesCompare(ctx, a, b)).toBe(-1);
    expect(bytesCompare(ctx, a, c)).toBe(-1);
    expect(bytesCompare(ctx, c, a)).toBe(1);
    expect(ctx.richCompareBool(b, a, Py_LT)).toBe(false);
  });
});
