// The error-handler callback interface (codecs.register_error semantics):
// a user handler's replacement and resume position, negative positions,
// out-of-range positions, bytes replacements on encode, str replacements
// that the codec cannot encode, and exceptions raised by the handler.
// Expected values come from python3 running the same handlers.

import { describe, expect, it } from 'vitest';
import {
  codePointsOf, decodeBytes, decodeUnicodeEscape, encodeStr, stringOfCodePoints, lookupErrorHandler, registerErrorHandler, setCharNameLookup, type ErrorHandler,
} from '../../src/codecs/index.js';
import { PY_WIRE, bytesOf, runPython, toWire, type Wire } from './py.js';

/** Each handler exists twice: here, and as Python source for the oracle. */
const HANDLERS: Record<string, [ErrorHandler, string]> = {
  t_neg: [(e) => ({ str: [0x3c], pos: e.end < e.object.length ? e.end - e.object.length : e.end }),
    "lambda e: ('<', e.end - len(e.object) if e.end < len(e.object) else e.end)"],
  t_skip2: [(e) => ({ str: [0x23], pos: Math.min(e.end + 1, e.object.length) }), "lambda e: ('#', min(e.end + 1, len(e.object)))"],
  t_oob: [() => ({ str: [], pos: 100 }), "lambda e: ('', 100)"],
  t_bytes: [(e) => (e.type === 'UnicodeEncodeError' ? { bytes: new Uint8Array([0xaa, 0xbb]), pos: e.end } : { str: [0x21], pos: e.end }),
    "lambda e: (b'\\xaa\\xbb' if isinstance(e, UnicodeEncodeError) else '!', e.end)"],
  t_wide: [(e) => ({ str: [0x20ac], pos: e.end }), "lambda e: ('\\u20ac', e.end)"],
  t_raise: [() => ({ error: { type: 'host', value: 'ValueError: nope' } }), 'None'],
};
for (const [name, [h]] of Object.entries(HANDLERS)) registerErrorHandler(name, h);

describe('user error handlers vs python3', () => {
  it('encode and decode through registered handlers', () => {
    const strs = [[0x61, 0xe9, 0x62, 0xdc80, 0x63], [0xe9], [0x1f600, 0x61], [0xd800, 0xd801, 0x61]];
    const bytes = ['61ff62', 'ff', 'e282', '00d841', '41fe'];
    const encs = ['utf-8', 'ascii', 'latin-1', 'cp1252', 'utf-16-le', 'utf-32', 'utf-8-sig'];
    const cases: { s?: number[]; b?: string; enc: string; err: string }[] = [];
    for (const err of Object.keys(HANDLERS).filter((n) => n !== 't_raise')) {
      for (const enc of encs) {
        for (const s of strs) cases.push({ s, enc, err });
        for (const b of bytes) cases.push({ b, enc, err });
      }
    }
    const defs = Object.entries(HANDLERS).filter(([n]) => n !== 't_raise').map(([n, [, src]]) => `codecs.register_error('${n}', ${src})`).join('\n');
    const py = runPython<Wire[]>(PY_WIRE + defs + `
out = [wire(lambda c=c: ''.join(map(chr, c['s'])).encode(c['enc'], c['err']) if 's' in c else bytes.fromhex(c['b']).decode(c['enc'], c['err'])) for c in inp]
print(json.dumps(out))
`, cases);
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!;
      const ours = c.s ? toWire(encodeStr(c.s, c.enc, c.err)) : toWire(decodeBytes(bytesOf(c.b!), c.enc, c.err));
      expect([c, ours]).toEqual([c, py[i]]);
    }
  });

  it('a handler exception passes through, with the registry wrapping context', () => {
    expect(encodeStr([0xe9], 'ascii', 't_raise')).toEqual({ ok: false, error: { type: 'host', value: 'ValueError: nope' } });
    expect(encodeStr([0xe9], 'cp1252', 't_raise')).toEqual({ ok: true, value: new Uint8Array([0xe9]) });
    expect(encodeStr([0x100], 'cp1252', 't_raise')).toEqual({
      ok: false, error: { type: 'host', value: 'ValueError: nope', wrapContext: "encoding with 'cp1252' codec failed" },
    });
  });

  it('lookup_error of builtin and unknown names', () => {
    expect(typeof lookupErrorHandler('strict')).toBe('function');
    expect(lookupErrorHandler('nope')).toEqual({ type: 'LookupError', message: "unknown error handler name 'nope'" });
  });

  it('namereplace uses the installed name table', () => {
    const s = [0x61, 0xe9, 0x20ac, 0x1f600, 0xd800, 0x378];
    const names = runPython<(string | null)[]>(`
import unicodedata
print(json.dumps([unicodedata.name(chr(c), None) for c in inp]))`, s);
    const py = runPython<Wire[]>(PY_WIRE + `
print(json.dumps([wire(lambda e=e: ''.join(map(chr, inp)).encode(e, 'namereplace')) for e in ['ascii', 'latin-1', 'cp1252', 'utf-8']]))`, s);
    setCharNameLookup((c) => names[s.indexOf(c)] ?? undefined);
    const ours = ['ascii', 'latin-1', 'cp1252', 'utf-8'].map((e) => toWire(encodeStr(s, e, 'namereplace')));
    setCharNameLookup(undefined);
    expect(ours).toEqual(py);
  });
});

describe('unicode_escape extras', () => {
  it('reports the first unrecognised escape (CPython warns there)', () => {
    const b = new Uint8Array(Buffer.from('ab\\n\\q\\z', 'latin1'));
    const r = decodeUnicodeEscape(b, 'strict');
    expect(r.ok && r.value.firstInvalidEscape).toBe(4);
    const r2 = decodeUnicodeEscape(new Uint8Array(Buffer.from('\\n', 'latin1')), 'strict');
    expect(r2.ok && r2.value.firstInvalidEscape).toBe(-1);
  });

  it('\\N without an installed name table is a UnicodeError, as in a CPython without unicodedata', () => {
    const encs = ['unicode_escape', 'unicode-escape'];
    const py = runPython<Wire[]>(PY_WIRE + `
sys.modules['unicodedata'] = None
print(json.dumps([wire(lambda e=e: b'\\\\N{EURO SIGN}'.decode(e)) for e in inp]))`, encs);
    const ours = encs.map((e) => toWire(decodeBytes(new Uint8Array(Buffer.from('\\N{EURO SIGN}', 'latin1')), e)));
    expect(ours).toEqual(py);
  });

  it('code points <-> JS strings', () => {
    expect(Array.from(codePointsOf('a\u{1f600}\ud800b\udc00'))).toEqual([0x61, 0x1f600, 0xd800, 0x62, 0xdc00]);
    expect(stringOfCodePoints([0x61, 0x1f600, 0xd800, 0x62])).toBe('a\u{1f600}\ud800b');
  });
});
