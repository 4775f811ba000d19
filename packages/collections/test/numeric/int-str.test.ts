// int(str, base), str(int), bin/oct/hex and the int_max_str_digits limit vs python3.
import { describe, expect, it } from 'vitest';
import { runPython, Rng } from './py.js';
import { PyExc, parseIntPy, intToStr, intToPrefixedString, intToBaseString, normInt } from '../../src/numeric/index.js';

function show(v: unknown): string {
  if (v instanceof PyExc) return `E:${v.type}:${v.message}`;
  return 'i' + String(v);
}

const PY = `
def R(f):
    try: return 'i' + str(f())
    except Exception as e: return 'E:' + type(e).__name__ + ':' + str(e)
`;

describe('int(str, base)', () => {
  it('syntax: signs, prefixes, underscores, whitespace, unicode digits, errors', () => {
    const strs = ['0', '-0', '+12', ' 12 ', '\t-12\n', '1_000', '1__000', '_1', '1_', '0x1f', '0X1F', '0o17', '0b101', '0x_1f', '0_x1f',
      '00', '000_0', '010', '0_1', '1e5', '', ' ', '-', '+-1', '١٢٣', '\u00a012\u2003', '12\u200b', 'ABCDEF', 'zz', 'Zz_z', '0b', '0x',
      "it's", 'x'.repeat(300), 'é'.repeat(250), '\ud800', '\u{1f600}1', '9'.repeat(50), '-' + '7'.repeat(40), '1 2', '1\x00', '0x-1'];
    const bases = [0, 2, 8, 10, 16, 36, 3, 7, 1, 37, -1];
    const cases: [string, number][] = [];
    for (const s of strs) for (const b of bases) cases.push([s, b]);
    const exp = runPython<string[]>(PY + `print(json.dumps([R(lambda: int(s, b)) for s, b in inp]))`, cases);
    cases.forEach(([s, b], i) => expect(show(parseIntPy(s, b)), `int(${JSON.stringify(s)}, ${b})`).toBe(exp[i]));
  });

  it('random numbers in every base 2..36 both ways', () => {
    const rng = new Rng(17);
    const cases: [string, number][] = [];
    const values: bigint[] = [];
    for (let i = 0; i < 700; i++) {
      const v = rng.bigint(rng.int(3) === 0 ? 1200 : 30);
      const b = 2 + rng.int(35);
      values.push(v);
      cases.push([intToBaseString(normInt(v), b) as string, b]);
    }
    const exp = runPython<string[]>(
      PY + `print(json.dumps([R(lambda: int(s, b)) for s, b in inp]))`,
      cases,
    );
    cases.forEach(([s, b], i) => {
      expect(show(parseIntPy(s, b, 0)), `${s} base ${b}`).toBe(exp[i]);
      expect(exp[i]).toBe('i' + values[i]!.toString());
    });
  });

  it('int_max_str_digits in both directions', () => {
    const cases: [string, number, number][] = [];
    for (const lim of [4300, 640, 0, 10000]) {
      for (const n of [639, 640, 641, 4299, 4300, 4301, 5000, 9999, 10001]) {
        cases.push(['9'.repeat(n), 10, lim]);
        cases.push(['-' + '1'.repeat(n), 10, lim]);
        cases.push(['1_'.repeat(n - 1) + '1', 10, lim]);
        cases.push(['1'.repeat(n) + 'x', 10, lim]);
        cases.push(['f'.repeat(n), 16, lim]);
        cases.push(['1'.repeat(n), 7, lim]);
        cases.push(['0x' + '1'.repeat(n), 0, lim]);
      }
    }
    const exp = runPython<string[][]>(
      `
def R(f):
    try:
        r = f()
        return 'ok:' + (str(len(r)) if isinstance(r, str) else 'int')
    except Exception as e: return 'E:' + type(e).__name__ + ':' + str(e)
out = []
for s, b, lim in inp:
    sys.set_int_max_str_digits(lim)
    def to_int(): return int(s, b)
    r1 = R(to_int)
    sys.set_int_max_str_digits(0)
    try: v = int(s, b)
    except ValueError: v = None
    sys.set_int_max_str_digits(lim)
    def to_str(): return str(v)
    r2 = R(lambda: str(v)) if v is not None else 'none'
    out.append([r1, r2])
print(json.dumps(out))
`,
      cases,
    );
    const lenOf = (r: unknown): string => (r instanceof PyExc ? `E:${r.type}:${r.message}` : 'ok:int');
    cases.forEach(([s, b, lim], i) => {
      const v = parseIntPy(s, b, lim);
      const full = parseIntPy(s, b, 0);
      const r2 = full instanceof PyExc ? 'none' : (() => { const t = intToStr(full, lim); return t instanceof PyExc ? lenOf(t) : 'ok:' + String(t.length); })();
      expect([lenOf(v), r2], `${s.slice(0, 12)}… base ${b} limit ${lim}`).toEqual(exp[i]);
    });
  });

  it('bin/oct/hex/str of random ints', () => {
    const rng = new Rng(5);
    const xs: bigint[] = [0n, -1n, 1n];
    for (let i = 0; i < 500; i++) xs.push(rng.bigint(rng.int(2) ? 15 : 1000));
    const exp = runPython<string[][]>(`print(json.dumps([[bin(int(a)), oct(int(a)), hex(int(a)), str(int(a))] for a in inp]))`, xs.map(String));
    xs.forEach((x, i) => {
      const v = normInt(x);
      expect([intToPrefixedString(v, 2), intToPrefixedString(v, 8), intToPrefixedString(v, 16), intToStr(v, 0)]).toEqual(exp[i]);
    });
  });
});
