// Benchmark of the formatting layer (src/format) against python3 in the same
// run: format() of ints and floats with common specs, printf-style
// '%d %s %.2f' % (...), and str.format. Run after a build:
// `node bench/format.mjs` (from packages/collections).
// Both sides do the same N operations on the same values; best of 5 runs.
// Figures are noisy when the machine is shared (others use the CPUs).
import { spawnSync } from 'node:child_process';
import { formatInt, formatFloatSpec, formatStr, printfStr, strFormat, fmtArg } from '../dist/format/index.js';

function bestOf(n, f) {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const N = 100000;
let seed = 12345;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const ints = [];
const floats = [];
for (let i = 0; i < N; i++) {
  ints.push(Math.floor((rnd() - 0.5) * 2 ** Math.floor(rnd() * 40)));
  floats.push((rnd() - 0.5) * 10 ** Math.floor(rnd() * 12 - 4));
}
const hooks = null; // the benchmarked paths never reach a hook

// Python's values are the same numbers (ints exact, floats via repr round trip).
const PY_PRELUDE = `
import time, json, sys
ints = json.loads(sys.stdin.readline())
floats = [float(x) for x in json.loads(sys.stdin.readline())]
def best(f):
    b = 1e9
    for _ in range(5):
        t0 = time.perf_counter(); f(); b = min(b, (time.perf_counter() - t0) * 1000)
    return b
`;
const input = JSON.stringify(ints) + '\n' + JSON.stringify(floats.map((x) => String(x))) + '\n';
function pyRun(code) {
  const r = spawnSync('python3', ['-c', PY_PRELUDE + code], { encoding: 'utf8', input });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const cases = [
  ['format(int, "d")', () => { for (const v of ints) formatInt(v, 'd'); }, 'for v in ints: format(v, "d")'],
  ['format(int, ",")', () => { for (const v of ints) formatInt(v, ','); }, 'for v in ints: format(v, ",")'],
  ['format(int, "08x")', () => { for (const v of ints) formatInt(v < 0 ? -v : v, '08x'); }, 'for v in ints: format(abs(v), "08x")'],
  ['format(int, ">12")', () => { for (const v of ints) formatInt(v, '>12'); }, 'for v in ints: format(v, ">12")'],
  ['format(float, ".2f")', () => { for (const x of floats) formatFloatSpec(x, '.2f'); }, 'for x in floats: format(x, ".2f")'],
  ['format(float, "")', () => { for (const x of floats) formatFloatSpec(x, ''); }, 'for x in floats: format(x, "")'],
  ['format(float, ".3e")', () => { for (const x of floats) formatFloatSpec(x, '.3e'); }, 'for x in floats: format(x, ".3e")'],
  ['format(float, "10.4g")', () => { for (const x of floats) formatFloatSpec(x, '10.4g'); }, 'for x in floats: format(x, "10.4g")'],
  ['format(float, ",.2f")', () => { for (const x of floats) formatFloatSpec(x, ',.2f'); }, 'for x in floats: format(x, ",.2f")'],
  ['format(str, "^10")', () => { for (let i = 0; i < N; i++) formatStr('abc', '^10'); }, 'for v in ints: format("abc", "^10")'],
  [
    "'%d %s %.2f' % (i, s, x)",
    () => { for (let i = 0; i < N; i++) printfStr('%d %s %.2f', fmtArg.tuple([fmtArg.int(ints[i]), fmtArg.str('abc'), fmtArg.float(floats[i])]), hooks); },
    'for i in range(len(ints)): "%d %s %.2f" % (ints[i], "abc", floats[i])',
  ],
  [
    "'{} {:>8} {:.3f}'.format(i, s, x)",
    () => { for (let i = 0; i < N; i++) strFormat('{} {:>8} {:.3f}', [fmtArg.int(ints[i]), fmtArg.str('abc'), fmtArg.float(floats[i])], null, hooks); },
    'for i in range(len(ints)): "{} {:>8} {:.3f}".format(ints[i], "abc", floats[i])',
  ],
];

// Each python row is a function, so its loop variable is a fast local.
const pyDefs = cases.map((c, i) => `def f${i}():\n    ${c[2].replace(': ', ':\n        ')}\n`).join('');
const pyMs = pyRun(pyDefs + `print(json.dumps([${cases.map((_, i) => `best(f${i})`).join(', ')}]))`);
console.log(`format benchmark, ${N} operations per row (best of 5), ops/s; machine shared => noisy`);
cases.forEach(([name, f], i) => {
  for (let w = 0; w < 2; w++) f(); // warm up
  const ms = bestOf(5, f);
  const js = N / (ms / 1000);
  const p = N / (pyMs[i] / 1000);
  console.log(`${name.padEnd(36)} js ${js.toPrecision(4).padStart(10)}   python3 ${p.toPrecision(4).padStart(10)}   js/py ${(js / p).toFixed(2)}`);
});
