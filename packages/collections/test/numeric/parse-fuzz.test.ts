// Grammar fuzzing of int(), float() and float.fromhex() against python3:
// random strings over the characters these parsers care about.
import { describe, expect, it } from 'vitest';
import { runPython, bitsOf, Rng } from './py.js';
import { PyExc, parseIntPy, parseFloatPy, floatFromHex } from '../../src/numeric/index.js';

const ALPHABET = ['0', '1', '7', '9', '_', '.', 'e', 'E', 'x', 'X', 'b', 'o', 'p', 'P', '+', '-', ' ', '\t', 'i', 'n', 'f', 'a', 't', 'y',
  'I', 'N', 'F', 'A', 'c', 'd', '\u0663', '\u00a0', '\u2003', '\u00e9', '0x', '0b', '0o', 'inf', 'nan', 'infinity', '1e', '1_0'];

function show(v: unknown): string {
  if (v instanceof PyExc) return `E:${v.type}:${v.message}`;
  if (typeof v === 'bigint' || typeof v === 'number') return 'i' + v;
  return String(v);
}

describe('parser fuzzing vs python3', () => {
  it('random strings through int(s, base), float(s), float.fromhex(s)', () => {
    const rng = new Rng(2024);
    const strs: string[] = [];
    for (let i = 0; i < 15000; i++) {
      const n = 1 + rng.int(10);
      let s = '';
      for (let k = 0; k < n; k++) s += ALPHABET[rng.int(ALPHABET.length)];
      strs.push(s);
    }
    const exp = runPython<string[][]>(
      `
def R(f, fl=False):
    try:
        v = f()
        return ('f' + H(v)) if fl else ('i' + str(v))
    except Exception as e: return 'E:' + type(e).__name__ + ':' + str(e)
print(json.dumps([[R(lambda: int(s, 0)), R(lambda: int(s)), R(lambda: int(s, 16)), R(lambda: int(s, 2)), R(lambda: int(s, 36)),
                   R(lambda: float(s), True), R(lambda: float.fromhex(s), True)] for s in inp]))
`,
      strs,
    );
    const f = (v: number | PyExc): string => (v instanceof PyExc ? show(v) : 'f' + bitsOf(v !== v ? NaN : v));
    strs.forEach((s, i) => {
      const got = [show(parseIntPy(s, 0)), show(parseIntPy(s)), show(parseIntPy(s, 16)), show(parseIntPy(s, 2)), show(parseIntPy(s, 36)),
        f(parseFloatPy(s)), f(floatFromHex(s))];
      // JS has a single NaN bit pattern; compare NaNs by kind only.
      const norm = (a: string[]) => a.map((x) => (/^f(7ff8|fff8)0{12}$/.test(x) ? 'nan' : x));
      expect(norm(got), JSON.stringify(s)).toEqual(norm(exp[i]!));
    });
  });
});
