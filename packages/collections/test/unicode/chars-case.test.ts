// Every code point 0..0x10FFFF: each case mapping of the one-character string,
// compared with python3 block by block (md5 per 4096 code points; the failing
// blocks are fetched in full to show the differences).
import { describe, expect, it } from 'vitest';
import * as U from '../../src/unicode/index.js';
import { compareBlocks, hx } from './py.js';

describe('unicode: every code point against python3', () => {
  it('case mappings (upper, lower, title, casefold, swapcase, capitalize)', () => {
    const diffs = compareBlocks(
      '',
      "' '.join(hx(s) for s in (ch.upper(), ch.lower(), ch.title(), ch.casefold(), ch.swapcase(), ch.capitalize()))",
      (c) => {
        const ch = String.fromCodePoint(c);
        return [U.strUpper(ch), U.strLower(ch), U.strTitle(ch), U.strCasefold(ch), U.strSwapcase(ch), U.strCapitalize(ch)]
          .map(hx)
          .join(' ');
      },
    );
    expect(diffs).toEqual([]);
  });

});
