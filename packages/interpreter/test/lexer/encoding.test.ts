// decodeSource against CPython compiling the same bytes: BOM, PEP 263 cookies and
// their aliases, unknown encodings, and undecodable bytes in comments, names and
// string literals (python3 batch: py/compile_bytes.py).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeSource, tokenize } from '../../src/lexer/index.js';
import { runPython } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const b = (s: string): Buffer => Buffer.from(s, 'latin1');

const CASES: Buffer[] = [
  b('x = 1\n'), b('\xef\xbb\xbfx = 1\n'), b('# coding: latin-1\nx = "\xff"\n'), b('# -*- coding: iso-8859-1 -*-\nx = "\xe9"\n'),
  b('#!/usr/bin/python\n# vim: set fileencoding=latin1 :\nx = "\xe9"\n'), b('# coding=UTF8\nx = "\xc3\xa9"\n'),
  b('# coding: utf-8-sig\nx=1\n'), b('# coding: Latin_1\nx="\xe9"\n'), b('# coding: l1\nx="\xe9"\n'),
  b('# coding: ascii\nx = 1\n'), b('# coding: us-ascii\nx = 1\n'), b('# coding: ascii\nx = "\xc3\xa9"\n'),
  b('# coding: foo\nx=1\n'), b('\xef\xbb\xbf# coding: latin-1\nx=1\n'), b('\xef\xbb\xbf# coding: utf8\nx=1\n'),
  b('\xef\xbb\xbf# coding: utf-8\nx=1\n'), b('x = 1 # coding: latin-1\ny = "\xc3\xa9"\n'), b('\n# coding: latin-1\nx = "\xe9"\n'),
  b('\n\n# coding: latin-1\nx = 1\n'), b('x=1\n# coding: latin-1\ny = 1\n'), b('# coding: cp1252\nx = "\x80"\n'),
  b('# coding: koi8-r\nx = "\xc1"\n'),
  // undecodable bytes
  b('x = 1\n# \xff\n'), b('x = 1 #\xe9\n'), b('x = \xff\n'), b('\xff\n'), b('#!python\n# -*- coding: utf-8 -*-\n\xe9=1\n'),
  b('x = "abc\xe9def"\n'), b('print("b\xf6se")\n'), b('x = "\\n\xf6"\n'), b('x = r"ab\xf6"\n'), b('x = "a" + "b\xf6"\n'),
  b('x = """\n\xf6"""\n'), b('x = \xc3\xa9\xff = 1\n'), b('x = "\xe2\x82"\n'), b('x = "\xe2\x82\xac\xe2"\n'),
  b('x = 1\ny = "a\xc3"\n'), b('x = (1,\n  "\xf0\x9f\x98")\n'),
];

describe('decodeSource against CPython', () => {
  it('decodes or rejects source bytes as CPython does', async () => {
    const expected = JSON.parse(await runPython([join(here, 'py', 'compile_bytes.py')], JSON.stringify(CASES.map((c) => c.toString('base64'))))) as unknown[][];
    const bad: string[] = [];
    CASES.forEach((bytes, k) => {
      const d = decodeSource(bytes);
      let mine: unknown[];
      if (d.error !== null) {
        const e = d.error;
        mine = [e.type, e.msg, e.lineno, e.offset, e.endLineno, e.endOffset, e.text];
      } else {
        const r = tokenize(d.source);
        mine = r.error === null ? ['OK', d.source] : [r.error.type, r.error.msg, r.error.lineno, r.error.offset, r.error.endLineno, r.error.endOffset, r.error.text];
      }
      if (JSON.stringify(mine) !== JSON.stringify(expected[k])) bad.push(`${JSON.stringify(bytes.toString('latin1'))}\n   ours    ${JSON.stringify(mine)}\n   CPython ${JSON.stringify(expected[k])}`);
    });
    expect(bad.join('\n')).toBe('');
  });
});
