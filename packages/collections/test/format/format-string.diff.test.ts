// Differential test of str.format / str.format_map against python3: a
// table of the tricky field syntaxes and errors, plus seeded random
// templates built from literal text, escaped and stray braces, fields with
// indexes, names, attributes, items, conversions and nested specs.
import { describe, expect, it } from 'vitest';
import { runPython } from '../numeric/py.js';
import { strFormat, strFormatMap, parseFormatString, type FormatArg } from '../../src/format/index.js';
import { Rng } from './rng.js';
import { NONE, dictArg, testHooks, toWire, PY_VAL, showResult, showPython } from './values.js';

const POS: FormatArg[] = [
  { t: 'float', v: 3.14159 },
  { t: 'str', v: 'héllo😀' },
  { t: 'tuple', items: [{ t: 'int', v: 42 }, { t: 'complex', re: 1, im: -2 }, { t: 'str', v: 'x' }] },
  { t: 'int', v: -1234567 },
  NONE,
  { t: 'int', v: 8 },
];
const KW = dictArg([
  [{ t: 'str', v: 'a' }, { t: 'int', v: 255 }],
  [{ t: 'str', v: 'w' }, { t: 'int', v: 12 }],
  [{ t: 'str', v: 's' }, { t: 'str', v: '>{w}' }],
  [{ t: 'str', v: 'c' }, { t: 'complex', re: -0, im: 1.5 }],
  [{ t: 'str', v: '}' }, { t: 'str', v: 'brace' }],
  [{ t: 'str', v: ' 0' }, { t: 'bool', v: true }],
]);

const TABLE = [
  '', 'plain', '{{}}', '{{{0}}}', '}}{{', '{', '}', 'a}b', '{0', '{0!', '{0!r', '{0!r:', '{0!rr}', '{0!}', '{!}',
  '{0!x}', '{0!\x01}', '{0!😀}', '{0:}', '{0:{', '{0:}}', '{0[}', '{0[}]}', '{0]}', '{a{}', '{[}]}', '{0.}', '{0..real}',
  '{0[]}', '{2[0]x}', '{2[0]}{2[1]}{2[2]}', '{2[-1]}', '{2[3]}', '{1[0]}', '{1[x]}', '{0.real}', '{3.numerator:,}',
  '{0.imag}', '{9}', '{b}', '{}{}{}', '{}{0}', '{0}{}', '{:{}}', '{:{:{}}}', '{0:{5}}', '{0:{a}}', '{0:{w}.{5}}',
  '{0:{1}}', '{0:{{}}}', '{1!r:^20}', '{1!a}', '{1!s:.3}', '{2}', '{2!r:>30}', '{4}', '{4!r}', '{4:>5}', '{c}', '{c:^20.3}',
  '{a:#x}{a:08b}{a:c}', '{ 0}', '{}', '{٠}', '{٣}', '{0[٠]}', '{99999999999999999999}', '{0:\u0665}', '{a!r:{w}}',
  '{0:{s}}', '{0:>{w}{w}}', '{a:{}}', '{:}', '{!r}', '{:x}{:x}', '{0:=^+{w},.2f}', '{3:_}', '{3:_x}', '{0:%}',
];

const PY = PY_VAL + `
out = []
for kind, t, args, kw in inp:
    a = [val(x) for x in args]
    k = val(kw)
    if kind == 'f':
        out.append(E(lambda: t.format(*a, **k)))
    else:
        out.append(E(lambda: t.format_map(k)))
print(json.dumps(out))
`;

function randTemplate(rng: Rng): string {
  let s = '';
  const n = 1 + rng.int(4);
  for (let i = 0; i < n; i++) {
    s += rng.pick(['', 'x', ' ', 'é', '{{', '}}', '😀', ':', '!', '[', ']']);
    if (rng.int(15) === 0) s += rng.pick(['{', '}']);
    if (rng.int(5) === 0) continue;
    let f = rng.pick(['', '', '0', '1', '2', '3', '5', '6', 'a', 'w', 'zz', '2[0]', '2[1].real', '0.real', '1[0]', '}', '٠']);
    if (rng.int(8) === 0) f += rng.pick(['.imag', '[0]', '.', '[', '[x]', 'x']);
    f += rng.pick(['', '', '', '!r', '!s', '!a', '!q', '!']);
    if (rng.int(2) === 0) {
      f += ':' + rng.pick(['', '>10', '^{w}', '{}', '{a}', '{0}', '.{5}', '{s}', ',', 'x', '<{:{}}', '{w}{{', '%', '=+8']);
    }
    s += '{' + f + (rng.int(30) === 0 ? '' : '}');
  }
  return s;
}

function run(cases: { kind: 'f' | 'm'; t: string }[], label: string): string[] {
  const want = runPython<{ ok?: unknown; err?: string; msg?: string }[]>(
    PY, cases.map((c) => [c.kind, c.t, c.kind === 'f' ? POS.map(toWire) : [], toWire(KW)]));
  const bad: string[] = [];
  cases.forEach((c, i) => {
    const got = c.kind === 'f' ? strFormat(c.t, POS, KW, testHooks) : strFormatMap(c.t, KW, testHooks);
    const g = showResult(got);
    const e = showPython(want[i]!);
    if (g !== e && bad.length < 20) bad.push(`${label} case ${i}: ${JSON.stringify(c.t)}.${c.kind === 'f' ? 'format' : 'format_map'} -> ours ${g}, python ${e}`);
  });
  return bad;
}

describe('str.format vs python3', () => {
  it('table of field syntaxes and errors', () => {
    const cases = TABLE.flatMap((t) => [{ kind: 'f' as const, t }, { kind: 'm' as const, t }]);
    expect(run(cases, 'table')).toEqual([]);
  });
  for (const seed of [21, 22, 23]) {
    it(`random templates, seed ${seed}`, () => {
      const rng = new Rng(seed * 15485863);
      const cases: { kind: 'f' | 'm'; t: string }[] = [];
      for (let i = 0; i < 2500; i++) cases.push({ kind: rng.int(5) === 0 ? 'm' : 'f', t: randTemplate(rng) });
      expect(run(cases, `seed ${seed}`)).toEqual([]);
    });
  }
  it('parseFormatString splits literal text and fields', () => {
    const chunks = parseFormatString('a{{b}}{0!r:>{w}}c{}');
    expect(chunks).toEqual([
      { literal: 'a{', field: null },
      { literal: 'b}', field: null },
      { literal: '', field: { name: '0', conversion: 'r', spec: '>{w}', specNeedsExpanding: true } },
      { literal: 'c', field: { name: '', conversion: '', spec: '', specNeedsExpanding: false } },
    ]);
  });
});
