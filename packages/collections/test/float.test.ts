// Heap floats: box/unbox, repr and hash through heap objects vs python3, and
// int/float comparisons.
import { describe, expect, it } from 'vitest';
import {
  FLOAT_FVAL, Py_EQ, Py_GT, Py_LT, floatHash, floatNew, floatObjRepr, floatValue, hashToPyInt, intNew,
} from '@pynogil/collections';
import { objEnv, prng, py } from './objects-env.js';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const bits = (x: number): string => { f64[0] = x; return u32[1]!.toString(16).padStart(8, '0') + u32[0]!.toString(16).padStart(8, '0'); };
const fromBits = (lo: number, hi: number): number => { u32[0] = lo; u32[1] = hi; return f64[0]!; };

describe('heap float', () => {
  it('repr and hash via heap objects equal python3\'s', () => {
    const { ctx, heap } = objEnv();
    const r = prng(3);
    const xs = [0, -0, 1, -1.5, 0.1, 1e16, 1e-5, 1e22, 5e-324, 1.7976931348623157e308, Infinity, -Infinity, 2 ** 53, 123456789.125];
    for (let i = 0; i < 1500; i++) xs.push(fromBits((r() * 2 ** 32) >>> 0, (r() * 2 ** 32) >>> 0));
    const finite = xs.filter((x) => x === x);
    const want = py<[string, string][]>(`
import struct
out = []
for h in inp:
    x = struct.unpack('>d', bytes.fromhex(h))[0]
    out.append([repr(x), str(hash(x))])
print(json.dumps(out))
`, finite.map(bits));
    const base = heap.stats().inUseBlocks;
    const out = new Uint32Array(2);
    finite.forEach((x, i) => {
      const p = floatNew(ctx, x) as number;
      expect(heap.f64[(p + FLOAT_FVAL) >>> 3]).toBe(x);
      expect(Object.is(floatValue(ctx, p), x)).toBe(true);
      expect(floatObjRepr(ctx, p)).toBe(want[i]![0]);
      floatHash(ctx, p, out, 0);
      expect(String(hashToPyInt(out[0]!, out[1]!))).toBe(want[i]![1]);
      ctx.decref(p);
    });
    expect(heap.stats().inUseBlocks).toBe(base);
    // NaN hashes by address (3.10+): two NaN objects differ.
    const n1 = floatNew(ctx, NaN) as number;
    const n2 = floatNew(ctx, NaN) as number;
    const h1 = new Uint32Array(2);
    const h2 = new Uint32Array(2);
    floatHash(ctx, n1, h1, 0);
    floatHash(ctx, n2, h2, 0);
    expect(Array.from(h1)).not.toEqual(Array.from(h2));
    expect(floatObjRepr(ctx, n1)).toBe('nan');
  });

  it('compares with ints exactly, NaN unordered', () => {
    const { ctx } = objEnv();
    const big = intNew(ctx, 2n ** 53n + 1n) as number;
    const f = floatNew(ctx, 2 ** 53) as number;
    expect(ctx.richCompareBool(f, big, Py_LT)).toBe(true);
    expect(ctx.richCompareBool(big, f, Py_GT)).toBe(true);
    expect(ctx.richCompareBool(big, f, Py_EQ)).toBe(false);
    const one = floatNew(ctx, 1) as number;
    expect(ctx.richCompareBool(one, ctx.True, Py_EQ)).toBe(true);
    const nan = floatNew(ctx, NaN) as number;
    expect(ctx.richCompareBool(nan, nan, Py_EQ)).toBe(true); // identity, as containers do
    const nan2 = floatNew(ctx, NaN) as number;
    expect(ctx.richCompareBool(nan, nan2, Py_EQ)).toBe(false);
  });
});
