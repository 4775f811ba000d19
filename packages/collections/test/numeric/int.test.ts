// Differential tests of the int core against python3 (one process per batch).
import { describe, expect, it } from 'vitest';
import { runPython, bitsOf, Rng } from './py.js';
import {
  PyExc,
  type PyInt,
  intAdd, intSub, intMul, intFloorDiv, intMod, intDivmod, intPow, intPowMod,
  intLshift, intRshift, intAnd, intOr, intXor, intInvert, intTrueDiv, intToFloat,
  intBitLength, intBitCount, compareIntFloat, normInt,
  bigintToLongDigits, longReadDigits, longReadValue, longWriteDigits,
  hashInt, hashToPyInt,
} from '../../src/numeric/index.js';

/** Canonical text of a result, shared with the Python side. */
function show(v: unknown): string {
  if (v instanceof PyExc) return `E:${v.type}:${v.message}`;
  if (Array.isArray(v)) return '(' + v.map(show).join(',') + ')';
  if (typeof v === 'bigint') return 'i' + v.toString();
  if (typeof v === 'number') {
    if (Number.isInteger(v) && !Object.is(v, -0) && Math.abs(v) <= Number.MAX_SAFE_INTEGER && (v as any).__isFloat !== true) return 'i' + String(v);
    return 'f' + bitsOf(v);
  }
  return String(v);
}
function showF(v: number | PyExc): string {
  return v instanceof PyExc ? show(v) : 'f' + bitsOf(v);
}

const PY_SHOW = `
def show(v):
    if isinstance(v, tuple): return '(' + ','.join(show(x) for x in v) + ')'
    if isinstance(v, bool): return 'i' + str(int(v))
    if isinstance(v, int): return 'i' + str(v)
    if isinstance(v, float): return 'f' + H(v)
    return str(v)
def R(f):
    try: return show(f())
    except Exception as e: return 'E:' + type(e).__name__ + ':' + str(e)
`;

function sampleInts(rng: Rng, n: number): bigint[] {
  const out: bigint[] = [0n, 1n, -1n, 2n ** 53n - 1n, 2n ** 53n, -(2n ** 53n), 2n ** 63n, 2n ** 64n - 1n, 10n ** 30n];
  // Around powers of two, where a bit length read from a rounded double is off by one.
  for (const k of [54n, 60n, 64n, 1023n, 1024n, 1025n, 2047n, 2048n, 2049n, 3072n, 4096n, 5000n, 9999n]) {
    out.push(2n ** k - 1n, 2n ** k, 2n ** k + 1n, -(2n ** k) + 1n, 2n ** k - 2n ** (k > 60n ? k - 60n : 1n));
  }
  while (out.length < n) {
    const k = rng.int(4);
    if (k === 0) out.push(BigInt(rng.int(2001) - 1000));
    else if (k === 1) out.push(rng.bigint(17));
    else if (k === 2) out.push(rng.bigint(60));
    else out.push(rng.bigint(3000));
  }
  return out;
}

describe('int arithmetic vs python3', () => {
  it('binary operators on random pairs', () => {
    const rng = new Rng(1234);
    const xs = sampleInts(rng, 900);
    const pairs: [bigint, bigint][] = [];
    for (let i = 0; i < xs.length; i++) pairs.push([xs[i]!, xs[rng.int(xs.length)]!]);
    for (let i = 0; i < 200; i++) pairs.push([BigInt(rng.int(200) - 100), BigInt(rng.int(21) - 10)]);
    const shifts = pairs.map(() => BigInt(rng.int(300) - 20));
    const expected = runPython<string[][]>(
      PY_SHOW +
        `
out = []
for (a, b), s in zip(inp['pairs'], inp['shifts']):
    a = int(a); b = int(b); s = int(s)
    out.append([R(lambda: a+b), R(lambda: a-b), R(lambda: a*b), R(lambda: a//b), R(lambda: a%b),
                R(lambda: divmod(a,b)), R(lambda: a/b), R(lambda: a << s), R(lambda: a >> s),
                R(lambda: a & b), R(lambda: a | b), R(lambda: a ^ b), R(lambda: ~a),
                R(lambda: float(a)), R(lambda: a.bit_length()), R(lambda: a.bit_count()),
                R(lambda: (a < float(b), a == float(b), a > float(b)) if abs(b) < 2**1000 else None)])
print(json.dumps(out))
`,
      { pairs: pairs.map(([a, b]) => [a.toString(), b.toString()]), shifts: shifts.map(String) },
    );
    pairs.forEach(([ab, bb], idx) => {
      const a = normInt(ab);
      const b = normInt(bb);
      const s = normInt(shifts[idx]!);
      const exp = expected[idx]!;
      const cmp = (r: PyInt | PyExc | [PyInt, PyInt]) => show(r);
      const got = [
        cmp(intAdd(a, b)), cmp(intSub(a, b)), cmp(intMul(a, b)), cmp(intFloorDiv(a, b)), cmp(intMod(a, b)),
        cmp(intDivmod(a, b)), showF(intTrueDiv(a, b)), cmp(intLshift(a, s)), cmp(intRshift(a, s)),
        cmp(intAnd(a, b)), cmp(intOr(a, b)), cmp(intXor(a, b)), cmp(intInvert(a)),
        showF(intToFloat(a)), 'i' + intBitLength(a), 'i' + intBitCount(a),
      ];
      const fb = intToFloat(b);
      if (typeof fb === 'number' && Math.abs(Number(bb)) < 2 ** 1000) {
        const c = compareIntFloat(a, fb);
        got.push(`(i${c < 0 ? 1 : 0},i${c === 0 ? 1 : 0},i${c > 0 ? 1 : 0})`);
      } else got.push('None');
      expect(got, `a=${ab} b=${bb} s=${shifts[idx]}`).toEqual(exp);
    });
  });

  it('true division and float conversion near rounding boundaries', () => {
    const rng = new Rng(99);
    const cases: [bigint, bigint][] = [];
    for (let i = 0; i < 600; i++) {
      // Numerators near multiples of powers of two give ties and near-ties.
      const k = BigInt(53 + rng.int(1100));
      const base = (1n << k) + BigInt(rng.int(5) - 2) * (1n << (k - 53n)) + BigInt(rng.int(3) - 1);
      const den = rng.int(3) === 0 ? 1n : rng.bigint(rng.int(2) ? 20 : 400);
      cases.push([base, den === 0n ? 3n : den]);
      cases.push([BigInt(rng.int(1000) + 1), rng.bigint(350) * 3n + 1n]); // tiny / subnormal quotients
    }
    cases.push([2n ** 1024n, 1n], [2n ** 1024n - 2n ** 970n, 1n], [2n ** 1024n - 2n ** 971n, 1n], [1n, 2n ** 1075n], [3n, 2n ** 1076n]);
    const exp = runPython<string[][]>(
      PY_SHOW + `print(json.dumps([[R(lambda: int(a)/int(b)), R(lambda: float(int(a)))] for a, b in inp]))`,
      cases.map(([a, b]) => [a.toString(), b.toString()]),
    );
    cases.forEach(([a, b], i) => {
      expect([showF(intTrueDiv(normInt(a), normInt(b))), showF(intToFloat(normInt(a)))], `${a}/${b}`).toEqual(exp[i]);
    });
  });

  it('pow with 2 and 3 arguments', () => {
    const rng = new Rng(7);
    const cases: [bigint, bigint, bigint | null][] = [];
    for (let i = 0; i < 400; i++) {
      const a = rng.int(3) ? BigInt(rng.int(41) - 20) : rng.bigint(30);
      const b = BigInt(rng.int(60) - 10);
      cases.push([a, b, null]);
      const m = rng.int(4) === 0 ? BigInt(rng.int(21) - 10) : rng.bigint(60);
      cases.push([rng.bigint(80), rng.int(3) === 0 ? -rng.bigint(5) : rng.bigint(60), m]);
    }
    for (const [a, b] of [[3n, 33n], [3n, 34n], [-3n, 33n], [-3n, 34n], [2n, 52n], [2n, 53n], [-2n, 53n], [94906265n, 2n], [94906266n, 2n], [-94906267n, 2n], [208063n, 3n], [-208064n, 3n], [7n, 19n], [7n, 18n]] as const) {
      cases.push([a, b, null]);
    }
    cases.push([0n, -1n, null], [2n, -1n, 4n], [3n, -1n, 7n], [3n, -2n, -7n], [5n, 3n, 0n], [2n, 10000n, null], [10n, -400n, null], [10n, 400n, 1n]);
    const exp = runPython<string[]>(
      PY_SHOW + `print(json.dumps([R(lambda: pow(int(a), int(b)) if m is None else pow(int(a), int(b), int(m))) for a, b, m in inp]))`,
      cases.map(([a, b, m]) => [a.toString(), b.toString(), m === null ? null : m.toString()]),
    );
    cases.forEach(([a, b, m], i) => {
      const r = m === null ? intPow(normInt(a), normInt(b)) : intPowMod(normInt(a), normInt(b), normInt(m));
      const g = typeof r === 'number' && b < 0n && m === null ? 'f' + bitsOf(r) : show(r);
      expect(g, `pow(${a}, ${b}, ${m})`).toEqual(exp[i]);
    });
  });

  it('hash(int) including the -1 and modulus edges', () => {
    const rng = new Rng(5);
    const xs = sampleInts(rng, 1500);
    const P = (1n << 61n) - 1n;
    xs.push(-1n, -2n, P, P - 1n, P + 1n, -P, -P - 1n, 2n * P - 1n, -(2n * P) - 1n, 2n ** 64n, -(2n ** 64n));
    const exp = runPython<string[]>(`print(json.dumps([str(hash(int(a))) for a in inp]))`, xs.map(String));
    const out = new Uint32Array(2);
    xs.forEach((x, i) => {
      hashInt(normInt(x), out, 0);
      expect(String(hashToPyInt(out[0]!, out[1]!)), String(x)).toBe(exp[i]);
    });
  });
});

describe('30-bit digit conversion', () => {
  it('round-trips and matches CPython digit layout', () => {
    const rng = new Rng(11);
    const xs = sampleInts(rng, 300);
    xs.push(2n ** 30n - 1n, 2n ** 30n, 2n ** 60n, 2n ** 60n - 1n, -(2n ** 90n));
    const exp = runPython<[number, number[]][]>(
      `
out = []
for a in inp:
    a = int(a); m = abs(a); d = []
    while m: d.append(m & (2**30-1)); m >>= 30
    out.append([-len(d) if a < 0 else len(d), d])
print(json.dumps(out))
`,
      xs.map(String),
    );
    xs.forEach((x, i) => {
      const { size, digits } = bigintToLongDigits(x);
      expect([size, Array.from(digits)]).toEqual(exp[i]);
      expect(longReadDigits(size, digits, 0)).toBe(x);
      expect(longReadValue(size, digits, 0)).toBe(normInt(x));
      if (x >= -(2n ** 53n - 1n) && x <= 2n ** 53n - 1n) {
        const buf = new Uint32Array(4);
        const s2 = longWriteDigits(Number(x), buf, 1);
        expect([s2, Array.from(buf.subarray(1, 1 + Math.abs(s2)))]).toEqual(exp[i]);
      }
    });
  });
});
