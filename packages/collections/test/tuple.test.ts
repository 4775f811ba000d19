// Heap tuples: creation, items, hash vs python3 (nested tuples of ints, floats,
// bytes, None, bools), comparison, repr, and deallocation back to the baseline.
import { describe, expect, it } from 'vitest';
import {
  PyExc, Py_EQ, Py_GE, Py_LT, bytesNew, floatNew, hashToPyInt, intNew, tupleGetItem, tupleHash, tupleLength,
  tuplePack, tupleRepr, tupleSlice, listNew, listAppend, type ObjContext,
} from '@pynogil/collections';
import { objEnv, prng, py } from './objects-env.js';

type V = number | string | null | boolean | V[] | { f: number } | { b: number[] };

function build(ctx: ObjContext, v: V): number {
  if (v === null) return ctx.None;
  if (typeof v === 'boolean') return v ? ctx.True : ctx.False;
  if (typeof v === 'number') return intNew(ctx, v) as number;
  if (typeof v === 'string') return intNew(ctx, BigInt(v)) as number;
  if (Array.isArray(v)) {
    const items = v.map((x) => build(ctx, x));
    const t = tuplePack(ctx, items) as number;
    for (const p of items) ctx.decref(p);
    return t;
  }
  if ('f' in v) return floatNew(ctx, v.f) as number;
  return bytesNew(ctx, Uint8Array.from(v.b)) as number;
}

function gen(r: () => number, depth: number): V {
  const k = Math.floor(r() * (depth > 2 ? 6 : 7));
  switch (k) {
    case 0: return Math.floor((r() - 0.5) * 1e6);
    case 1: return String(BigInt(Math.floor(r() * 2 ** 50)) * 12345678901n);
    case 2: return { f: Math.round((r() - 0.5) * 1e4) / 8 };
    case 3: return r() < 0.5; // not None: hash(None) is address-based in 3.11
    case 4: return { b: Array.from({ length: Math.floor(r() * 5) }, () => Math.floor(r() * 256)) };
    case 5: return Math.floor(r() * 300) - 5;
    default: return Array.from({ length: Math.floor(r() * 4) }, () => gen(r, depth + 1));
  }
}

const PY_BUILD = `
def build(v):
    if v is None or isinstance(v, bool): return v
    if isinstance(v, int): return v
    if isinstance(v, str): return int(v)
    if isinstance(v, list): return tuple(build(x) for x in v)
    if 'f' in v: return float(v['f'])
    return bytes(v['b'])
`;

describe('heap tuple', () => {
  it('hash and repr equal python3\'s; deallocation frees every block', () => {
    const { ctx, heap } = objEnv();
    const r = prng(9);
    const cases: V[][] = [[], [1], [1, 2], [[1, 2], [3]], [true, false], [{ f: 1.0 }, 1, true]];
    for (let i = 0; i < 250; i++) cases.push(Array.from({ length: Math.floor(r() * 6) }, () => gen(r, 1)));
    const want = py<[string, string][]>(PY_BUILD + 'print(json.dumps([[str(hash(build(c))), repr(build(c))] for c in inp]))', cases);
    const base = heap.stats().inUseBlocks;
    const out = new Uint32Array(2);
    cases.forEach((c, i) => {
      const t = build(ctx, c);
      expect(tupleLength(ctx, t)).toBe(c.length);
      expect(tupleHash(ctx, t, out, 0)).toBe(null);
      expect(String(hashToPyInt(out[0]!, out[1]!))).toBe(want[i]![0]);
      expect(tupleRepr(ctx, t)).toBe(want[i]![1]);
      ctx.decref(t);
    });
    expect(heap.stats().inUseBlocks).toBe(base);
  });

  it('items, slices, comparisons, unhashable items', () => {
    const { ctx, heap } = objEnv();
    const base = heap.stats().inUseBlocks;
    const a = build(ctx, [1, 2, 3]);
    const b = build(ctx, [1, 2, 4]);
    const c = build(ctx, [1, 2]);
    expect(ctx.richCompareBool(a, b, Py_LT)).toBe(true);
    expect(ctx.richCompareBool(c, a, Py_LT)).toBe(true);
    expect(ctx.richCompareBool(a, a, Py_GE)).toBe(true);
    const a2 = build(ctx, [1, 2, 3]);
    expect(ctx.richCompareBool(a, a2, Py_EQ)).toBe(true);
    ctx.decref(a2);
    const x = tupleGetItem(ctx, a, -1) as number;
    expect(ctx.reprOf(x)).toBe('3');
    ctx.decref(x);
    const e = tupleGetItem(ctx, a, 3);
    expect(e instanceof PyExc && e.message).toBe('tuple index out of range');
    const s = tupleSlice(ctx, a, 1, 10) as number;
    expect(tupleRepr(ctx, s)).toBe('(2, 3)');
    expect(tupleSlice(ctx, a, 0, 3)).toBe(a);
    ctx.decref(a);
    expect(tupleSlice(ctx, a, 2, 1)).toBe(ctx.emptyTuple);
    const lst = listNew(ctx) as number;
    const bad = tuplePack(ctx, [ctx.None, lst]) as number;
    expect(tupleRepr(ctx, bad)).toBe('(None, [])');
    const h = tupleHash(ctx, bad, new Uint32Array(2), 0);
    expect(h instanceof PyExc && `${h.type}: ${h.message}`).toBe("TypeError: unhashable type: 'list'");
    ctx.decref(bad);
    ctx.decref(lst);
    for (const p of [a, b, c, s]) ctx.decref(p);
    expect(heap.stats().inUseBlocks).toBe(base);
  });
});

describe('deep nesting', () => {
  it('freeing 200 000 nested tuples and lists does not overflow the stack (trashcan) and frees every block', () => {
    const { ctx, heap } = objEnv(8192);
    const base = heap.stats().inUseBlocks;
    let cur = tuplePack(ctx, [ctx.None]) as number;
    for (let i = 0; i < 200000; i++) {
      let next: number;
      if (i % 2 === 0) next = tuplePack(ctx, [cur, ctx.True]) as number;
      else {
        next = listNew(ctx) as number;
        listAppend(ctx, next, cur);
      }
      ctx.decref(cur);
      cur = next;
    }
    ctx.decref(cur);
    expect(heap.stats().inUseBlocks).toBe(base);
  });
});

describe('deep repr', () => {
  it('repr of 100 000 nested tuples / lists is RecursionError with CPython\'s message, as in python3', () => {
    const { ctx } = objEnv(8192);
    const want = py<string[]>(`
out = []
for mk in (lambda x: (x,), lambda x: [x]):
    t = ()
    for i in range(100000): t = mk(t)
    try: repr(t); out.append('ok')
    except RecursionError as e: out.append('RecursionError: ' + str(e))
print(json.dumps(out))`, null);
    const got: string[] = [];
    for (const list of [false, true]) {
      let cur = ctx.emptyTuple;
      for (let i = 0; i < 100000; i++) {
        let next: number;
        if (list) {
          next = listNew(ctx) as number;
          listAppend(ctx, next, cur);
        } else {
          next = tuplePack(ctx, [cur]) as number;
        }
        ctx.decref(cur);
        cur = next;
      }
      const r = ctx.reprOf(cur);
      got.push(r instanceof PyExc ? `${r.type}: ${r.message}` : 'ok');
      ctx.decref(cur);
    }
    expect(got).toEqual(want);
  });
});

describe('deep hash', () => {
  it('hash of 100 000 nested tuples equals python3\'s (no JS recursion)', () => {
    const { ctx } = objEnv(8192);
    const want = py<string>(`
t = (1, 2)
for i in range(100000): t = (t, i % 7) if i % 3 else (t,)
print(json.dumps(str(hash(t))))`, null);
    let cur = tuplePack(ctx, [ctx.smallInts[6]!, ctx.smallInts[7]!]) as number;
    for (let i = 0; i < 100000; i++) {
      const next = (i % 3 ? tuplePack(ctx, [cur, ctx.smallInts[5 + (i % 7)]!]) : tuplePack(ctx, [cur])) as number;
      ctx.decref(cur);
      cur = next;
    }
    const out = new Uint32Array(2);
    expect(tupleHash(ctx, cur, out, 0)).toBe(null);
    expect(String(hashToPyInt(out[0]!, out[1]!))).toBe(want);
    ctx.decref(cur);
  });
});

describe('deep comparison', () => {
  it('== and < of 100 000 nested tuples / lists give CPython\'s RecursionError', () => {
    const { ctx } = objEnv(8192);
    const want = py<string[]>(`
out = []
for mk in (lambda x: (x,), lambda x: [x]):
    a = b = ()
    for i in range(100000): a = mk(a); b = mk(b)
    for f in (lambda: a == b, lambda: a < b):
        try: out.append(str(f()))
        except RecursionError as e: out.append('RecursionError: ' + str(e))
print(json.dumps(out))`, null);
    const got: string[] = [];
    for (const list of [false, true]) {
      const chain = (): number => {
        let cur = ctx.emptyTuple;
        for (let i = 0; i < 100000; i++) {
          let next: number;
          if (list) { next = listNew(ctx) as number; listAppend(ctx, next, cur); } else next = tuplePack(ctx, [cur]) as number;
          ctx.decref(cur);
          cur = next;
        }
        return cur;
      };
      const a = chain();
      const b = chain();
      for (const op of [Py_EQ, Py_LT] as const) {
        const r = ctx.richCompareBool(a, b, op);
        got.push(r instanceof PyExc ? `${r.type}: ${r.message}` : r ? 'True' : 'False');
      }
      ctx.decref(a);
      ctx.decref(b);
    }
    expect(got).toEqual(want);
  });
});
