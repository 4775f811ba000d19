// Differential test of str.encode against python3: seeded random strings
// (ASCII, latin-1, cp1252 specials, BMP, astral, lone and paired surrogates,
// surrogateescape-range surrogates) x every codec x every error handler. The
// result bytes, or the exception's type, attributes and message, must match.

import { describe, expect, it } from 'vitest';
import { encodeStr } from '../../src/codecs/index.js';
import { PY_WIRE, Rng, runPython, toWire, type Wire } from './py.js';

const CODECS = [
  'utf-8', 'utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be',
  'latin-1', 'ascii', 'cp1252', 'unicode_escape', 'raw_unicode_escape',
];
const HANDLERS = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'surrogatepass', 'bogus'];

function randomChar(rng: Rng, kind: number): number {
  switch (kind) {
    case 0: return rng.int(0x80);
    case 1: return 0x80 + rng.int(0x80);
    case 2: return rng.pick([0x20ac, 0x201a, 0x0192, 0x2122, 0x0178, 0x017e, 0x0100, 0x81]);
    case 3: return 0x100 + rng.int(0xd800 - 0x100);
    case 4: return 0xe000 + rng.int(0x2000);
    case 5: return 0x10000 + rng.int(0x100000);
    case 6: return 0xd800 + rng.int(0x800);
    default: return 0xdc80 + rng.int(0x80);
  }
}

function randomStr(rng: Rng): number[] {
  const len = rng.int(12);
  const mix = rng.int(4); // 0: mostly ASCII ... 3: anything
  const out: number[] = [];
  for (let i = 0; i < len; i++) {
    const kind = mix === 0 && rng.next() < 0.8 ? 0 : rng.int(8);
    out.push(randomChar(rng, kind));
  }
  return out;
}

describe('str.encode vs python3', () => {
  it('random strings x codecs x handlers', () => {
    const rng = new Rng(20261125);
    const cases: { s: number[]; enc: string; err: string }[] = [];
    for (let k = 0; k < 800; k++) {
      const s = randomStr(rng);
      for (const enc of CODECS) cases.push({ s, enc, err: rng.pick(HANDLERS) });
      cases.push({ s, enc: rng.pick(CODECS), err: rng.pick(HANDLERS) });
    }
    // long strings: buffer growth, and the fast paths over thousands of characters
    for (let k = 0; k < 12; k++) {
      const s: number[] = [];
      const mix = k % 4;
      for (let i = 0; i < 3000; i++) s.push(randomChar(rng, mix === 0 ? 0 : mix === 1 ? rng.int(2) : mix === 2 ? rng.int(6) : rng.int(8)));
      for (const enc of CODECS) cases.push({ s, enc, err: rng.pick(HANDLERS.slice(0, 7)) });
    }
    // every handler on a fixed hard string per codec
    const hard = [0x61, 0xe9, 0x20ac, 0xd800, 0xdc80, 0xdcff, 0x1f600, 0xdfff, 0x81, 0x62];
    for (const enc of CODECS) for (const err of HANDLERS) cases.push({ s: hard, enc, err });
    const py = runPython<Wire[]>(PY_WIRE + `
out = [wire(lambda c=c: ''.join(map(chr, c['s'])).encode(c['enc'], c['err'])) for c in inp]
print(json.dumps(out))
`, cases);
    const stat: Record<string, number> = {};
    for (const w of py) { const k = "ok" in w ? "ok" : w.err + ":" + (w.reason ?? w.msg.slice(0, 40)); stat[k] = (stat[k] ?? 0) + 1; }
    // the generator must keep reaching every error path
    for (const r of ['surrogates not allowed', 'ordinal not in range(128)', 'ordinal not in range(256)', 'character maps to <undefined>']) expect(Object.keys(stat).some((k) => k.endsWith(':' + r)), r).toBe(true);
    let failures = 0;
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!;
      const ours = toWire(encodeStr(c.s, c.enc, c.err));
      if (JSON.stringify(ours) !== JSON.stringify(py[i])) {
        if (failures++ < 5) {
          expect({ case: c, ours }).toEqual({ case: c, ours: py[i] });
        }
      }
    }
    expect(failures).toBe(0);
  });
});
