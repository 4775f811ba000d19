// Compile-time scope errors (future statements and the symbol table) against
// python3: for each program, the exception type, message, lineno, offset,
// end_lineno and end_offset must be CPython's (one python3 process for the batch).
// The valid programs at the end must compile without error on both sides.
import { test, expect } from 'vitest';
import { runOracle, compileScopes } from './oracle.js';
import type { Node } from '../../src/ast/nodes.js';
import { buildSymbolTable } from '../../src/compiler/symtable.js';

const ERRORS: string[] = [
  // global / nonlocal
  'def f(a):\n  global a',
  'def f(a):\n  nonlocal a',
  'def f():\n  print(x)\n  global x',
  'def f():\n  x = 1\n  global x',
  'def f():\n  x: int\n  global x',
  'def f():\n  x = 1\n  def g():\n    print(x)\n    nonlocal x',
  'def f():\n  x = 1\n  nonlocal x',
  'def f():\n  x: int = 1\n  nonlocal x',
  'def f():\n global x\n x: int = 1',
  'def f():\n  x = 1\n  def g():\n    nonlocal x\n    x: int = 2',
  'nonlocal x',
  'class C:\n  nonlocal x',
  'def f():\n  nonlocal x',
  'def f():\n  global x\n  nonlocal x',
  'def f():\n  x = 1\n  def g():\n    global x\n    nonlocal x',
  'def f():\n  def g():\n    nonlocal y\n  y = 1\n  def h():\n    nonlocal zz',
  'x = 1\ndef f():\n  def g():\n    nonlocal x',
  'def f():\n  def g():\n    global é\n    é = 1\n    nonlocal é',
  // parameters
  'def f(a, a): pass',
  'def f(a, *, a): pass',
  'def f(a, *a): pass',
  'def f(a, **a): pass',
  'def f(a, /, a): pass',
  'lambda a, a: 1',
  'def f(é, é): pass',
  'class C:\n  def f(self, __a, _C__a): pass',
  // import *
  'def f():\n  from os import *',
  'class C:\n  from os import *',
  // yield in comprehensions
  '[(yield) for x in y]',
  '{(yield) for x in y}',
  '{(yield): 1 for x in y}',
  '((yield) for x in y)',
  'def f():\n  [(yield from x) for x in y]',
  'def f():\n  [x for x in y if (yield)]',
  // walrus in comprehensions
  '[x for x in (y := [1])]',
  '[x for x in [1] for z in (y := [1])]',
  '[x for x in (lambda: (y := 1))()]',
  '[x for x in [[(y := 1)] for q in r]]',
  'class C:\n  [(y := 1) for z in w]',
  'class C:\n  def f(self):\n    return [x for x in [(y := 1) for q in r] if (x := 2)]',
  '[(i := 0) for i in range(5)]',
  '[(i := 0) for j in range(5) for i in range(5)]',
  '[i for i in range(5) if (j := 0) for j in range(5)]',
  'def f():\n  [[(j := 0) for i in z] for j in y]',
  '{(k := 1): v for k, v in d}',
  // annotations under PEP 563
  'from __future__ import annotations\ndef f(x: (yield)): pass',
  'from __future__ import annotations\ndef f(x: (y := 1)): pass',
  'from __future__ import annotations\ndef f() -> (await x): pass',
  'from __future__ import annotations\nx: (yield)',
  'from __future__ import annotations\nclass C:\n  x: [(yield) for q in r]',
  // future statements
  'from __future__ import braces',
  'from __future__ import nope',
  '"""doc"""\nfrom __future__ import annotations, nope',
  'import os; from __future__ import annotations',
  // the first error in walk order wins
  'def f(a):\n  global a\n  nonlocal b',
  'def f():\n  def g(a, a): pass\n  nonlocal q',
];

const VALID: string[] = [
  'def f():\n  x = 1\n  def g():\n    nonlocal x\n    x = 2',
  'def f():\n  global x\n  x = 1',
  'x: int\nglobal x',
  'global x\nx: int = 1',
  'def f():\n  [(y := 1) for q in r]\n  return y',
  'def f():\n  global y\n  [(y := 1) for q in r]',
  '[(y := 1) for q in r]',
  'class C:\n  def f(self):\n    return [(y := 1) for q in r]',
  'from __future__ import annotations\nx: (lambda: (yield))',
  'def f():\n  try: pass\n  except: x = 1\n  else:\n    global x',
];

interface Row { src: string; ours: unknown[] | null; theirs: unknown[] | null }

test('scope errors: type, message and positions as python3', () => {
  const sources = ERRORS.concat(VALID);
  const theirs = runOracle<unknown[] | null>('errors', sources);
  const rows: Row[] = sources.map((src, i) => {
    const r = compileScopes(src);
    let ours: unknown[] | null = null;
    if (!r.ok) {
      const e = r.error;
      ours = e.type === 'RecursionError' ? [e.type, e.msg] : [e.type, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset];
    }
    return { src: src.length > 80 ? src.slice(0, 60) + '…' : src, ours, theirs: theirs[i] ?? null };
  });
  const bad = rows.filter((r) => JSON.stringify(r.ours) !== JSON.stringify(r.theirs));
  expect(bad).toEqual([]);
  // the table really is a table of errors
  expect(rows.slice(0, ERRORS.length).filter((r) => r.theirs === null).map((r) => r.src)).toEqual([]);
  expect(ERRORS.length).toBeGreaterThanOrEqual(30);
});

/** `a+a+...+a` with n operators as a tree (our parser stops earlier than CPython's on such chains) */
function binopChain(n: number): Node {
  const pos = (end: number): Record<string, number> => ({ lineno: 1, col_offset: 0, end_lineno: 1, end_col_offset: end });
  let e: Node = { _type: 'Name', id: 'a', ctx: 'Load', ...pos(1) };
  for (let i = 1; i <= n; i++) {
    e = { _type: 'BinOp', left: e, op: 'Add', right: { _type: 'Name', id: 'a', ctx: 'Load', lineno: 1, col_offset: 2 * i, end_lineno: 1, end_col_offset: 2 * i + 1 }, ...pos(2 * i + 1) };
  }
  return { _type: 'Module', body: [{ _type: 'Expr', value: e, ...pos(2 * n + 1) }], type_ignores: [] };
}

// CPython's exact threshold also depends on C-level recursion state (it moves by a
// few levels between runs of the same script), so this checks the limit's scale
// (recursion limit x 3 nested nodes) on both sides of it, not the exact node.
test('compile-time recursion limit: the scale of CPython\'s', () => {
  const sizes = [2900, 2960, 3010, 3100];
  const theirs = runOracle<unknown[] | null>('errors', sizes.map((n) => 'a' + '+a'.repeat(n)));
  const ours = sizes.map((n) => {
    const r = buildSymbolTable(binopChain(n), { filename: '<string>', pythonDepth: 2 });
    return r.ok ? null : [r.error.type, r.error.msg];
  });
  expect(ours).toEqual(theirs);
  expect(theirs[0]).toBeNull();
  expect(theirs[2]).not.toBeNull();
});
