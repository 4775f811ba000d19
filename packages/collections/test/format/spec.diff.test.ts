// Generated differential test of format(value, spec) against python3:
// random specs (valid and invalid) x random ints, bools, floats, complexes
// and strs; results or exception type + message must match exactly.
// Seeded: a failure prints the seed and the case.
import { describe, expect, it } from 'vitest';
import { runPython, bitsOf } from '../numeric/py.js';
import { Rng } from './rng.js';
import { formatInt, formatBool, formatFloatSpec, formatComplex, formatStr } from '../../src/format/index.js';
import { PyExc } from '../../src/numeric/index.js';

type Val =
  | { t: 'int'; v: number | bigint }
  | { t: 'bool'; v: boolean }
  | { t: 'float'; v: number }
  | { t: 'complex'; re: number; im: number }
  | { t: 'str'; v: string };

const FILLS = [' ', '*', '0', '<', '{', '€', '😀', 'x', '=', '.'];
const TYPES = ['', '', '', 'd', 'b', 'o', 'x', 'X', 'c', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%', 's', 'q', 'r', 'a', 'Z', '\u20ac'];

function randSpec(rng: Rng): string {
  let s = '';
  const r = (n: number): boolean => rng.int(n) === 0;
  if (r(3)) s += (r(2) ? FILLS[rng.int(FILLS.length)]! : '') + '<>=^'[rng.int(4)]!;
  if (r(3)) s += '+- '[rng.int(3)]!;
  if (r(8)) s += 'z';
  if (r(5)) s += '#';
  if (r(4)) s += '0';
  if (r(2)) s += String(rng.int(r(4) ? 40 : 12));
  if (r(5)) s += ',_'[rng.int(2)]!;
  if (r(3)) s += '.' + (r(20) ? '' : String(rng.int(r(3) ? 30 : 8)));
  s += TYPES[rng.int(TYPES.length)]!;
  if (r(30)) s += 'xyz,_.#'[rng.int(7)]!;
  if (r(40)) s = s.slice(1);
  return s;
}

function randDouble(rng: Rng): number {
  switch (rng.int(10)) {
    case 0: return rng.double();
    case 1: return [0, -0, Infinity, -Infinity, NaN, 5e-324, 1.7976931348623157e308, 0.5, 2.5, 1e16][rng.int(10)]!;
    case 2: return (rng.int(2000001) - 1000000) / 10 ** rng.int(8);
    case 3: return 10 ** (rng.int(60) - 30) * (rng.int(2) ? -1 : 1);
    case 4: return (rng.int(100000) + 0.5) / 10 ** rng.int(6);
    default: {
      const x = (rng.u32() / 4294967296) * 10 ** (rng.int(24) - 8);
      return rng.int(3) === 0 ? -x : x;
    }
  }
}

const STRS = ['', 'a', 'abc', 'héllo', '日本語', '😀x😀', 'a\u0301b', 'tab\there', 'x'.repeat(30)];

function randVal(rng: Rng): Val {
  switch (rng.int(8)) {
    case 0: return { t: 'int', v: rng.int(2000) - 1000 };
    case 1: { const b = rng.bigint(40); return { t: 'int', v: b >= -(2n ** 53n) + 1n && b <= 2n ** 53n - 1n ? Number(b) : b }; }
    case 2: return { t: 'int', v: rng.int(0x120000) };
    case 3: return { t: 'bool', v: rng.int(2) === 0 };
    case 4: case 5: return { t: 'float', v: randDouble(rng) };
    case 6: return { t: 'complex', re: randDouble(rng), im: randDouble(rng) };
    default: return { t: 'str', v: STRS[rng.int(STRS.length)]! };
  }
}

function toWire(v: Val): unknown {
  switch (v.t) {
    case 'int': return { t: 'int', v: String(v.v) };
    case 'bool': return v;
    case 'float': return { t: 'float', v: bitsOf(v.v) };
    case 'complex': return { t: 'complex', re: bitsOf(v.re), im: bitsOf(v.im) };
    case 'str': return v;
  }
}

const PY = `
def val(d):
    t = d['t']
    if t == 'int': return int(d['v'])
    if t == 'bool': return d['v']
    if t == 'float': return F(d['v'])
    if t == 'complex': return complex(F(d['re']), F(d['im']))
    return d['v']
out = []
for v, spec in inp:
    x = val(v)
    out.append(E(lambda: format(x, spec)))
print(json.dumps(out))
`;

function ours(v: Val, spec: string): string | PyExc {
  switch (v.t) {
    case 'int': return formatInt(v.v, spec);
    case 'bool': return formatBool(v.v, spec);
    case 'float': return formatFloatSpec(v.v, spec);
    case 'complex': return formatComplex(v.re, v.im, spec);
    case 'str': return formatStr(v.v, spec);
  }
}

function show(v: Val): string {
  return v.t === 'complex' ? `complex(${v.re}, ${v.im})` : `${v.t}(${String(v.v)})`;
}

describe('format(value, spec) vs python3', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`random specs, seed ${seed}`, () => {
      const rng = new Rng(seed * 7919);
      const cases: [Val, string][] = [];
      for (let i = 0; i < 3000; i++) cases.push([randVal(rng), randSpec(rng)]);
      const want = runPython<{ ok?: string; err?: string; msg?: string }[]>(PY, cases.map(([v, s]) => [toWire(v), s]));
      const bad: string[] = [];
      cases.forEach(([v, spec], i) => {
        const got = ours(v, spec);
        const g = got instanceof PyExc ? `${got.type}: ${got.message}` : JSON.stringify(got);
        const w = want[i]!;
        const e = w.err !== undefined ? `${w.err}: ${w.msg}` : JSON.stringify(w.ok);
        if (g !== e && bad.length < 15) bad.push(`seed ${seed} case ${i}: format(${show(v)}, ${JSON.stringify(spec)}) -> ours ${g}, python ${e}`);
      });
      expect(bad).toEqual([]);
    });
  }
});
