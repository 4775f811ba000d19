// Generated differential test of printf-style formatting (`str % args`,
// `bytes % args`) against python3: random format strings (valid and
// invalid) x random argument tuples, single values and dicts. Seeded; a
// failure prints the seed and the case.
import { describe, expect, it } from 'vitest';
import { runPython } from '../numeric/py.js';
import { printfStr, printfBytes, type FormatArg } from '../../src/format/index.js';
import { Rng } from './rng.js';
import { NONE, dictArg, testHooks, toWire, PY_VAL, showResult, showPython } from './values.js';

const CONV_STR = 'sssdddiufFeEgGxXorac%bqk(\x1f\x7fé😀';
const CONV_BYTES = 'sssbbbdiuxXoeEfFgGcra%q\x01\xe9';
const LITERALS = ['', 'a', ' ', 'héllo ', '😀', 'x=', '\t', '(', ')'];
const KEYS = ['a', 'b', 'x(y)', ''];

function randDouble(rng: Rng): number {
  switch (rng.int(6)) {
    case 0: return rng.double();
    case 1: return rng.pick([0, -0, Infinity, -Infinity, NaN, 0.5, 2.5, 1e16, 1e-7, 123.456]);
    case 2: return (rng.int(2000001) - 1000000) / 10 ** rng.int(8);
    default: return (rng.u32() / 4294967296) * 10 ** (rng.int(24) - 8) * (rng.int(3) ? 1 : -1);
  }
}

function randValue(rng: Rng, bytesMode: boolean, depth = 0): FormatArg {
  switch (rng.int(depth > 0 ? 10 : 11)) {
    case 0: case 1: return { t: 'int', v: rng.int(600) - 300 };
    case 2: { const b = rng.bigint(12) * 10n ** 20n + BigInt(rng.int(1000)); return { t: 'int', v: b >= -(2n ** 53n) + 1n && b <= 2n ** 53n - 1n ? Number(b) : b }; }
    case 3: return { t: 'bool', v: rng.int(2) === 0 };
    case 4: case 5: return { t: 'float', v: randDouble(rng) };
    case 6: return rng.int(3) === 0 ? { t: 'complex', re: randDouble(rng), im: randDouble(rng) } : NONE;
    case 7: return { t: 'str', v: rng.pick(['', 'a', 'ab', 'é', '😀', "it's", 'a"b', 'x\ny', 'long string here']) };
    case 8: return { t: 'bytes', v: Uint8Array.from(rng.pick([[], [97], [0, 255], [39, 34], [104, 105]])) };
    case 9: return { t: 'int', v: rng.pick([0, 1, 65, 255, 256, 1000, -1000, -1]) };
    default: return { t: 'tuple', items: [randValue(rng, bytesMode, 1), randValue(rng, bytesMode, 1)] };
  }
}

function randFormat(rng: Rng, bytesMode: boolean, useKeys: boolean): string {
  let s = '';
  const parts = 1 + rng.int(4);
  for (let p = 0; p < parts; p++) {
    s += bytesMode ? rng.pick(['', 'a', ' ', 'x=', '(']) : rng.pick(LITERALS);
    if (rng.int(12) === 0) { s += '%%'; continue; }
    s += '%';
    if (useKeys && rng.int(4) !== 0) s += '(' + rng.pick(KEYS) + ')';
    const nflags = rng.int(3);
    for (let f = 0; f < nflags; f++) s += rng.pick(['-', '+', ' ', '#', '0']);
    const w = rng.int(6);
    if (w === 0) s += '*';
    else if (w <= 2) s += String(rng.int(15));
    const pr = rng.int(5);
    if (pr === 0) s += '.*';
    else if (pr === 1) s += '.' + String(rng.int(12));
    else if (pr === 2) s += '.';
    if (rng.int(15) === 0) s += rng.pick(['l', 'h', 'L']);
    if (rng.int(40) === 0) break; // incomplete format
    s += rng.pick([...(bytesMode ? CONV_BYTES : CONV_STR)]);
  }
  if (rng.int(4) === 0) s += bytesMode ? 'z' : rng.pick(LITERALS);
  return s;
}

function randArgs(rng: Rng, fmt: string, bytesMode: boolean, useKeys: boolean): FormatArg {
  if (useKeys) {
    const entries: [FormatArg, FormatArg][] = [];
    for (const k of KEYS) {
      if (rng.int(6) === 0) continue;
      const key: FormatArg = bytesMode ? { t: 'bytes', v: Uint8Array.from(k, (c) => c.charCodeAt(0)) } : { t: 'str', v: k };
      entries.push([key, randValue(rng, bytesMode)]);
    }
    return dictArg(entries);
  }
  // Roughly as many arguments as specs (counting '*'), sometimes one off.
  let n = 0;
  for (let i = 0; i < fmt.length; i++) if (fmt[i] === '%' || fmt[i] === '*') n++;
  n = Math.max(0, n + rng.pick([0, 0, 0, 0, -1, 1]));
  const items: FormatArg[] = [];
  for (let i = 0; i < n; i++) {
    const star = rng.int(3) === 0;
    items.push(star ? { t: 'int', v: rng.int(20) - 5 } : randValue(rng, bytesMode));
  }
  if (items.length === 1 && rng.int(2) === 0 && items[0]!.t !== 'tuple') return items[0]!;
  return { t: 'tuple', items };
}

const PY = PY_VAL + `
out = []
for mode, fmt, a in inp:
    args = val(a)
    f = fmt if mode == 's' else fmt.encode('latin-1')
    out.append(R(E(lambda: f % args)))
print(json.dumps(out))
`;

describe('printf-style formatting vs python3', () => {
  for (const seed of [11, 12, 13, 14]) {
    it(`random format strings, seed ${seed}`, () => {
      const rng = new Rng(seed * 104729);
      const cases: { bytes: boolean; fmt: string; args: FormatArg }[] = [];
      for (let i = 0; i < 2500; i++) {
        const bytes = rng.int(4) === 0;
        const useKeys = rng.int(5) === 0;
        const fmt = randFormat(rng, bytes, useKeys);
        cases.push({ bytes, fmt, args: randArgs(rng, fmt, bytes, useKeys) });
      }
      const want = runPython<{ ok?: unknown; err?: string; msg?: string }[]>(
        PY, cases.map((c) => [c.bytes ? 'b' : 's', c.fmt, toWire(c.args)]));
      const bad: string[] = [];
      cases.forEach((c, i) => {
        const got = c.bytes
          ? printfBytes(Uint8Array.from(c.fmt, (ch) => ch.charCodeAt(0)), c.args, testHooks)
          : printfStr(c.fmt, c.args, testHooks);
        const g = showResult(got);
        const e = showPython(want[i]!);
        if (g !== e && bad.length < 20) {
          bad.push(`seed ${seed} case ${i}: ${c.bytes ? 'b' : ''}${JSON.stringify(c.fmt)} % ${JSON.stringify(toWire(c.args))} -> ours ${g}, python ${e}`);
        }
      });
      expect(bad).toEqual([]);
    });
  }
});
