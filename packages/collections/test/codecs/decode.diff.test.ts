// Differential test of bytes.decode against python3: seeded random byte
// strings built to hit every decoder path — valid and corrupted UTF-8
// (truncated, stray continuation, overlong, surrogate, >U+10FFFF forms),
// UTF-16/32 units in both orders with lone and paired surrogates, BOMs,
// odd lengths, cp1252 holes, and backslash escapes — x every codec x every
// error handler. Result code points, or the exception's type, attributes and
// message, must match.

import { describe, expect, it } from 'vitest';
import { decodeBytes, setCharCodeLookup } from '../../src/codecs/index.js';
import { PY_WIRE, Rng, bytesOf, hexOf, runPython, toWire, type Wire } from './py.js';

const CODECS = [
  'utf-8', 'utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be',
  'latin-1', 'ascii', 'cp1252', 'unicode_escape', 'raw_unicode_escape', 'utf8', 'UTF_16', 'U8',
];
const HANDLERS = ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass', 'xmlcharrefreplace', 'bogus'];
const NAMES = ['LATIN SMALL LETTER A', 'latin small letter a', 'EURO SIGN', 'GRINNING FACE', 'NO SUCH NAME', ''];

const UTF8_PIECES: readonly number[][] = [
  [0x41], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xed, 0xa0, 0x80], [0xed, 0xb2, 0x80],
  [0xc0, 0x80], [0xc1], [0xe0, 0x80, 0x80], [0xe0, 0xa0], [0xf0, 0x80], [0xf0, 0x90, 0x80], [0xf4, 0x90, 0x80, 0x80],
  [0xf5], [0xff], [0x80], [0xbf], [0xef, 0xbb, 0xbf], [0xe2, 0x28, 0xa1], [0xf4, 0x8f, 0xbf, 0xbf],
];
const ESC_PIECES = ['\\n', '\\x4', '\\x41', '\\u12', '\\u20ac', '\\U0001F600', '\\U00110000', '\\777', '\\8', '\\', '\\\\',
  '\\N{', '\\N', '\\N{}', '\\Nx', 'a', '\\\n', '\\xzz', '\\U0000004', '\\\\u0041', '\\\\\\u0041', '\\t', '\\q'];

function unit16(rng: Rng): number {
  const k = rng.int(5);
  return k === 0 ? 0xd800 + rng.int(0x400) : k === 1 ? 0xdc00 + rng.int(0x400) : k === 2 ? rng.int(0x80) : rng.int(0x10000);
}

/** Codecs that read each byte-string shape in a meaningful way. */
const FOR_SHAPE: readonly string[][] = [
  ['utf-8', 'utf-8-sig', 'utf8'], ['utf-8', 'ascii', 'cp1252', 'latin-1'], ['utf-16', 'utf-16-le', 'UTF_16'], ['utf-16', 'utf-16-be'],
  ['utf-32', 'utf-32-le', 'utf-32-be'], ['unicode_escape', 'raw_unicode_escape'], ['cp1252', 'ascii'],
];

function randomBytes(rng: Rng, shape: number): number[] {
  const out: number[] = [];
  const parts = rng.int(7);
  if (rng.next() < 0.15) out.push(...rng.pick([[0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0, 0], [0, 0, 0xfe, 0xff], [0xef, 0xbb, 0xbf]]));
  for (let p = 0; p < parts; p++) {
    switch (shape) {
      case 0: out.push(...rng.pick(UTF8_PIECES)); break;
      case 1: out.push(rng.int(256)); break;
      case 2: { const u = unit16(rng); out.push(u & 0xff, u >> 8); break; }
      case 3: { const u = unit16(rng); out.push(u >> 8, u & 0xff); break; }
      case 4: {
        const c = rng.next() < 0.7 ? rng.int(0x110000) : rng.int(0x1000000) * 256 + rng.int(256);
        const le = [c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff];
        out.push(...(rng.next() < 0.5 ? le : le.reverse()));
        break;
      }
      case 5: {
        const piece = rng.next() < 0.2 ? `\\N{${rng.pick(NAMES)}}` : rng.pick(ESC_PIECES);
        for (const ch of piece) out.push(ch.charCodeAt(0));
        if (rng.next() < 0.2) out.push(0x80 + rng.int(0x80));
        break;
      }
      default: out.push(rng.pick([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x80, 0x41, 0xe9]));
    }
  }
  if (rng.next() < 0.2 && out.length > 0) out.length = rng.int(out.length); // truncation
  return out;
}

describe('bytes.decode vs python3', () => {
  it('random bytes x codecs x handlers', () => {
    const names = runPython<Record<string, number | null>>(`
import unicodedata
def look(n):
    try: return ord(unicodedata.lookup(n))
    except KeyError: return None
print(json.dumps({n: look(n) for n in inp}))
`, NAMES);
    setCharCodeLookup((n) => names[n] ?? undefined);
    const rng = new Rng(7_2026);
    const cases: { b: string; enc: string; err: string }[] = [];
    for (let k = 0; k < 1500; k++) {
      const shape = rng.int(7);
      const b = hexOf(new Uint8Array(randomBytes(rng, shape)));
      for (let j = 0; j < 3; j++) cases.push({ b, enc: rng.pick(FOR_SHAPE[shape]!), err: rng.pick(HANDLERS) });
      for (let j = 0; j < 2; j++) cases.push({ b, enc: rng.pick(CODECS), err: rng.pick(HANDLERS) });
    }
    // long inputs: many pieces of each shape, decoded by the codecs for that shape
    for (let k = 0; k < 28; k++) {
      const shape = k % 7;
      const big: number[] = [];
      for (let i = 0; i < 300; i++) big.push(...randomBytes(rng, shape));
      const b = hexOf(new Uint8Array(big));
      for (const enc of FOR_SHAPE[shape]!) cases.push({ b, enc, err: rng.pick(HANDLERS.slice(0, 6)) });
    }
    const py = runPython<Wire[]>(PY_WIRE + `
out = [wire(lambda c=c: bytes.fromhex(c['b']).decode(c['enc'], c['err'])) for c in inp]
print(json.dumps(out))
`, cases);
    const stat: Record<string, number> = {};
    for (const w of py) { const k = "ok" in w ? "ok" : w.err + ":" + (w.reason ?? w.msg.slice(0, 40)); stat[k] = (stat[k] ?? 0) + 1; }
    // the generator must keep reaching every error path
    for (const r of ['invalid start byte', 'invalid continuation byte', 'unexpected end of data', 'truncated data', 'illegal encoding', 'illegal UTF-16 surrogate', 'code point not in range(0x110000)', 'character maps to <undefined>', 'ordinal not in range(128)', 'truncated \\uXXXX escape', 'malformed \\N character escape', 'unknown Unicode character name', '\\Uxxxxxxxx out of range']) expect(Object.keys(stat).some((k) => k.endsWith(':' + r)), r).toBe(true);
    let failures = 0;
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!;
      const ours = toWire(decodeBytes(bytesOf(c.b), c.enc, c.err));
      if (JSON.stringify(ours) !== JSON.stringify(py[i])) {
        if (failures++ < 5) expect({ case: c, ours }).toEqual({ case: c, ours: py[i] });
      }
    }
    setCharCodeLookup(undefined);
    expect(failures).toBe(0);
  });
});
