// Benchmark of the numeric/hashing core against python3 in the same run.
// Run after a build: `node bench/numeric.mjs` (from packages/collections).
// Figures are noisy when the machine is shared; each line prints both sides.
import { spawnSync } from 'node:child_process';
import {
  hashKeyFromSeed, hashString, floatRepr, intToStr, parseIntPy, bigintToLongDigits, longReadDigits, floatPow,
  formatFloat, hashFloat, intMul, intFloorDiv, intAdd, intTrueDiv,
} from '../dist/numeric/index.js';

function py(code) {
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

function bestOf(n, f) {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best; // ms
}

const rows = [];
function row(name, jsPerSec, pyPerSec, unit) {
  rows.push({ name, js: jsPerSec, py: pyPerSec, unit });
  console.log(`${name.padEnd(44)} js ${jsPerSec.toPrecision(4).padStart(10)} ${unit}   python3 ${pyPerSec.toPrecision(4).padStart(10)} ${unit}   js/py ${(jsPerSec / pyPerSec).toFixed(2)}`);
}

// --- str hash throughput -------------------------------------------------
const key = hashKeyFromSeed(0);
const out = new Uint32Array(2);
for (const [label, ch, bytesPer] of [['latin-1', 'a', 1], ['UCS-2', '\u20ac', 2], ['UCS-4', '\u{1f600}', 4]]) {
  const len = 1000;
  const N = 2000;
  const strs = [];
  for (let i = 0; i < N; i++) strs.push(ch.repeat(len - 6) + String(100000 + i));
  const ms = bestOf(7, () => { for (const s of strs) hashString(key, s, out, 0); });
  const mb = (N * len * bytesPer) / 1e6;
  const pyMs = py(`
import time, json
best = 1e9
for _ in range(7):
    strs = [${JSON.stringify(ch)} * ${len - 6} + str(100000 + i) for i in range(${N})]
    t0 = time.perf_counter()
    for s in strs: hash(s)
    best = min(best, (time.perf_counter() - t0) * 1000)
print(json.dumps(best))`);
  row(`hash(str) 1000 chars, ${label}`, mb / (ms / 1000), mb / (pyMs / 1000), 'MB/s');
}
{
  const N = 20000;
  const strs = [];
  for (let i = 0; i < N; i++) strs.push('k' + i);
  const ms = bestOf(7, () => { for (const s of strs) hashString(key, s, out, 0); });
  const pyMs = py(`
import time, json
best = 1e9
for _ in range(7):
    strs = ['k' + str(i) for i in range(${N})]
    t0 = time.perf_counter()
    for s in strs: hash(s)
    best = min(best, (time.perf_counter() - t0) * 1000)
print(json.dumps(best))`);
  row('hash(str) short keys', N / (ms / 1000), N / (pyMs / 1000), 'op/s');
}

// --- int <-> str ---------------------------------------------------------
for (const digits of [10000, 100000]) {
  const s = '7' + '1234567890'.repeat(digits / 10).slice(1);
  const v = parseIntPy(s, 10, 0);
  const reps = digits > 50000 ? 3 : 20;
  const msParse = bestOf(reps, () => parseIntPy(s, 10, 0)) ;
  const msStr = bestOf(reps, () => intToStr(v, 0));
  const [pyParse, pyStr] = py(`
import time, json, sys
sys.set_int_max_str_digits(0)
s = '7' + ('1234567890' * ${digits / 10})[1:]
def best(f, n):
    b = 1e9
    for _ in range(n):
        t0 = time.perf_counter(); f(); b = min(b, (time.perf_counter() - t0) * 1000)
    return b
v = int(s)
print(json.dumps([best(lambda: int(s), ${reps}), best(lambda: str(v), ${reps})]))`);
  row(`int(str) ${digits} digits`, 1000 / msParse, 1000 / pyParse, 'op/s');
  row(`str(int) ${digits} digits`, 1000 / msStr, 1000 / pyStr, 'op/s');
  const msDig = bestOf(reps, () => bigintToLongDigits(v));
  const { size, digits: d } = bigintToLongDigits(v);
  const msBack = bestOf(reps, () => longReadDigits(size, d, 0));
  console.log(`  30-bit digits of a ${digits}-digit int: to digits ${msDig.toFixed(3)} ms, back ${msBack.toFixed(3)} ms`);
}

// --- int arithmetic --------------------------------------------------------
{
  const a = parseIntPy('7' + '3141592653'.repeat(100), 10, 0);
  const b = parseIntPy('9' + '2718281828'.repeat(50), 10, 0);
  const N = 20000;
  const msMul = bestOf(5, () => { for (let i = 0; i < N; i++) intMul(a, b); });
  const msDiv = bestOf(5, () => { for (let i = 0; i < N; i++) intFloorDiv(a, b); });
  const c = parseIntPy('8' + '1'.repeat(999), 10, 0);
  const msTd = bestOf(5, () => { for (let i = 0; i < N; i++) intTrueDiv(a, c); });
  const M = 1000000;
  const msSmall = bestOf(5, () => { let s = 0; for (let i = 0; i < M; i++) s = intAdd(intMul(i, 3), s % 1000); });
  const [pyMul, pyDiv, pyTd, pySmall] = py(`
import time, json
a = int('7' + '3141592653' * 100); b = int('9' + '2718281828' * 50); c = int('8' + '1' * 999)
def best(f, n):
    r = 1e9
    for _ in range(n):
        t0 = time.perf_counter(); f(); r = min(r, (time.perf_counter() - t0) * 1000)
    return r
def small():
    s = 0
    for i in range(${M}): s = i * 3 + s % 1000
print(json.dumps([best(lambda: [a * b for _ in range(${N})], 5), best(lambda: [a // b for _ in range(${N})], 5),
                  best(lambda: [a / c for _ in range(${N})], 5), best(small, 3)]))`);
  row('1001-digit * 501-digit int', N / (msMul / 1000), N / (pyMul / 1000), 'op/s');
  row('1001-digit // 501-digit int', N / (msDiv / 1000), N / (pyDiv / 1000), 'op/s');
  row('1001-digit / 1000-digit int (true div)', N / (msTd / 1000), N / (pyTd / 1000), 'op/s');
  row('small int i*3 + s%1000 (per iteration)', M / (msSmall / 1000), M / (pySmall / 1000), 'it/s');
}

// --- float repr, format, pow, hash ---------------------------------------
{
  const N = 100000;
  const xs = new Float64Array(N);
  let seed = 12345;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let i = 0; i < N; i++) xs[i] = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20);
  const ms = bestOf(5, () => { for (let i = 0; i < N; i++) floatRepr(xs[i]); });
  const msF = bestOf(5, () => { for (let i = 0; i < N; i++) formatFloat(xs[i], 'f', 6); });
  const msP = bestOf(3, () => { for (let i = 0; i < N; i++) floatPow(Math.abs(xs[i]), 1.37); });
  const msH = bestOf(5, () => { for (let i = 0; i < N; i++) hashFloat(xs[i], 0, out, 0); });
  const [pyRepr, pyFmt, pyPow, pyHash] = py(`
import time, json, random
random.seed(1)
xs = [(random.random() - 0.5) * 10 ** random.randint(-20, 19) for _ in range(${N})]
def best(f, n):
    b = 1e9
    for _ in range(n):
        t0 = time.perf_counter(); f(); b = min(b, (time.perf_counter() - t0) * 1000)
    return b
print(json.dumps([best(lambda: [repr(x) for x in xs], 5), best(lambda: ['%.6f' % x for x in xs], 5),
                  best(lambda: [abs(x) ** 1.37 for x in xs], 3), best(lambda: [hash(x) for x in xs], 5)]))`);
  row('repr(float)', N / (ms / 1000), N / (pyRepr / 1000), 'op/s');
  row("'%.6f' % float", N / (msF / 1000), N / (pyFmt / 1000), 'op/s');
  row('float ** 1.37 (correctly rounded)', N / (msP / 1000), N / (pyPow / 1000), 'op/s');
  row('hash(float), non-integral', N / (msH / 1000), N / (pyHash / 1000), 'op/s');
}
