// str against python3 (PYTHONHASHSEED=0): hash of latin-1, BMP, astral and
// lone-surrogate strings, len, code point indexing, ordering, concatenation
// and slicing; PEP 393 kind and the ASCII-compact form; JS round trips.
import { describe, expect, it } from 'vitest';
import {
  STR_ASCII_DATA, STR_COMPACT_DATA, STR_STATE, STR_STATE_ASCII, hashToPyInt, strCodePointAt, strCompare, strConcat,
  hashKeyFromSeed, strData, strEq, strFromJs, strHash, strKindOf, strLength, strSlice, strToJs,
} from '@pynogil/collections';
import { newEnv, python, rng } from './shared-env.js';

const PY = `
import sys, json
cases = json.load(sys.stdin)
out = []
for a, b, i, j in cases:
    out.append([str(hash(a)), len(a), ord(a[i]) if a else -1, (a > b) - (a < b), str(hash(a + b)), str(hash(a[i:j])), a[i:j]])
print(json.dumps(out))
`;

const POOLS = [
  [0x20, 0x7e], [0xa0, 0xff], [0x100, 0x7ff], [0x3000, 0x30ff], [0xd800, 0xdfff], [0x1f600, 0x1f64f], [0x10000, 0x10ffff],
] as const;

function randomStr(r: () => number): string {
  const n = Math.floor(r() * (r() < 0.1 ? 300 : 20));
  const maxPool = Math.floor(r() * POOLS.length) + 1;
  let s = '';
  for (let i = 0; i < n; i++) {
    const [lo, hi] = POOLS[Math.floor(r() * maxPool)]!;
    s += String.fromCodePoint(lo + Math.floor(r() * (hi - lo + 1)));
  }
  // Lone surrogates only when not forming a pair with a neighbour.
  return s.replace(/([\ud800-\udbff])([\ud800-\udbff])/g, '$1x$2');
}

describe('str vs python3', () => {
  it('hash, len, indexing, ordering, concatenation and slicing', () => {
    const { ctx, t } = newEnv();
    const r = rng(99);
    const cases: [string, string, number, number][] = [];
    for (let k = 0; k < 1500; k++) {
      const a = randomStr(r);
      const b = r() < 0.2 ? a : randomStr(r);
      const len = [...a].length;
      const i = Math.floor(r() * len);
      const j = i + Math.floor(r() * (len - i + 1));
      cases.push([a, b, i, j]);
    }
    const exp = python<[string, number, number, number, string, string, string][]>(PY, cases);
    const H = new Uint32Array(2);
    for (let k = 0; k < cases.length; k++) {
      const [a, b, i, j] = cases[k]!;
      const [ha, len, cp, cmp, hab, hslice, slice] = exp[k]!;
      const pa = strFromJs(t, a);
      const pb = strFromJs(t, b);
      expect(strLength(t.u32, pa)).toBe(len);
      strHash(t, pa, H, 0);
      expect(String(hashToPyInt(H[0]!, H[1]!))).toBe(ha);
      strHash(t, pa, H, 0); // cached
      expect(String(hashToPyInt(H[0]!, H[1]!))).toBe(ha);
      if (len > 0) expect(strCodePointAt(t, pa, i)).toBe(cp);
      expect(Math.sign(strCompare(t, pa, pb))).toBe(cmp);
      expect(strEq(t, pa, pb)).toBe(cmp === 0);
      const pab = strConcat(t, pa, pb);
      strHash(t, pab, H, 0);
      expect(String(hashToPyInt(H[0]!, H[1]!))).toBe(hab);
      const ps = strSlice(t, pa, i, j);
      strHash(t, ps, H, 0);
      expect(String(hashToPyInt(H[0]!, H[1]!))).toBe(hslice);
      expect(strToJs(t, ps)).toBe(slice);
      expect(strToJs(t, pa)).toBe(a);
      for (const p of [pa, pb, pab, ps]) ctx.decref(p);
    }
  });

  it('PEP 393 kinds and compact forms', () => {
    const { t } = newEnv();
    const cases: [string, number, boolean][] = [
      ['', 1, true], ['abc', 1, true], ['é', 1, false], ['\u20ac', 2, false], ['\ud800', 2, false], ['😀', 4, false], ['a😀b', 4, false],
    ];
    for (const [s, kind, ascii] of cases) {
      const p = strFromJs(t, s);
      expect(strKindOf(t.u8, p)).toBe(kind);
      expect((t.u8[p + STR_STATE]! & STR_STATE_ASCII) !== 0).toBe(ascii);
      const d = strData(t.u8, p);
      expect(d).toBe(p + (ascii ? STR_ASCII_DATA : STR_COMPACT_DATA));
      const n = strLength(t.u32, p);
      // NUL terminator of the kind's width.
      for (let k = 0; k < kind; k++) expect(t.u8[d + n * kind + k]).toBe(0);
    }
  });
});

describe('str hash under PYTHONHASHSEED=123', () => {
  it('uses the interpreter key stored in the heap', () => {
    const { t } = newEnv(4096, hashKeyFromSeed(123));
    const strs = ['', 'a', 'hello', 'é'.repeat(40), '€uro', '😀x', 'x'.repeat(100)];
    const exp = python<string[]>('import sys, json\nprint(json.dumps([str(hash(s)) for s in json.load(sys.stdin)]))', strs, 123);
    const H = new Uint32Array(2);
    strs.forEach((s, i) => {
      strHash(t, strFromJs(t, s), H, 0);
      expect(String(hashToPyInt(H[0]!, H[1]!))).toBe(exp[i]);
    });
  });
});
