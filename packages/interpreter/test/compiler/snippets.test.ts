// Hand-picked programs for the corners of scope resolution that the standard
// library exercises rarely: each is rendered (tables and code objects, as in
// corpus.ts) by python3's symtable + compile() and by us, and must agree exactly.
import { test, expect } from 'vitest';
import { runOracle, compileScopes } from './oracle.js';
import { renderTables, renderCode } from './corpus.js';
import { compareCodePoints } from '../../src/compiler/analyze.js';

const PROGRAMS: string[] = [
  // class bodies: invisible to methods, __class__ cell, DEF_FREE_CLASS
  'class C:\n  x = 1\n  def f(self):\n    return x',
  'class C:\n  def f(self):\n    return super().f()',
  'class C:\n  def f(self):\n    return __class__',
  'class C:\n  def f(self):\n    def g():\n      return super()\n    return g',
  'def outer():\n  x = 1\n  class C:\n    x = 2\n    def f(self):\n      return x\n  return C',
  'def outer():\n  x = 1\n  class C:\n    global x\n    def f(self):\n      return x\n  return C',
  'def outer():\n  y = 1\n  class C:\n    print(y)\n    y = 2\n  return C',
  'def outer(a, b):\n  class C:\n    def f(self):\n      return a\n  return C',
  'class C:\n  global g\n  g = 1\n  def f(self): return g',
  // name mangling
  'class _C:\n  __a = 1\n  def __f(self, __p):\n    __q = self.__a\n    return __p, __q, __dunder__\n  import __mod, __pkg.sub as __alias\n  from m import __x',
  'class ___:\n  __a = 1',
  'class _C:\n  __ = 1\n  ___ = 2\n  __x_ = 3\n  __y__ = 4\n  _C__z = 5\n  def f(self): return __z',
  'class A:\n  class B:\n    __x = 1\n    def f(self): return __x\n  __y = 2',
  'class C:\n  def f(self):\n    return [__v for __v in self.__items]',
  // comprehensions
  'def f(a):\n  return [x + a for x in range(3) if x for y in [x]]',
  'def f():\n  return {k: v for k, v in d.items()}, {x for x in s}, (g for g in gs)',
  'class C:\n  a = 1\n  b = [a for _ in range(3)]\n  c = [x for x in range(a)]',
  'def f():\n  [(y := x) for x in range(3)]\n  return y',
  'def f():\n  global y\n  [(y := x) for x in range(3)]',
  '[(y := x) for x in range(3)]\nprint(y)',
  'def f():\n  return [[(z := 1) for a in b] for c in d], z',
  'def f():\n  x = [lambda: i for i in range(3)]\n  return x',
  // generators and coroutines
  'def g():\n  yield 1',
  'async def a():\n  await x',
  'async def ag():\n  yield 1\n  await x',
  'async def f():\n  return [await x for x in y]',
  'async def f():\n  return [x async for x in y]',
  'async def f():\n  return (x async for x in y)',
  'async def f():\n  return [[x async for x in y] for z in w]',
  'def f():\n  return (await x for x in y)',
  'def f(*args, **kw): pass\ndef g(a, /, b, *, c): pass\nlambda *a, **k: 0',
  // parameters that are cells, ordering of cellvars and freevars
  'def f(b, a, *c, d, **e):\n  z = y = x = 1\n  def g():\n    return a, b, c, d, e, x, y, z\n  return g',
  // cells and frees sorted by code point (U+FA0E sorts before U+20000; its UTF-16 unit does not)
  'def f():\n  \uFA0E = 1\n  \u{20000} = 2\n  def g(): return \uFA0E, \u{20000}\n  return g',
  'def f():\n  zeta = alpha = 1\n  def g():\n    def h():\n      return zeta, alpha\n    return h\n  return g',
  // emission order of fast locals
  'def f():\n  a, x = x, b = c = (d := 1)\n  return a',
  'def f():\n  for t in (u := [1]): pass',
  'def f():\n  @dec(dd := 1)\n  def g(p=(pd := 2)) -> (ra := 3): pass\n  return g',
  'def f():\n  @dec(cd := 1)\n  class K(base := object): pass',
  'def f():\n  return {(k1 := 1): (v1 := 2), (k2 := 3): (v2 := 4)}',
  'def f():\n  try:\n    a = 1\n    return a\n  finally:\n    b = 2',
  'def f():\n  for i in x:\n    try:\n      if i: break\n      c = 1\n    finally:\n      d = 2',
  'def f():\n  try:\n    pass\n  except E as e:\n    x = 1\n  else:\n    y = 2\n  finally:\n    z = 3',
  'def f(v):\n  match v:\n    case [a, K.b, *rest] if a: return a\n    case {"k": kk, **others}: return kk\n    case P(x=px, y=([py] | {1: py})) as whole: return whole\n    case (q1, q2) | (q2, q1): return q1',
  'def f():\n  x: int\n  y: int = 1\n  (z): int = 2\n  a.b: int\n  return y',
  'def f():\n  with a as (b, c), d as e: pass\n  del b\n  import os.path, sys as s',
  // annotations
  'x: int = 1\nclass C:\n  y: List[int]\ndef f(a: A, *b: B, c: C = 1, **d: D) -> R: pass',
  'from __future__ import annotations\nx: int = 1\nclass C:\n  y: List[int]\ndef f(a: A, *b: B, c: C = 1, **d: D) -> R: pass',
  'def f():\n  z = 1\n  def g(a: z) -> z: pass\n  return g',
  'from __future__ import annotations\ndef f():\n  z = 1\n  def g(a: z) -> z: pass\n  return g',
  // global / nonlocal
  'def f():\n  x = 1\n  def g():\n    nonlocal x\n    x = 2\n    def h():\n      return x\n  return g',
  'def f():\n  global x\n  def g():\n    return x\n  x = 1',
  'def f():\n  global gf\n  def gf(): pass\n  class GC: pass\n  def lf():\n    def inner(): pass\n  return [lambda: 0 for _ in "a"]',
  // the `global` declared after the except handler's binding, visited first (else clause)
  'def f():\n  try: pass\n  except E: q = 1\n  else:\n    global q',
];

/** programs compiled in 'eval' or 'single' mode */
const MODES: [string, 'eval' | 'single'][] = [
  ['lambda x: x + y', 'eval'],
  ['[(z := i) for i in r]', 'eval'],
  ['(yield)', 'eval'],
  ['x = 1\n', 'single'],
  ['def f():\n  return [a for a in b]\n', 'single'],
];

test('tricky programs: tables and code objects as python3', () => {
  type Mode = 'exec' | 'eval' | 'single';
  const jobs: [string, Mode][] = [...PROGRAMS.map((p): [string, Mode] => [p, 'exec']), ...MODES];
  const theirs = runOracle<[string, string | null]>('render', jobs);
  const diffs: string[] = [];
  jobs.forEach(([src, mode], i) => {
    const r = compileScopes(src, 2, mode);
    const [pst, pco] = theirs[i]!;
    if (!r.ok) {
      diffs.push(`${JSON.stringify(src)}: we raise ${r.error.msg}; CPython: ${pst.slice(0, 100)}`);
      return;
    }
    const st: string[] = [];
    renderTables(r.table.top, st);
    const co: string[] = [];
    renderCode(r.table.top, co);
    if (st.join('\n') !== pst) diffs.push(`${JSON.stringify(src)}\n  ours:\n${st.join('\n')}\n  CPython:\n${pst}`);
    // pco is null when compile() fails in the code generator (e.g. yield outside a function)
    else if (pco !== null && co.sort(compareCodePoints).join('\n') !== pco) diffs.push(`${JSON.stringify(src)}\n  ours:\n${co.join('\n')}\n  CPython:\n${pco}`);
  });
  expect(diffs.join('\n\n')).toBe('');
});
