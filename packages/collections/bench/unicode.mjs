// Benchmark of the Unicode str methods (run after a build: `node bench/unicode.mjs`
// from packages/collections). upper(), lower() and isalpha() of 1000-character
// ASCII, Latin-1 and CJK strings, calls per second, against python3 timing the
// same methods on the same strings in the same run. Figures are noisy when the
// machine is shared. Also prints the import and first-lookup (table decode) cost.
import { spawnSync } from 'node:child_process';

const t0 = performance.now();
const U = await import('../dist/unicode/index.js');
const tImport = performance.now() - t0;
const t1 = performance.now();
U.strIsAlpha('é');
U.category(0x4e00);
const tDecode = performance.now() - t1;

function make(from, span, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCodePoint(from + ((i * 7919) % span));
  return s;
}
const STRINGS = {
  ascii: make(0x61, 26, 1000), // a..z
  latin1: make(0xe0, 23, 1000), // à..ö
  cjk: make(0x4e00, 20000, 1000),
};
const METHODS = { upper: U.strUpper, lower: U.strLower, isalpha: U.strIsAlpha };

function opsPerSec(f, s) {
  // best of batches of 2000 calls over ~300 ms; the sink keeps results alive
  const t = performance.now();
  let best = 0;
  let sink = 0;
  while (performance.now() - t < 300) {
    const a = performance.now();
    for (let i = 0; i < 2000; i++) sink ^= typeof f(s) === 'string' ? 1 : 0;
    best = Math.max(best, 2000 / ((performance.now() - a) / 1e3));
  }
  if (sink === 42) console.log('');
  return best;
}

const py = spawnSync('python3', ['-c', `
import sys, json, timeit
strs = json.loads(sys.stdin.read())
out = {}
for k, s in strs.items():
    for m in ('upper', 'lower', 'isalpha'):
        f = getattr(s, m)
        n = 2000
        out[k + '.' + m] = n / min(timeit.repeat(f, number=n, repeat=5))
print(json.dumps(out))
`], { input: JSON.stringify(STRINGS), encoding: 'utf8' });
if (py.status !== 0) throw new Error(py.stderr);
const pyOps = JSON.parse(py.stdout);

console.log(`import of unicode/index.js ${tImport.toFixed(1)} ms; first lookups (decode tables) ${tDecode.toFixed(1)} ms`);
for (const [k, s] of Object.entries(STRINGS)) {
  for (const [m, f] of Object.entries(METHODS)) {
    const ours = opsPerSec(f, s);
    const p = pyOps[`${k}.${m}`];
    console.log(`${(k + ' ' + m + '()').padEnd(18)} pynogil ${(ours / 1e3).toFixed(1).padStart(8)} k/s  python3 ${(p / 1e3).toFixed(1).padStart(8)} k/s  ratio ${(ours / p).toFixed(2)}`);
  }
}
