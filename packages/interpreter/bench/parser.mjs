// Parser benchmark: lines per second of tokenize + parse over python3's whole
// standard library (and its test/ tree), against python3's own ast.parse of the
// same files in the same run. Run after a build: `node bench/parser.mjs`.
// Figures are wall-clock on a shared machine: compare the ratio, not the rates.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse } from '../dist/parser/index.js';
import { decodeSource } from '../dist/lexer/index.js';

import { stdlib, files } from './corpus.mjs';

// sources that both sides can parse
const sources = [];
for (const f of files) {
  const d = decodeSource(new Uint8Array(fs.readFileSync(path.join(stdlib, f))));
  if (d.error === null) sources.push({ f, src: d.source });
}
let lines = 0;
for (const s of sources) lines += s.src.split('\n').length;

const ROUNDS = Number(process.env.ROUNDS ?? 3);
function runOurs() {
  const t0 = performance.now();
  let ok = 0;
  for (const s of sources) if (parse(s.src).ok) ok++;
  return { ms: performance.now() - t0, ok };
}
runOurs(); // warm-up (JIT)
const ours = [];
for (let i = 0; i < ROUNDS; i++) ours.push(runOurs());
const best = Math.min(...ours.map((r) => r.ms));

const py = execFileSync('python3', ['-c', `
import ast, sys, time, warnings, os
warnings.simplefilter('ignore')
root = sys.argv[1]
srcs = []
for rel in sys.stdin.read().split('\\n'):
    if rel: srcs.append(open(os.path.join(root, rel), 'rb').read())
def run():
    t0 = time.perf_counter()
    for s in srcs:
        try: ast.parse(s)
        except Exception: pass
    return (time.perf_counter() - t0) * 1000
run()
print(min(run() for _ in range(${ROUNDS})))
`, stdlib], { input: sources.map((s) => s.f).join('\n'), maxBuffer: 1 << 26 }).toString().trim();
const pyMs = Number(py);

const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.log(`corpus: ${sources.length} files, ${fmt(lines)} lines (${stdlib})`);
console.log(`pynogil tokenize+parse: ${best.toFixed(0)} ms  → ${fmt(lines / (best / 1000))} lines/s  (best of ${ROUNDS}, ${ours[0].ok} trees)`);
console.log(`CPython ast.parse:      ${pyMs.toFixed(0)} ms  → ${fmt(lines / (pyMs / 1000))} lines/s  (best of ${ROUNDS})`);
console.log(`ratio (pynogil time / CPython time): ${(best / pyMs).toFixed(2)}`);

// Cold start: a fresh process parses one mid-sized module once (no JIT warm-up),
// against CPython's first ast.parse of it — what a program's start-up pays.
const coldFile = path.join(stdlib, 'typing.py');
const coldOurs = execFileSync(process.execPath, ['--input-type=module', '-e', `
  import fs from 'node:fs';
  const { parse } = await import(${JSON.stringify(new URL('../dist/parser/index.js', import.meta.url).href)});
  const src = fs.readFileSync(${JSON.stringify(coldFile)}, 'utf8');
  const t0 = performance.now(); parse(src); console.log(performance.now() - t0);
`]).toString().trim();
const coldPy = execFileSync('python3', ['-c', `
import ast, time, sys
src = open(sys.argv[1], 'rb').read()
t0 = time.perf_counter(); ast.parse(src); print((time.perf_counter() - t0) * 1000)
`, coldFile]).toString().trim();
console.log(`cold, typing.py once in a fresh process: pynogil ${Number(coldOurs).toFixed(1)} ms, CPython ${Number(coldPy).toFixed(1)} ms (ratio ${(Number(coldOurs) / Number(coldPy)).toFixed(2)})`);
