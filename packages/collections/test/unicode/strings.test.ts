// Whole strings against python3 (one process for the batch): random mixes of Greek
// with final-sigma contexts, Turkish dotted/dotless i, ligatures, Georgian,
// Cherokee, titlecase digraphs, combining marks, astral letters, digits, spaces and
// code points unassigned in Unicode 14.0 but assigned later (normalize's boundary
// case). Every case method, predicate and normal form is compared.
import { describe, expect, it } from 'vitest';
import * as U from '../../src/unicode/index.js';
import { runPython } from './py.js';

const POOL = [
  'Σ', 'σ', 'ς', 'α', 'Α', 'ΐ', 'ͅ', 'ὰ', 'ᾳ', 'ᾼ', "'", '.', '\u00ad', '\u0301', '\u0300', '\u0345', '\u200d',
  'İ', 'ı', 'i', 'I', '\u0307', 'ﬀ', 'ﬁ', 'ŉ', 'ß', 'ẞ', 'Ⴀ', 'ა', 'Ა', 'Ꭰ', 'ꭰ', 'ᏸ', 'ǅ', 'Ǆ', 'ǆ', 'ǈ',
  '𐐀', '𐐨', '𞤀', '𞤢', '𝐀', '١', '٣', '½', 'Ⅻ', '²', ' ', '\u3000', '\n', '\u2028', 'a', 'B', '_', '1',
  '\ufeff', '\u0378', '\ua7f1', '\u{113c9}', '\u{105c9}', 'e', '\u0323', '\u1e0b', 'ǰ', 'ﬅ', 'ǈ', 'ᾈ', 'ŀ', 'Å', '\u212b',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PY = `
import sys, json, unicodedata
out = []
for s in json.loads(sys.stdin.read()):
    out.append([s.upper(), s.lower(), s.casefold(), s.title(), s.capitalize(), s.swapcase(),
                [f() for f in (s.isalpha, s.isdecimal, s.isdigit, s.isnumeric, s.isalnum, s.isspace,
                               s.islower, s.isupper, s.istitle, s.isprintable, s.isidentifier, s.isascii)],
                [unicodedata.normalize(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')],
                [unicodedata.is_normalized(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')]])
print(json.dumps(out))
`;

const FORMS = ['NFC', 'NFD', 'NFKC', 'NFKD'] as const;

function ours(s: string): unknown {
  return [
    U.strUpper(s), U.strLower(s), U.strCasefold(s), U.strTitle(s), U.strCapitalize(s), U.strSwapcase(s),
    [U.strIsAlpha, U.strIsDecimal, U.strIsDigit, U.strIsNumeric, U.strIsAlnum, U.strIsSpace, U.strIsLower,
      U.strIsUpper, U.strIsTitle, U.strIsPrintable, U.strIsIdentifier, U.strIsAscii].map((f) => f(s)),
    FORMS.map((f) => U.normalize(f, s)),
    FORMS.map((f) => U.isNormalized(f, s)),
  ];
}

describe('unicode: strings against python3', () => {
  it('random mixed strings: every method', () => {
    const r = rng(20261125);
    const cases: string[] = ['', 'ΣΑΣ', 'ὈΔΥΣΣΕΎΣ', "Σ'Σ", 'aΣ\u0301', 'aΣ\u0301b', 'İstanbul', 'ﬃ ǅemal', 'hello world'];
    for (let n = 0; n < 4000; n++) {
      const len = Math.floor(r() * 9);
      let s = '';
      for (let k = 0; k < len; k++) s += POOL[Math.floor(r() * POOL.length)]!;
      cases.push(s);
    }
    const py = runPython<unknown[]>(PY, cases);
    const bad: string[] = [];
    cases.forEach((s, i) => {
      const o = JSON.stringify(ours(s));
      const p = JSON.stringify(py[i]);
      if (o !== p && bad.length < 10) bad.push(`${JSON.stringify(s)}: python ${p} | ours ${o}`);
    });
    expect(bad).toEqual([]);
  });

  it('code point arrays: lone surrogates are code points', () => {
    const cps = [0x3a3, 0xd800, 0x3a3, 0x41];
    // The surrogate is neither cased nor case-ignorable: both sigmas stay non-final.
    const py = runPython<number[][]>(
      "import json; s = '\\u03a3\\ud800\\u03a3A'; print(json.dumps([[ord(c) for c in t] for t in (s.lower(), s.title(), s.swapcase())]))",
    );
    expect([U.lowerCodePoints(cps), U.titleCodePoints(cps), U.swapcaseCodePoints(cps)]).toEqual(py);
    // The JS-string fast path keeps lone surrogates (no U+FFFD from TextDecoder).
    const s = '\ud800\u00e9\udc00\u4e00\ud801';
    const cpsOf = (x: string): number[] => U.codePointsOf(x);
    expect(cpsOf(U.strUpper(s))).toEqual(U.upperCodePoints(cpsOf(s)));
    expect(cpsOf(U.strLower(s))).toEqual(U.lowerCodePoints(cpsOf(s)));
    expect(cpsOf(U.strCasefold(s))).toEqual(U.casefoldCodePoints(cpsOf(s)));
    expect(cpsOf(U.strUpper(s))).toEqual([0xd800, 0xc9, 0xdc00, 0x4e00, 0xd801]);
  });
});
