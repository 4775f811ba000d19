// Heap lists, single-threaded: the growth pattern of list_resize (allocated after
// each of 1000 appends, and along a random program of inserts, pops, deletes,
// extends and clears) equals python3's (64-bit CPython 3.11: allocated =
// (sys.getsizeof(l) - 56) / 8), contents and error messages equal python3's, and
// freeing a list gives every block back.
import { describe, expect, it } from 'vitest';
import {
  LIST_ARRAY_CAP, LIST_ITEM, PyExc, Py_EQ, Py_LT, intNew, intValue, listAllocated, listAppend, listClear,
  listDelItem, listExtend, listExtendList, listGetItemRef, listInsert, listItems, listLength, listNew, listPop,
  listRepr, listSetItem, listSlice, tuplePack, type ObjContext,
} from '@pynogil/collections';
import { objEnv, prng, py } from './objects-env.js';

function values(ctx: ObjContext, l: number): number[] {
  const xs = listItems(ctx, l);
  const out = xs.map((p) => Number(intValue(ctx, p)));
  for (const p of xs) ctx.decref(p);
  return out;
}

describe('heap list', () => {
  it('allocated after each append 0..1000 equals CPython 3.11\'s', () => {
    const { ctx, heap } = objEnv();
    const want = py<number[]>(`
l = []
out = [(sys.getsizeof(l) - 56) // 8]
for i in range(1000):
    l.append(i)
    out.append((sys.getsizeof(l) - 56) // 8)
print(json.dumps(out))`, null);
    const base = heap.stats().inUseBlocks;
    const l = listNew(ctx) as number;
    const got = [listAllocated(ctx, l)];
    for (let i = 0; i < 1000; i++) {
      const v = intNew(ctx, i * 1000) as number;
      expect(listAppend(ctx, l, v)).toBe(null);
      ctx.decref(v);
      got.push(listAllocated(ctx, l));
      // The array's own capacity word agrees with `allocated`.
      const items = heap.u32[(l + LIST_ITEM) >>> 2]!;
      expect(heap.u32[(items + LIST_ARRAY_CAP) >>> 2]).toBe(listAllocated(ctx, l));
    }
    expect(got).toEqual(want);
    expect(listLength(ctx, l)).toBe(1000);
    ctx.decref(l);
    expect(heap.stats().inUseBlocks).toBe(base);
  });

  it('a random program of list operations: contents, allocated and errors equal python3\'s', () => {
    const { ctx, heap } = objEnv();
    const r = prng(21);
    type Op = [string, number, number];
    const ops: Op[] = [];
    for (let i = 0; i < 1500; i++) {
      const k = r();
      const a = Math.floor((r() - 0.3) * 60);
      const b = Math.floor(r() * 1e6);
      if (k < 0.35) ops.push(['append', 0, b]);
      else if (k < 0.5) ops.push(['insert', a, b]);
      else if (k < 0.65) ops.push(['pop', a, 0]);
      else if (k < 0.72) ops.push(['poplast', 0, 0]);
      else if (k < 0.8) ops.push(['del', a, 0]);
      else if (k < 0.88) ops.push(['set', a, b]);
      else if (k < 0.96) ops.push(['get', a, 0]);
      else if (k < 0.99) ops.push(['extend', Math.floor(r() * 40), b]);
      else ops.push(['clear', 0, 0]);
    }
    const want = py<[unknown, number, number][]>(`
l = []
out = []
for op, a, b in inp:
    try:
        if op == 'append': res = l.append(b)
        elif op == 'insert': res = l.insert(a, b)
        elif op == 'pop': res = l.pop(a)
        elif op == 'poplast': res = l.pop()
        elif op == 'del':
            del l[a]; res = None
        elif op == 'set':
            l[a] = b; res = None
        elif op == 'get': res = l[a]
        elif op == 'extend': res = l.extend([b + i for i in range(a)])
        elif op == 'clear': res = l.clear()
    except Exception as e:
        res = type(e).__name__ + ': ' + str(e)
    out.append([res, len(l), (sys.getsizeof(l) - 56) // 8])
out.append(l)
print(json.dumps(out))`, ops);
    const base = heap.stats().inUseBlocks;
    const l = listNew(ctx) as number;
    const show = (x: number | PyExc | null): unknown => {
      if (x === null) return null;
      if (x instanceof PyExc) return `${x.type}: ${x.message}`;
      const v = Number(intValue(ctx, x));
      ctx.decref(x);
      return v;
    };
    ops.forEach(([op, a, b], i) => {
      const v = intNew(ctx, b) as number;
      let res: unknown;
      switch (op) {
        case 'append': res = show(listAppend(ctx, l, v)); break;
        case 'insert': res = show(listInsert(ctx, l, a, v)); break;
        case 'pop': res = show(listPop(ctx, l, a)); break;
        case 'poplast': res = show(listPop(ctx, l)); break;
        case 'del': res = show(listDelItem(ctx, l, a)); break;
        case 'set': res = show(listSetItem(ctx, l, a, v)); break;
        case 'get': res = show(listGetItemRef(ctx, l, a)); break;
        case 'extend': {
          const xs = Array.from({ length: a }, (_, k) => intNew(ctx, b + k) as number);
          res = show(listExtend(ctx, l, xs));
          for (const x of xs) ctx.decref(x);
          break;
        }
        default: listClear(ctx, l); res = null;
      }
      ctx.decref(v);
      expect([res, listLength(ctx, l), listAllocated(ctx, l)], `step ${i} ${op}(${a})`).toEqual(want[i]);
    });
    expect(values(ctx, l)).toEqual(want[ops.length]);
    ctx.decref(l);
    expect(heap.stats().inUseBlocks).toBe(base);
  });

  it('slices, extend from a list (itself too), comparisons, repr, nesting', () => {
    const { ctx, heap } = objEnv();
    const base = heap.stats().inUseBlocks;
    const l = listNew(ctx) as number;
    for (let i = 0; i < 10; i++) listAppend(ctx, l, ctx.smallInts[i + 5]!);
    const s = listSlice(ctx, l, -3, 100) as number;
    expect(values(ctx, s)).toEqual([7, 8, 9]);
    expect(listRepr(ctx, s)).toBe('[7, 8, 9]');
    expect(listExtendList(ctx, s, s)).toBe(null);
    expect(values(ctx, s)).toEqual([7, 8, 9, 7, 8, 9]);
    expect(ctx.richCompareBool(l, s, Py_LT)).toBe(true);
    const s2 = listSlice(ctx, s, 0, 3) as number;
    const s3 = listSlice(ctx, l, 7, 10) as number;
    expect(ctx.richCompareBool(s2, s3, Py_EQ)).toBe(true);
    listAppend(ctx, s2, s2); // a list inside itself
    expect(listRepr(ctx, s2)).toBe('[7, 8, 9, [...]]');
    const t = tuplePack(ctx, [l, s]) as number;
    expect(ctx.reprOf(t)).toBe('([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [7, 8, 9, 7, 8, 9])');
    expect(listPop(ctx, s2)).toBe(s2);
    ctx.decref(s2);
    for (const p of [t, l, s, s2, s3]) ctx.decref(p);
    expect(heap.stats().inUseBlocks).toBe(base);
  });
});
