// Code generator benchmark: time of compileAst (AST optimizer + symbol table +
// code generation + assembly) over python3's whole standard library, parsed
// beforehand, against python3's compile() of the same sources (C parser + its
// compiler: an upper bound of CPython's compile-only time). Wall-clock on a
// shared machine: compare ratios, not rates. Run after a build:
// `node bench/codegen.mjs` (ROUNDS=n for more rounds).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse } from '../dist/parser/index.js';
import { decodeSource } from '../dist/lexer/index.js';
import { compileAst } from '../dist/compiler/codegen/index.js';

import { stdlib, files } from './corpus.mjs';

const items = [];
let lines = 0;
for (const f of files) {
  const d = decodeSource(new Uint8Array(fs.readFileSync(path.join(stdlib, f))));
  if (d.error !== null) continue;
  const r = parse(d.source);
  if (!r.ok) continue;
  items.push({ f, tree: r.tree, source: d.source });
  lines += d.source.split('\n').length;
}

const ROUNDS = Number(process.env.ROUNDS ?? 3);
function runOurs() {
  const t0 = performance.now();
  let ok = 0;
  for (const it of items) if (compileAst(it.tree, it.source, it.f).ok) ok++;
  return { ms: performance.now() - t0, ok };
}
runOurs(); // warm-up (JIT); the optimizer's folding is idempotent on a folded tree
const ours = [];
for (let i = 0; i < ROUNDS; i++) ours.push(runOurs());
const best = Math.min(...ours.map((r) => r.ms));

const py = Number(execFileSync('python3', ['-c', `
import sys, time, warnings, os
warnings.simplefilter('ignore')
root = sys.argv[1]
srcs = [(rel, open(os.path.join(root, rel), 'rb').read()) for rel in sys.stdin.read().split('\\n') if rel]
def run():
    t0 = time.perf_counter()
    for rel, s in srcs:
        try:
            compile(s, rel, 'exec', dont_inherit=True)
        except Exception:
            pass
    return time.perf_counter() - t0
run()
print(min(run() for _ in range(${ROUNDS})) * 1000)
`, stdlib], { input: items.map((i) => i.f).join('\n'), maxBuffer: 1 << 26 }).toString());

console.log(`codegen: ${items.length} files, ${lines} lines, ${ours[0].ok} compiled`);
console.log(`  ours (optimizer + symtable + codegen + assemble, pre-parsed): best of ${ROUNDS} ${best.toFixed(0)} ms`);
console.log(`  python3 compile() (parse + compile):                        best of ${ROUNDS} ${py.toFixed(0)} ms`);
console.log(`  ratio ours/python3: ${(best / py).toFixed(2)} (python3's figure includes its parser)`);
