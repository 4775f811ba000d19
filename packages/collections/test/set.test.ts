// set / frozenset against python3 (PYTHONHASHSEED=0): repr order after random
// add/discard/pop/clear programs over ints and strs, table state (mask, fill,
// used) against numeric's SetTableModel after every program, frozenset hash,
// cross-type equality (1 == 1.0 == True), and the re-entrancy restart.
import { describe, expect, it } from 'vitest';
import {
  SetTableModel, frozensetHash, hashToPyInt, intFromNumber, floatNew, keyHash, setAdd, setClear, setContains, setIterNext,
  setDiscard, setItems, setLen, setNew, setPop, setTableState, strFromJs, boolFrom, PyExc,
} from '@pynogil/collections';
import { newEnv, python, rng } from './shared-env.js';

type Op = ['add' | 'discard', number | string] | ['pop'] | ['clear'];

const PY = `
import sys, json
progs = json.load(sys.stdin)
out = []
for prog in progs:
    s = set()
    for op in prog:
        if op[0] == 'add': s.add(op[1])
        elif op[0] == 'discard': s.discard(op[1])
        elif op[0] == 'pop':
            if s: s.pop()
        elif op[0] == 'clear': s.clear()
    out.append([repr(s), str(hash(frozenset(s)))])
print(json.dumps(out))
`;

const ALPHA = ['a', 'b', 'é', 'ж', '€', '😀', 'Z', '_'];

function randomProgram(r: () => number, strs: boolean): Op[] {
  const n = Math.floor(r() * 300);
  const range = [10, 50, 500, 100000][Math.floor(r() * 4)]!;
  const ops: Op[] = [];
  for (let i = 0; i < n; i++) {
    let key: number | string;
    if (strs) {
      const len = Math.floor(r() * 4);
      key = '';
      for (let j = 0; j < len; j++) key += ALPHA[Math.floor(r() * ALPHA.length)];
    } else {
      key = Math.floor(r() * range) - 5;
      if (r() < 0.05) key = key * 2 ** 30;
    }
    const x = r();
    if (x < 0.6) ops.push(['add', key]);
    else if (x < 0.9) ops.push(['discard', key]);
    else if (x < 0.99) ops.push(['pop']);
    else ops.push(['clear']);
  }
  return ops;
}

describe('set vs python3', () => {
  it('repr order, frozenset hash and table state after random programs', () => {
    const env = newEnv();
    const { ctx, t } = env;
    const r = rng(12345);
    const progs: Op[][] = [];
    for (let i = 0; i < 300; i++) progs.push(randomProgram(r, i % 2 === 1));
    const expected = python<[string, number | string][]>(PY, progs);
    const H = new Uint32Array(2);
    for (let i = 0; i < progs.length; i++) {
      const so = setNew(t);
      const model = new SetTableModel<number | string>();
      for (const op of progs[i]!) {
        if (op[0] === 'pop') {
          if (setLen(t, so) > 0) { const k = setPop(t, so); ctx.decref(k); model.pop(); }
          continue;
        }
        if (op[0] === 'clear') { setClear(t, so); model.clear(); continue; }
        const key = typeof op[1] === 'string' ? strFromJs(t, op[1]) : (intFromNumber(ctx, op[1]) as number);
        expect(keyHash(t, key, H, 0)).toBeNull();
        if (op[0] === 'add') { expect(setAdd(t, so, key)).toBeNull(); model.add(op[1], H[0]!, H[1]!); }
        else { setDiscard(t, so, key); model.discard(op[1], H[0]!, H[1]!); }
        ctx.decref(key);
      }
      expect(ctx.reprOf(so)).toBe(expected[i]![0]);
      const st = setTableState(t, so);
      expect([st.mask, st.fill, st.used]).toEqual([model.mask, model.fill, model.used]);
      frozensetHash(t, so, H, 0);
      expect(String(hashToPyInt(H[0]!, H[1]!))).toBe(String(expected[i]![1]));
      ctx.decref(so);
    }
  });

  it('1, 1.0 and True are one element; membership across numeric types', () => {
    const { ctx, t } = newEnv();
    const so = setNew(t);
    const one = intFromNumber(ctx, 1) as number;
    const onef = floatNew(ctx, 1.0) as number;
    expect(setAdd(t, so, onef)).toBeNull();
    expect(setAdd(t, so, one)).toBeNull();
    expect(setAdd(t, so, boolFrom(ctx, true))).toBeNull();
    expect(setLen(t, so)).toBe(1);
    expect(ctx.reprOf(so)).toBe('{1.0}');
    expect(setContains(t, so, boolFrom(ctx, true))).toBe(true);
    expect(setContains(t, so, boolFrom(ctx, false))).toBe(false);
    const big = intFromNumber(ctx, 2 ** 53 - 1) as number;
    expect(setAdd(t, so, big)).toBeNull();
    expect(setContains(t, so, floatNew(ctx, 2 ** 53 - 1) as number)).toBe(true);
    expect(setItems(t, so).length).toBe(2);
    const d = setNew(t);
    expect(setAdd(t, so, d)).toEqual(new PyExc('TypeError', "unhashable type: 'set'"));
  });

  it('a user __eq__ that mutates the set restarts the lookup', () => {
    const { ctx, t } = newEnv();
    const so = setNew(t);
    // Two "user objects" (None-typed blocks would be builtin): use the object type.
    const mk = (): number => { const p = ctx.newObject(16, ctx.tObject); return p; };
    const a = mk();
    const b = mk();
    let mutated = 0;
    t.protocol = {
      hashOf: (_p, out, off) => { out[off] = 42; out[off + 1] = 0; return null; },
      eq: (x, y) => {
        if (mutated++ === 0) {
          // Mutate the table during the comparison: fill it so it resizes.
          for (let i = 0; i < 20; i++) setAdd(t, so, intFromNumber(ctx, 1000 + i) as number);
        }
        return x === y;
      },
    };
    expect(setAdd(t, so, a)).toBeNull();
    expect(setAdd(t, so, b)).toBeNull();
    expect(mutated).toBeGreaterThan(0);
    expect(setLen(t, so)).toBe(22);
    expect(setContains(t, so, a)).toBe(true);
    expect(setContains(t, so, b)).toBe(true);
    t.protocol = { hashOf: () => null, eq: () => new PyExc('ValueError', 'boom') };
    const c = mk();
    t.protocol.hashOf = (_p, out, off) => { out[off] = 42; out[off + 1] = 0; return null; };
    expect(setAdd(t, so, c)).toEqual(new PyExc('ValueError', 'boom'));
  });
});

describe('set iteration', () => {
  it('setIterNext visits the keys in repr order', () => {
    const { ctx, t } = newEnv();
    const so = setNew(t);
    for (let i = 0; i < 40; i++) { const k = intFromNumber(ctx, (i * 7919) % 1000) as number; setAdd(t, so, k); ctx.decref(k); }
    const seen: number[] = [];
    const out = [0];
    for (let pos = 0; (pos = setIterNext(t, so, pos, out)) >= 0;) { seen.push(out[0]!); ctx.decref(out[0]!); }
    const snap = setItems(t, so);
    expect(seen).toEqual(snap);
    for (const k of snap) ctx.decref(k);
  });
});
