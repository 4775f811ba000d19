// dict against python3 (PYTHONHASHSEED=0): repr after random set/del/pop/
// popitem/setdefault/clear/update programs over int and str keys, and the table
// size after each program (inferred from python3's sys.getsizeof with 64-bit
// struct sizes, int-keyed dicts only: str-keyed 3.11 tables use other entries),
// popitem order, lock-free get/contains/len, cross-type keys, re-entrancy.
import { describe, expect, it } from 'vitest';
import {
  PyExc, boolFrom, dictClear, dictContains, dictDelItem, dictGetRef, dictItems, dictIterNext, dictLen, dictNew, dictPop,
  dictPopItem, dictSetDefault, dictSetItem, dictTableSize, dictUpdate, floatNew, intFromNumber, setNew, strFromJs,
} from '@pynogil/collections';
import { newEnv, python, rng } from './shared-env.js';

type Op = ['set', number | string, number] | ['del' | 'pop' | 'setdefault', number | string] | ['popitem'] | ['clear'] | ['update', number[]];

const PY = `
import sys, json
progs = json.load(sys.stdin)
out = []
for prog in progs:
    d = {}
    for op in prog:
        k = op[1] if len(op) > 1 else None
        if op[0] == 'set': d[k] = op[2]
        elif op[0] == 'del': d.pop(k, None)
        elif op[0] == 'pop': d.pop(k, None)
        elif op[0] == 'setdefault': d.setdefault(k, -1)
        elif op[0] == 'popitem':
            if d: d.popitem()
        elif op[0] == 'clear': d.clear()
        elif op[0] == 'update': d.update({x: x for x in op[1]})
    ints = all(type(k) is int for k in d)
    out.append([repr(d), sys.getsizeof(d) if ints else -1])
print(json.dumps(out))
`;

/** sys.getsizeof of a general-keys dict with 2^log2 slots on 64-bit CPython 3.11. */
function sizeof64(slots: number): number {
  if (slots === 0) return 64;
  const log2 = Math.log2(slots);
  const ixbytes = log2 < 8 ? 1 : log2 < 16 ? 2 : 4;
  return 16 + 48 + 32 + slots * ixbytes + Math.floor((slots * 2) / 3) * 24;
}

function randomProgram(r: () => number, strs: boolean): Op[] {
  const n = Math.floor(r() * 400);
  const range = [8, 40, 400, 100000][Math.floor(r() * 4)]!;
  const key = (): number | string => (strs && r() < 0.7 ? `k${Math.floor(r() * range)}` : Math.floor(r() * range) - 5);
  const ops: Op[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.55) ops.push(['set', key(), i]);
    else if (x < 0.7) ops.push(['del', key()]);
    else if (x < 0.8) ops.push(['pop', key()]);
    else if (x < 0.88) ops.push(['setdefault', key()]);
    else if (x < 0.97) ops.push(['popitem']);
    else if (x < 0.985) ops.push(['update', Array.from({ length: Math.floor(r() * 30) }, () => Math.floor(r() * range))]);
    else ops.push(['clear']);
  }
  return ops;
}

describe('dict vs python3', () => {
  it('repr and table size after random programs', () => {
    const { ctx, t } = newEnv();
    const r = rng(777);
    const progs: Op[][] = [];
    for (let i = 0; i < 300; i++) progs.push(randomProgram(r, i % 3 === 2));
    const expected = python<[string, number][]>(PY, progs);
    const obj = (v: number | string): number => (typeof v === 'string' ? strFromJs(t, v) : (intFromNumber(ctx, v) as number));
    for (let i = 0; i < progs.length; i++) {
      const d = dictNew(t);
      for (const op of progs[i]!) {
        switch (op[0]) {
          case 'set': { const k = obj(op[1]); const v = obj(op[2]); expect(dictSetItem(t, d, k, v)).toBeNull(); ctx.decref(k); ctx.decref(v); break; }
          case 'del': { const k = obj(op[1]); dictDelItem(t, d, k); ctx.decref(k); break; }
          case 'pop': { const k = obj(op[1]); const v = dictPop(t, d, k) as number; if (v !== 0) ctx.decref(v); ctx.decref(k); break; }
          case 'setdefault': {
            const k = obj(op[1]); const m1 = obj(-1);
            const v = dictSetDefault(t, d, k, m1) as number; ctx.decref(v); ctx.decref(k); ctx.decref(m1); break;
          }
          case 'popitem': { const kv = dictPopItem(t, d); if (kv) { ctx.decref(kv[0]); ctx.decref(kv[1]); } break; }
          case 'clear': dictClear(t, d); break;
          case 'update': {
            const o = dictNew(t);
            for (const x of op[1]) { const k = obj(x); dictSetItem(t, o, k, k); ctx.decref(k); }
            expect(dictUpdate(t, d, o)).toBeNull();
            ctx.decref(o);
            break;
          }
        }
      }
      const [repr, size] = expected[i]!;
      expect(ctx.reprOf(d)).toBe(repr);
      if (size >= 0) expect(sizeof64(dictTableSize(t, d))).toBe(size);
      ctx.decref(d);
    }
  });

  it('get, contains, len; numeric keys are one key; unhashable keys', () => {
    const { ctx, t } = newEnv();
    const d = dictNew(t);
    const k1 = intFromNumber(ctx, 1) as number;
    const f1 = floatNew(ctx, 1.0) as number;
    const a = strFromJs(t, 'a');
    const a2 = strFromJs(t, 'a');
    expect(dictSetItem(t, d, k1, a)).toBeNull();
    expect(dictSetItem(t, d, f1, a)).toBeNull();
    expect(dictSetItem(t, d, boolFrom(ctx, true), k1)).toBeNull();
    expect(dictLen(t, d)).toBe(1);
    expect(ctx.reprOf(d)).toBe('{1: 1}');
    expect(dictSetItem(t, d, a, k1)).toBeNull();
    const v = dictGetRef(t, d, a2) as number;
    expect(v).toBe(k1);
    expect(dictContains(t, d, a2)).toBe(true);
    expect(dictContains(t, d, strFromJs(t, 'b'))).toBe(false);
    expect(dictGetRef(t, d, strFromJs(t, 'b'))).toBe(0);
    expect(dictSetItem(t, d, setNew(t), k1)).toEqual(new PyExc('TypeError', "unhashable type: 'set'"));
    expect(dictSetItem(t, d, d, k1)).toEqual(new PyExc('TypeError', "unhashable type: 'dict'"));
    const items = dictItems(t, d);
    expect(items.keys.length).toBe(2);
  });

  it('a user __eq__ that mutates the dict restarts the lookup; errors are values', () => {
    const { ctx, t } = newEnv();
    const d = dictNew(t);
    const a = ctx.newObject(16, ctx.tObject);
    const b = ctx.newObject(16, ctx.tObject);
    let calls = 0;
    t.protocol = {
      hashOf: (_p, out, off) => { out[off] = 7; out[off + 1] = 0; return null; },
      eq: (x, y) => {
        if (calls++ === 0) for (let i = 0; i < 50; i++) { const k = intFromNumber(ctx, 1000 + i) as number; dictSetItem(t, d, k, k); }
        return x === y;
      },
    };
    expect(dictSetItem(t, d, a, a)).toBeNull();
    expect(dictSetItem(t, d, b, b)).toBeNull();
    expect(calls).toBeGreaterThan(0);
    expect(dictLen(t, d)).toBe(52);
    expect(dictGetRef(t, d, b)).toBe(b);
    t.protocol.eq = () => new PyExc('ValueError', 'boom');
    const c = ctx.newObject(16, ctx.tObject);
    expect(dictSetItem(t, d, c, c)).toEqual(new PyExc('ValueError', 'boom'));
    expect(dictGetRef(t, d, c)).toEqual(new PyExc('ValueError', 'boom'));
  });
});

describe('dict iteration', () => {
  it('dictIterNext visits the items in insertion order, skipping deleted entries', () => {
    const { ctx, t } = newEnv();
    const d = dictNew(t);
    for (let i = 0; i < 30; i++) { const k = intFromNumber(ctx, 1000 + i) as number; dictSetItem(t, d, k, k); ctx.decref(k); }
    for (let i = 0; i < 30; i += 3) { const k = intFromNumber(ctx, 1000 + i) as number; dictDelItem(t, d, k); ctx.decref(k); }
    const out = [0, 0];
    const seen: string[] = [];
    for (let pos = 0; (pos = dictIterNext(t, d, pos, out)) >= 0;) {
      seen.push(ctx.reprOf(out[0]!) as string);
      ctx.decref(out[0]!);
      ctx.decref(out[1]!);
    }
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 !== 0).map((i) => String(1000 + i)));
  });
});
