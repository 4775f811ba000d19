// Symbol table benchmark: time of buildSymbolTable (walk + analysis + code-object
// orderings) over the ASTs of python3's whole standard library, parsed beforehand.
// python3 has no way to run its symbol table without its parser, so the figure
// printed for it is _symtable.symtable (C parse to the C AST + symtable) over the
// same files: an upper bound of CPython's symtable time. Wall-clock on a shared
// machine: compare ratios, not rates. Run after a build: `node bench/symtable.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse } from '../dist/parser/index.js';
import { decodeSource } from '../dist/lexer/index.js';
import { buildSymbolTable } from '../dist/compiler/index.js';

import { stdlib, files } from './corpus.mjs';

const trees = [];
let lines = 0;
let parseMs = 0;
for (const f of files) {
  const d = decodeSource(new Uint8Array(fs.readFileSync(path.join(stdlib, f))));
  if (d.error !== null) continue;
  const t0 = performance.now();
  const r = parse(d.source);
  parseMs += performance.now() - t0;
  if (!r.ok) continue;
  trees.push({ f, tree: r.tree });
  lines += d.source.split('\n').length;
}

const ROUNDS = Number(process.env.ROUNDS ?? 3);
function runOurs() {
  const t0 = performance.now();
  let ok = 0;
  for (const t of trees) if (buildSymbolTable(t.tree).ok) ok++;
  return { ms: performance.now() - t0, ok };
}
runOurs(); // warm-up (JIT)
const ours = [];
for (let i = 0; i < ROUNDS; i++) ours.push(runOurs());
const best = Math.min(...ours.map((r) => r.ms));

const py = Number(execFileSync('python3', ['-c', `
import _symtable, sys, time, warnings, os
warnings.simplefilter('ignore')
root = sys.argv[1]
srcs = [(rel, open(os.path.join(root, rel), 'rb').read()) for rel in sys.stdin.read().split('\\n') if rel]
def run():
    t0 = time.perf_counter()
    for rel, s in srcs:
        try: _symtable.symtable(s, rel, 'exec')
        except Exception: pass
    return (time.perf_counter() - t0) * 1000
run()
print(min(run() for _ in range(${ROUNDS})))
`, stdlib], { input: trees.map((t) => t.f).join('\n'), maxBuffer: 1 << 26 }).toString().trim());

console.log(`files: ${trees.length} (${ours[0].ok} tables built), ${lines} lines`);
console.log(`pynogil buildSymbolTable: ${best.toFixed(0)} ms best of ${ROUNDS} (${(lines / best).toFixed(0)} klines/s); our parse of the same files (first run): ${parseMs.toFixed(0)} ms`);
console.log(`python3 _symtable.symtable (parse + symtable): ${py.toFixed(0)} ms; ratio ours(symtable only)/python3(parse+symtable) = ${(best / py).toFixed(2)}`);
