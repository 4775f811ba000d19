// The intern table: the same offset for the same string from every worker
// (4 workers interning 3000 names concurrently, in different orders, across
// table growths), immortal strs, per-thread JS caches, sys.intern of heap strs.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { emptyStr, intern, internCount, internStr, strFromJs, strToJsCached } from '@pynogil/collections';
import { newEnv, rng } from './shared-env.js';

function run(workerData: object): Promise<{ out: Record<string, number>; bad: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./intern-worker.mjs', import.meta.url), { workerData });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

describe('intern table', () => {
  it('same offset in every worker', async () => {
    const { heap, rc, ctx } = newEnv(16384);
    const names = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `name_${i}` : i % 3 === 1 ? `ñame_${i}` : `名前_${i}😀`));
    const mine = intern(ctx, 'shared_first');
    const shuffled = (seed: number): string[] => {
      const r = rng(seed);
      const a = [...names, 'shared_first'];
      for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [a[i], a[j]] = [a[j]!, a[i]!]; }
      return a;
    };
    rc.detach();
    const res = await Promise.all([1, 2, 3, 4].map((s) => run({ memory: heap.memory, names: shuffled(s) })));
    rc.attach();
    for (const r of res) expect(r.bad).toBe(0);
    for (const n of [...names, 'shared_first']) {
      const p = res[0]!.out[n]!;
      for (const r of res) expect(r.out[n]).toBe(p);
      expect(intern(ctx, n)).toBe(p);
      expect(strToJsCached(ctx, p)).toBe(n);
    }
    expect(res[0]!.out.shared_first).toBe(mine);
    expect(internCount(ctx)).toBe(names.length + 1);
  });

  it('internStr of a heap str, the empty str', () => {
    const { ctx, t, rc } = newEnv();
    const a = strFromJs(t, 'identifier');
    const i1 = internStr(ctx, a);
    expect(i1).not.toBe(a); // a private immortal copy: `a` may be shared
    expect(rc.isImmortal(i1)).toBe(true);
    expect(rc.isImmortal(a)).toBe(false);
    expect(internStr(ctx, strFromJs(t, 'identifier'))).toBe(i1);
    expect(intern(ctx, 'identifier')).toBe(i1);
    expect(internStr(ctx, i1)).toBe(i1);
    expect(emptyStr(ctx)).toBe(intern(ctx, ''));
  });
});
