// Hand-picked sources compared with Python's `tokenize` module in compat mode:
// missing final newlines, blank and comment-only last lines, form feeds, tabs,
// continuation lines, nesting, non-ASCII columns. Every source here is accepted by
// both tokenizers, so the dumps must be identical.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/lexer/index.js';
import { runPython, tokenDump } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));

const SOURCES = [
  '', '\n', '\n\n', 'x', 'x\n', 'x  # c', '# c', '# c\n', 'x = 1  # c\n', '  \n', 'x\n   ', 'x\n  # c',
  'if x:\n  y', 'if x:\n  y\n', 'if x:\n  y\n\n', 'if x:\n    if y:\n        z\n    w\nv\n', 'if x:\n  y\n# c\n',
  'if x:\n  y\n  # c\nz\n', 'if x:\n\ty\n', 'if x:\n \t y\n', '\x0cx = 1\n', 'if x:\n\x0c  y\n', 'x = (1,\n 2)\n',
  'x = [\n  # c\n  1,\n\n]\n', 'x = 1 + \\\n  2\n', 'x = """a\nb"""\n', "x = '''\n'''  # c\n", 'é = "€"  # ☃\n',
  'print(f"{x!r:>{w}}")\n', 'x = 1if y else 2\n', 'x = 0xff if 0 else 1_0.5e-3j\n', 'a @= b ** c // d\n',
  'x: int = ...\n', 'lambda *a, **k: (a, k)\n', 'x = y[1:2, ::3]\n', 'async def f():\n  await x\n', 'x->y\n',
  'x = 1;y = 2\n', 'class A(B, metaclass=M):\n  pass\n', 'x = "a\\\nb"\n', '@dec\ndef f(): pass\n', 'x := 1\n',
  'if x:\n  pass\n  \n', 'if x:\n  pass\n\n\n', 'x = { 1: 2 }\n', 'ṡ = 1\nﬁ = 2\n', 'x = 1.\ny = .5\nz = 1e5\n',
  'x = 1 \\\n\n', 'if 1:\n  x = (\n1)\n', 'x = br"\\d" + Rb"x" + U"y"\n', '#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n',
];

describe('compat mode against the tokenize module', () => {
  it('gives the same tokens as tokenize on edge cases', async () => {
    const expected = JSON.parse(await runPython([join(here, 'py', 'tokenize_sources.py')], JSON.stringify(SOURCES))) as (string | [string, string])[];
    const bad: string[] = [];
    SOURCES.forEach((src, k) => {
      const r = tokenize(src, { compat: true });
      const mine = r.error === null ? tokenDump(r.source, r.tokens) : ['error', r.error.msg];
      if (JSON.stringify(mine) !== JSON.stringify(expected[k])) {
        bad.push(`${JSON.stringify(src)}\n--- ours\n${typeof mine === 'string' ? mine : JSON.stringify(mine)}--- tokenize\n${typeof expected[k] === 'string' ? expected[k] : JSON.stringify(expected[k])}`);
      }
    });
    expect(bad.join('\n')).toBe('');
  });
});
