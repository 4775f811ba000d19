// Every code point 0..0x10FFFF: each str predicate of the one-character string and
// the whitespace and line-break sets, compared with python3 block by block (md5 per
// 4096 code points; the failing blocks are fetched in full to show the differences).
import { describe, expect, it } from 'vitest';
import * as U from '../../src/unicode/index.js';
import { compareBlocks } from './py.js';

const b = (x: boolean): string => (x ? '1' : '0');

describe('unicode: every code point against python3', () => {
  it('predicates', () => {
    const diffs = compareBlocks(
      "def b(x): return '1' if x else '0'",
      "''.join(b(f()) for f in (ch.isalpha, ch.isdecimal, ch.isdigit, ch.isnumeric, ch.isalnum, ch.isspace, " +
        'ch.islower, ch.isupper, ch.istitle, ch.isprintable, ch.isidentifier, ch.isascii, ' +
        "lambda: ('a' + ch).isidentifier(), lambda: len(('a' + ch + 'a').splitlines()) > 1))",
      (c) => {
        const ch = String.fromCodePoint(c);
        return (
          b(U.strIsAlpha(ch)) + b(U.strIsDecimal(ch)) + b(U.strIsDigit(ch)) + b(U.strIsNumeric(ch)) +
          b(U.strIsAlnum(ch)) + b(U.strIsSpace(ch)) + b(U.strIsLower(ch)) + b(U.strIsUpper(ch)) +
          b(U.strIsTitle(ch)) + b(U.strIsPrintable(ch)) + b(U.strIsIdentifier(ch)) + b(U.strIsAscii(ch)) +
          b(U.isIdentifierCodePoints([0x61, c])) + b(U.isLineBreak(c))
        );
      },
    );
    expect(diffs).toEqual([]);
  });

  it('whitespace and line-break sets', () => {
    const diffs = compareBlocks(
      '',
      "('1' if ch.isspace() else '0') + ('1' if len(('a' + ch + 'a').split()) > 1 else '0') + ('1' if len(('a' + ch + 'a').splitlines()) > 1 else '0')",
      (c) => {
        const s = U.isWhitespace(c) ? '1' : '0';
        return s + s + (U.isLineBreak(c) ? '1' : '0');
      },
    );
    expect(diffs).toEqual([]);
    expect([...U.WHITESPACE].every(U.isWhitespace)).toBe(true);
    expect([...U.LINE_BREAKS].every(U.isLineBreak)).toBe(true);
    let ws = 0;
    let lb = 0;
    for (let c = 0; c < 0x110000; c++) {
      if (U.isWhitespace(c)) ws++;
      if (U.isLineBreak(c)) lb++;
    }
    expect([ws, lb]).toEqual([U.WHITESPACE.length, U.LINE_BREAKS.length]);
  });
});
