// The 'f' fast path (Number.prototype.toFixed with a tie check) against
// python3's format(x, '.{p}f') on many doubles: random bits, decimal-ish
// values, exact ties k/2**j (where toFixed and CPython round differently),
// values near the 2**52 cut-off, tiny values that round to zero, negatives.
import { describe, expect, it } from 'vitest';
import { runPython, bitsOf } from '../numeric/py.js';
import { formatFloatSpec } from '../../src/format/index.js';
import { PyExc } from '../../src/numeric/index.js';
import { Rng } from './rng.js';

function sample(rng: Rng): number {
  switch (rng.int(8)) {
    case 0: return rng.double();
    case 1: return (rng.int(2000001) - 1000000) / 2 ** rng.int(25); // exact binary fractions: ties
    case 2: return (rng.int(100000) + 0.5) / 10 ** rng.int(8);
    case 3: return (rng.u32() / 4294967296) * 10 ** (rng.int(30) - 15);
    case 4: return 2 ** 52 / 10 ** rng.int(21) + (rng.int(200) - 100) * 0.25;
    case 5: return rng.pick([0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 1e-7, 5e-324, 0.045, 1e21, 9.5e20, 0.3]);
    case 6: return rng.int(1 << 30) * 2 ** (rng.int(80) - 60);
    default: return (rng.int(2 ** 31) * 2 ** 21 + rng.int(2 ** 21)) / 2 ** rng.int(53);
  }
}

describe("format(x, '.{p}f') fast path vs python3", () => {
  it('40000 doubles x precisions 0..22, with and without #', () => {
    const rng = new Rng(777);
    const cases: [number, string][] = [];
    for (let i = 0; i < 40000; i++) {
      const x = sample(rng);
      cases.push([rng.int(2) ? -x : x, (rng.int(8) === 0 ? '#' : '') + '.' + rng.int(23) + 'f']);
    }
    const want = runPython<string[]>(
      'print(json.dumps([format(F(h), s) for h, s in inp]))',
      cases.map(([x, s]) => [bitsOf(x), s]),
    );
    const bad: string[] = [];
    cases.forEach(([x, s], i) => {
      const got = formatFloatSpec(x, s);
      const g = got instanceof PyExc ? got.toString() : got;
      if (g !== want[i] && bad.length < 20) bad.push(`seed 777 case ${i}: format(${x} [${bitsOf(x)}], '${s}') ours ${g} python ${want[i]}`);
    });
    expect(bad).toEqual([]);
  });
});
