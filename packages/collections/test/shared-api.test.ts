// SharedDict / SharedList / SharedSet on one thread: value conversions (safe
// integers -> int, other numbers -> float, bigints -> int, null -> None),
// Python key equality (1 and 1.0 are one key), nested containers, snapshots,
// order (dict insertion order; set order = python3's), and references
// (release drops them: the heap's object blocks return to their baseline).
import { describe, expect, it } from 'vitest';
import { Tag } from '@pynogil/allocator';
import { SharedDict, SharedList, SharedSet, dropKeyCache } from '@pynogil/collections';
import { newEnv, python } from './shared-env.js';

describe('SharedDict / SharedList / SharedSet', () => {
  it('conversions, equality, nesting, snapshots', () => {
    const { ctx } = newEnv();
    const d = SharedDict.create(ctx);
    d.set('a', 1).set('b', 1.5).set('big', 2n ** 70n).set('n', null).set('t', true).set(2, 'two').set(-0, 'negzero');
    expect(d.size).toBe(7); // -0 is the float -0.0
    expect(d.get('a')).toBe(1);
    expect(d.get('b')).toBe(1.5);
    expect(d.get('big')).toBe(2n ** 70n);
    expect(d.get('n')).toBeNull();
    expect(d.get('t')).toBe(true);
    expect(d.get(2.0)).toBe('two');
    expect(d.get(0)).toBe('negzero'); // 0 == -0.0
    expect(d.get('missing')).toBeUndefined();
    expect(d.has(2)).toBe(true);
    expect(d.delete(2)).toBe(true);
    expect(d.delete(2)).toBe(false);
    expect(ctx.reprOf(d.ptr)).toBe("{'a': 1, 'b': 1.5, 'big': 1180591620717411303424, 'n': None, 't': True, -0.0: 'negzero'}");
    const l = SharedList.create(ctx);
    l.push(1, 'x', null);
    const s = SharedSet.create(ctx);
    s.add(3).add(1).add(2).add(1.0);
    d.set('list', l).set('set', s);
    expect(s.size).toBe(3);
    expect(s.has(true)).toBe(true);
    expect(l.length).toBe(3);
    expect(l.get(-1)).toBeNull();
    expect(l.pop()).toBeNull();
    l.set(0, 'y');
    expect([...l]).toEqual(['y', 'x']);
    expect(d.toJS()).toEqual(new Map<unknown, unknown>([
      ['a', 1], ['b', 1.5], ['big', 2n ** 70n], ['n', null], ['t', true], [-0, 'negzero'], ['list', ['y', 'x']], ['set', new Set([1, 2, 3])],
    ]));
    d.delete(0);
    expect(d.toJS()).toEqual({ a: 1, b: 1.5, big: 2n ** 70n, n: null, t: true, list: ['y', 'x'], set: new Set([1, 2, 3]) });
    expect([...d.keys()]).toEqual(['a', 'b', 'big', 'n', 't', 'list', 'set']);
    l.release(); s.release(); d.release();
  });

  it('set order equals python3', () => {
    const { ctx } = newEnv();
    const s = SharedSet.create(ctx);
    const words = ['pear', 'apple', 'fig', 'kiwi', 'plum', 'date', 'lime', 'yuzu', 'nectarine', 'cherry', 'é', '😀'];
    for (const w of words) s.add(w);
    s.delete('fig');
    const exp = python<string[]>("import json,sys\nw=json.load(sys.stdin)\ns=set(w)\ns.discard('fig')\nprint(json.dumps(list(s)))", words);
    expect([...s]).toEqual(exp);
    s.release();
  });

  it('release returns every object block', () => {
    const { heap, ctx } = newEnv();
    const before = heap.stats().byTag;
    const d = SharedDict.create(ctx);
    for (let i = 0; i < 500; i++) d.set(`k${i}`, i * 1000.5);
    const l = SharedList.create(ctx);
    for (let i = 0; i < 100; i++) l.push(`v${i}`);
    d.set('l', l);
    l.release();
    for (let i = 0; i < 250; i++) d.delete(`k${i}`);
    d.release();
    dropKeyCache(ctx);
    ctx.rc.qsbrQuiescent();
    for (let i = 0; i < 5; i++) ctx.rc.safePoint();
    const after = heap.stats().byTag;
    expect(after[Tag.OBJECT]!.blocks + after[Tag.GC]!.blocks).toBe(before[Tag.OBJECT]!.blocks + before[Tag.GC]!.blocks);
  });
});
