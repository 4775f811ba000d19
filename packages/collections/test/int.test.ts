// Heap ints: small-int immortality, round trips of random values through heap
// digits, the digit layout, hash, arithmetic and comparisons against python3.
import { describe, expect, it } from 'vitest';
import {
  LONG_DIGITS, LONG_SIZE, PyExc, boolFrom, hashToPyInt, intDigitCount, intHash, intNew,
  intObjAdd, intObjFloorDiv, intObjMod, intObjMul, intObjPow, intObjSub, intObjTrueDiv, intRepr, intValue,
  floatValue, Py_LT, Py_EQ,
} from '@pynogil/collections';
import { IMMORTAL_LOCAL } from '@pynogil/refcount';
import { objEnv, prng, py } from './objects-env.js';

const box = (ctx: ReturnType<typeof objEnv>['ctx'], v: number | bigint): number => {
  const p = intNew(ctx, v);
  if (typeof p !== 'number') throw new Error(String(p));
  return p;
};

describe('heap int', () => {
  it('small ints -5..256 are immortal singletons; others are fresh objects', () => {
    const { ctx, rc, heap } = objEnv();
    for (let v = -5; v <= 256; v++) {
      const p = box(ctx, v);
      expect(box(ctx, v)).toBe(p);
      expect(heap.u32[(p + 4) >>> 2]).toBe(IMMORTAL_LOCAL);
      expect(rc.isImmortal(p)).toBe(true);
      expect(intValue(ctx, p)).toBe(v);
      ctx.decref(p);
    }
    const a = box(ctx, 257);
    const b = box(ctx, 257);
    expect(a).not.toBe(b);
    expect(rc.refcount(a)).toBe(1);
    ctx.decref(a);
    ctx.decref(b);
    expect(box(ctx, 10n)).toBe(ctx.smallInts[15]);
    expect(boolFrom(ctx, true)).toBe(ctx.True);
    expect(intValue(ctx, ctx.True)).toBe(1);
    expect(intValue(ctx, ctx.False)).toBe(0);
    expect(intRepr(ctx, ctx.True)).toBe('True');
  });

  it('digit layout is CPython\'s: ob_size = ±ndigits, 30-bit digits', () => {
    const { ctx, heap } = objEnv();
    const p = box(ctx, -((1n << 60n) + 5n));
    expect(heap.i32[(p + LONG_SIZE) >>> 2]).toBe(-3);
    expect(Array.from(heap.u32.subarray((p + LONG_DIGITS) >>> 2, ((p + LONG_DIGITS) >>> 2) + 3))).toEqual([5, 0, 1]);
    const q = box(ctx, 2 ** 40 + 7);
    expect(intDigitCount(ctx, q)).toBe(2);
    expect(intValue(ctx, q)).toBe(2 ** 40 + 7);
  });

  it('random values round-trip through heap digits (numbers and bigints up to 3000 bits)', () => {
    const { ctx, heap } = objEnv();
    const r = prng(7);
    const base = heap.stats().inUseBlocks;
    for (let i = 0; i < 3000; i++) {
      let v: number | bigint;
      if (i % 3 === 0) v = Math.floor((r() - 0.5) * 2 ** (1 + Math.floor(r() * 53)));
      else {
        const bits = 1 + Math.floor(r() * 3000);
        let b = 0n;
        for (let k = 0; k < bits; k += 30) b = (b << 30n) | BigInt(Math.floor(r() * 2 ** 30));
        v = r() < 0.5 ? -b : b;
      }
      const p = box(ctx, v);
      const back = intValue(ctx, p);
      expect(BigInt(back)).toBe(BigInt(v));
      // Normalised: safe integers come back as numbers.
      const big = BigInt(v);
      expect(typeof back).toBe(big >= -(2n ** 53n - 1n) && big <= 2n ** 53n - 1n ? 'number' : 'bigint');
      ctx.decref(p);
    }
    expect(heap.stats().inUseBlocks).toBe(base);
  });

  it('hash, arithmetic and comparisons match python3', () => {
    const { ctx } = objEnv();
    const r = prng(11);
    const vals: bigint[] = [0n, 1n, -1n, -2n, 2n ** 61n - 1n, 2n ** 61n, -(2n ** 61n), 2n ** 100n + 3n];
    for (let i = 0; i < 200; i++) {
      let b = BigInt(Math.floor(r() * 2 ** 30));
      const k = Math.floor(r() * 5);
      for (let j = 0; j < k; j++) b = (b << 30n) | BigInt(Math.floor(r() * 2 ** 30));
      vals.push(r() < 0.5 ? -b : b);
    }
    const pairs = vals.map((v, i) => [v, vals[(i * 7 + 3) % vals.length]!, BigInt(i % 13)]);
    const want = py<{ h: string[]; ops: unknown[][] }>(`
def E(f):
    try: return str(f())
    except Exception as e: return type(e).__name__ + ': ' + str(e)
vals = [int(x) for x in inp['vals']]
pairs = [[int(x) for x in p] for p in inp['pairs']]
print(json.dumps({'h': [str(hash(v)) for v in vals],
  'ops': [[E(lambda: a + b), E(lambda: a - b), E(lambda: a * b), E(lambda: a // b), E(lambda: a % b),
           E(lambda: a ** c), E(lambda: repr(a / b)), a < b, a == b] for a, b, c in pairs]}))
`, { vals: vals.map(String), pairs: pairs.map((p) => p.map(String)) });
    const out = new Uint32Array(2);
    vals.forEach((v, i) => {
      const p = box(ctx, v);
      intHash(ctx, p, out, 0);
      expect(String(hashToPyInt(out[0]!, out[1]!))).toBe(want.h[i]);
      ctx.decref(p);
    });
    const show = (x: number | PyExc, asFloat = false): string => {
      if (x instanceof PyExc) return `${x.type}: ${x.message}`;
      const s = asFloat ? String(floatValue(ctx, x)) : String(intValue(ctx, x));
      ctx.decref(x);
      return s;
    };
    pairs.forEach(([a, b, c], i) => {
      const pa = box(ctx, a!);
      const pb = box(ctx, b!);
      const pc = box(ctx, c!);
      const got = [show(intObjAdd(ctx, pa, pb)), show(intObjSub(ctx, pa, pb)), show(intObjMul(ctx, pa, pb)),
        show(intObjFloorDiv(ctx, pa, pb)), show(intObjMod(ctx, pa, pb)), show(intObjPow(ctx, pa, pc))];
      expect(got).toEqual(want.ops[i]!.slice(0, 6));
      const td = intObjTrueDiv(ctx, pa, pb);
      if (td instanceof PyExc) expect(`${td.type}: ${td.message}`).toBe(want.ops[i]![6]);
      else { ctx.decref(td); }
      expect(ctx.richCompareBool(pa, pb, Py_LT)).toBe(want.ops[i]![7]);
      expect(ctx.richCompareBool(pa, pb, Py_EQ)).toBe(want.ops[i]![8]);
      for (const p of [pa, pb, pc]) ctx.decref(p);
    });
  });
});
