// Tokenizer errors compared with CPython: every source in the table fails in
// CPython's tokenizer (or in the parser's handling of a tokenizer error); one
// python3 process compiles them all (py/compile_errors.py) and pynogil's
// tokenize() must report the same exception type, message, line, offset, end
// line, end offset and text.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/lexer/index.js';
import { runPython } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));

export const ERROR_SOURCES: string[] = [
  // strings
  'x="abc\n', 'x = (\n "abc\n', "x = rb'abc\n", "s = '''abc\n\nxyz", "s = '''abc\n", 's = """\n\n', 'x = "a\\\nb\n',
  "é = 'x\n", "x = f'abc\n", "x = 'abc", "x = (1,\n 'x", "x = '''\n'''\n'''",
  // numbers
  '1abc\n', '0x1g\n', '012\n', '0o18\n', 'x = 1_\n', '1__0\n', '0b2\n', '1e\n', '1.5_\n', '0x\n', '0o\n',
  '0b1_\n', '1e+\n', '1ej\n', '0_7\n', '0b12\n', '0o7_8\n', '0xg\n', '0x_\n', '1_a\n', '1.e_1\n', '1jx\n',
  '0e\n', '00.e\n', '0777\n', '0_\n', '1e-x\n', '1.5x\n', '0o1a\n', '0b1a\n', '5€\n', '0x1€\n', 'x = 1.__class__\n',
  '0b\n', '1_2_\n', '0_0_1\n', '07j_\n', '12_3_e\n', '1e1_\n', 'é = 0b3\n',
  // names and characters
  'x = €\n', 'x = a\u00a0\n', 'a€b = 1\n', '\u0100\u2028 = 1\n', 'x = \x01\n', 'x = 1 \x7f\n', 'éé€ = 1\n',
  '\u00b7a = 1\n', 'a\u00b7 = 1\n', 'x = \u200b\n', '\ud83d\ude00 = 1\n', 'x\u037a = 1\n', '\u2160 = 1\n',
  // indentation
  'if 1:\n  x\n y\n', 'if 1:\n\tx\n        y\n', 'if 1:\n        x\n\ty\n', 'if 1:\n  \tx\n\t  y\n',
  'if 1:\n    if 2:\n        x\n  y\n', 'if 1:\n\tif 2:\n\t\tx\n\t    y\n',
  'if 1:\n' + Array.from({ length: 100 }, (_, k) => ' '.repeat(k + 1) + 'if 1:\n').join('') + ' '.repeat(102) + 'x\n',
  // brackets
  'x = (1,\n', 'x = [1,\n (2,\n', 'x = )\n', 'x = (]\n', 'x = (\n]\n', 'x = {1: [2)}\n', 'x = }\n',
  'x = ' + '('.repeat(201) + '\n', 'foo(\n  a,\n  b\n', 'x = "é" + (\n',
  // continuation lines
  'x = 1 \\\n', 'x = 1 \\', 'x = 1 \\ y\n', 'x = \\x\n', 'if 1:\n  x = 1 + \\ 2\n', 'é = \\a\n',
  // errors on a later line
  'x = 1\ny = (\n', 'x = 1\ny = (', 'x = 1\ny = (\n\n', 'x=1\nif 1:\n  x\n y\n', 'x=1\nx = 1 \\\n',
  'x=1\nif 1:\n\tx\n        y\n', 'x = 1\ny = 2 \\ 3\n', 'x = 1\ny = "abc\n', 'x = 1\ny = (1,\n 2\n',
  '1_é\n', 'x = 1\n\n\ny = """\nabc\n', "x = 1\n'''\n\n", 'x = [\n1,\n2)\n',
  // more EOF and whitespace cases
  'x = (1 + \\\n', 'x = (\\', '\\', '\\\n', '\\\n\n', 'if x:\n\\\n  y\n', 'x = f"abc', '(\n"""',
  'x = [\n\t1,\n        2]\n', 'if x:\n\x0c\ty\n        z\n', 'x = 1\n\\\n', 'x = 1 \\\n  # c\n', 'x = 1\x0b\n',
  'x = "\\\n', '"', "'''", 'x = 0b', '1.e', '1e5e\n', '3.14j_\n', 'def f():\n  x\n\t\ty\n', 'x = 1\u2028y\n',
  '\u00a0x = 1\n', 'x = 1\r\ny = "\r\n', 'a\u0300 = 1\n', '\u0300a = 1\n', 'x = \u3000\n', 'x = ℘\n', 'x = ゛\n',
  // null bytes
  'x = 1\0\n',
];

describe('tokenizer errors match CPython', () => {
  it('reports the same type, message and position', async () => {
    const out = await runPython([join(here, 'py', 'compile_errors.py')], JSON.stringify(ERROR_SOURCES));
    const expected = JSON.parse(out) as unknown[][];
    const mismatches: string[] = [];
    ERROR_SOURCES.forEach((src, k) => {
      const r = tokenize(src);
      const e = r.error;
      const mine = e === null ? ['OK'] : [e.type, e.msg, e.lineno, e.offset, e.endLineno, e.endOffset, e.text];
      if (JSON.stringify(mine) !== JSON.stringify(expected[k])) {
        mismatches.push(`${JSON.stringify(src)}\n   ours    ${JSON.stringify(mine)}\n   CPython ${JSON.stringify(expected[k])}`);
      }
    });
    expect(mismatches.join('\n')).toBe('');
  });
});
