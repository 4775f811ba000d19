// SyntaxWarnings of the code generator (compiler_warn) as warning records,
// compared with python3's (category, message, line).
import { describe, it, expect } from 'vitest';
import { compileSource } from '../../src/compiler/codegen/index.js';
import { runOracle } from './render.js';

const CASES = [
  'x is 1',
  'x is not "a"',
  'if x is (): pass',
  'x is None',
  'x is True or x is ...',
  'y = 1 is x is 2',
  'if a is not 1.5 and b: pass',
  '(1, 2)(3)',
  '[1, 2](3)',
  '"abc"(1)',
  'f"{x}"()',
  '{1: 2}()',
  '{1}()',
  '(x for x in y)()',
  'None()',
  '...()',
  'x = [\n  (1, 2)\n  (3, 4)\n]',
  'assert (x, "msg")',
  'assert ()',
  'assert (1,)',
  'def f():\n  return x is 3\n',
  'f()(1)',
];

describe('compiler SyntaxWarnings vs python3', () => {
  it('records the same warnings', () => {
    const theirs = runOracle<[string, string, number][][]>(['warnings'], CASES);
    const diffs: string[] = [];
    CASES.forEach((src, i) => {
      const r = compileSource(src, { filename: '<s>' });
      const ours = r.ok ? r.warnings.map((w) => [w.category, w.message, w.lineno]) : [['error', r.error.msg, r.error.lineno]];
      if (JSON.stringify(ours) !== JSON.stringify(theirs[i])) diffs.push(`${JSON.stringify(src)}\n  ours   ${JSON.stringify(ours)}\n  python ${JSON.stringify(theirs[i])}`);
    });
    expect(diffs.join('\n')).toBe('');
  });
});
