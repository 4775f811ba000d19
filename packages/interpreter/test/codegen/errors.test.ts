// Compile-time errors raised by the code generator (not the parser or the symbol
// table), compared with python3: type, message, lineno, offset, end positions.
import { describe, it, expect } from 'vitest';
import { compileSource } from '../../src/compiler/codegen/index.js';
import { runOracle } from './render.js';

interface PyErr { type: string; msg: string; lineno: number; offset: number; end_lineno: number | null; end_offset: number | null }

const CASES: string[] = [
  // validate_keywords
  'o.m(x=1, x=2)',
  'f(x=1, x=2)',
  'class A(x=1, x=2): pass',
  'f(x=1, *a, x=2)',
  'f(x=1, **k, x=2)',
  'f(\n x=1,\n x=2)',
  'o.m(a, x=1, y=2, x=3)',
  'return 1',
  'return',
  'class C:\n  return 2\n',
  'x = 1\nif x:\n    return x\n',
  'break',
  'if x:\n  break\n',
  'def f():\n  break\n',
  'while x:\n  def f():\n    break\n',
  'continue',
  'for x in y:\n  class C:\n    continue\n',
  'try:\n  pass\nfinally:\n  continue_ = 1\n  break\n',
  'yield 1',
  'x = yield',
  'class C:\n  yield\n',
  'yield from x',
  'await x',
  'class C:\n  await x\n',
  'def f():\n  await x\n',
  'def f():\n  [await x for x in y]\n',
  'async def f():\n  yield 1\n  return 2\n',
  'try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n',
  'try:\n  a\nexcept:\n  b\nexcept:\n  c\n',
  '*a = b',
  'a, *b, *c = d',
  'print(*a, *b) if 0 else 0\n[*a, *b] = c\n',
  '*a',
  'x = *a',
  'print(*a) + *b',
  'del *a',
  'for *x in y: pass',
  'async def f():\n  yield from x\n',
  'def f():\n  async with a:\n    pass\n',
  'def f():\n  try:\n    pass\n  except* E:\n    return 1\n',
  'for x in y:\n  try:\n    pass\n  except* E:\n    break\n',
  'for x in y:\n  try:\n    pass\n  except* E:\n    continue\n',
  'match x:\n  case [a, a]:\n    pass\n',
  'match x:\n  case y:\n    pass\n  case 1:\n    pass\n',
  'match x:\n  case _:\n    pass\n  case 1:\n    pass\n',
  'match x:\n  case [a] | [b]:\n    pass\n',
  'match x:\n  case {f(): 1}:\n    pass\n',
  'match x:\n  case {a.b: 1, **r}:\n    pass\n  case C(a=1, a=2):\n    pass\n',
  'async with a: pass',
  'def f():\n  async for x in y:\n    pass\n',
  'def f():\n  return [x async for x in y]\n',
  'def f():\n  x = 1\n  return x\nreturn 3\n',
  'def g():\n  for i in x:\n    pass\n  else:\n    break\n',
  'while 1:\n  try:\n    pass\n  finally:\n    pass\nelse:\n  continue\n',
  Array.from({ length: 21 }, (_, i) => ' '.repeat(i) + 'for x in y:').join('\n') + '\n' + ' '.repeat(21) + 'pass\n',
  'a, *b = c\n' + 'x, ' + Array.from({ length: 260 }, (_, i) => `a${i}`).join(', ') + ', *y = z\n',
];

describe('code generator errors vs python3', () => {
  const theirs = runOracle<(PyErr | null)[]>(['errors'], CASES);
  it('reports the same SyntaxError', () => {
    const diffs: string[] = [];
    CASES.forEach((src, i) => {
      const r = compileSource(src, { filename: '<s>' });
      const o = r.ok ? null : { type: r.error.type, msg: r.error.msg, lineno: r.error.lineno, offset: r.error.offset, end_lineno: r.error.end_lineno, end_offset: r.error.end_offset };
      const t = theirs[i]!;
      if (JSON.stringify(o) !== JSON.stringify(t)) diffs.push(`${JSON.stringify(src.slice(0, 60))}\n  ours   ${JSON.stringify(o)}\n  python ${JSON.stringify(t)}`);
    });
    expect(diffs.join('\n')).toBe('');
  });
});
