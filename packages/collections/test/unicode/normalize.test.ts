// unicodedata.normalize of every single code point in all four forms against
// python3 (Unicode 14.0). JS normalize() alone is a newer Unicode and differs on
// code points unassigned in 14.0; the second test measures that those exist and
// are all Cn in 14.0, which is what normalize.ts's boundary rule relies on.
import { describe, expect, it } from 'vitest';
import * as U from '../../src/unicode/index.js';
import { compareBlocks, hx, runPython } from './py.js';

describe('unicode: normalization against python3', () => {
  it('every code point, NFC NFD NFKC NFKD', () => {
    const diffs = compareBlocks(
      '',
      "' '.join(hx(unicodedata.normalize(f, ch)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD'))",
      (c) => {
        const ch = String.fromCodePoint(c);
        return (['NFC', 'NFD', 'NFKC', 'NFKD'] as const).map((f) => hx(U.normalize(f, ch))).join(' ');
      },
    );
    expect(diffs).toEqual([]);
  });

  it('where plain JS normalize() differs, the code point is unassigned in Unicode 14.0', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x110000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const ch = String.fromCodePoint(c);
      for (const f of ['NFC', 'NFD', 'NFKC', 'NFKD'] as const) {
        if (ch.normalize(f) !== U.normalize(f, ch)) {
          differ.push(c);
          break;
        }
      }
    }
    const cats = runPython<string[]>(
      'import sys, json, unicodedata; print(json.dumps([unicodedata.category(chr(c)) for c in json.loads(sys.stdin.read())]))',
      differ,
    );
    expect(cats.every((k) => k === 'Cn')).toBe(true);
    // Recorded so that a Node upgrade that changes this shows up (Node 20: ~120).
    expect(differ.length).toBeLessThan(1000);
  });
});
