// Tokenizer throughput on the standard library, against CPython in the same run.
// Usage (after `npx tsc -b`): node bench/lexer.mjs [rounds]
//   pynogil  : decodeSource + tokenize (parser mode, and compat mode) per file
//   CPython  : tokenize.generate_tokens (the pure-Python module the tests compare
//              with), the C tokenizer (tokenize._generate_tokens_from_c_tokenizer)
//              and compile(..., ast.PyCF_ONLY_AST) (tokenizer + parser), over the
//              same files, timed inside one python3 process.
// Figures are lines/second of source (best of `rounds`).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSource, tokenize } from '../dist/lexer/index.js';

const rounds = Number(process.argv[2] ?? 3);
const root = execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]).toString().trim();

function walk(dir, out) {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) {
      if (e !== 'site-packages' && e !== '__pycache__') walk(p, out);
    } else if (e.endsWith('.py')) out.push(p);
  }
}
const files = [];
walk(root, files);
const bytes = files.map((f) => readFileSync(f));
const sources = [];
let lines = 0;
for (const b of bytes) {
  const d = decodeSource(b);
  if (d.error !== null) continue;
  sources.push(d.source);
  for (let i = d.source.indexOf('\n'); i >= 0; i = d.source.indexOf('\n', i + 1)) lines++;
}

function best(fn) {
  let t = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    t = Math.min(t, performance.now() - t0);
  }
  return t / 1000;
}

let tokens = 0;
const tParser = best(() => {
  tokens = 0;
  for (const s of sources) tokens += tokenize(s).tokens.length;
});
const tCompat = best(() => {
  for (const s of sources) tokenize(s, { compat: true });
});
const tDecode = best(() => {
  for (const b of bytes) decodeSource(b);
});

const py = `
import ast, io, sys, time, tokenize, warnings
warnings.simplefilter('ignore')
files = sys.stdin.read().split('\\n')
datas = []
for f in files:
    with open(f, 'rb') as fh:
        data = fh.read()
    try:
        enc, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        datas.append((data, data.decode(enc)))
    except Exception:
        pass
def best(fn, rounds):
    t = float('inf')
    for _ in range(rounds):
        t0 = time.perf_counter(); fn(); t = min(t, time.perf_counter() - t0)
    return t
def py_tokenize():
    for _, text in datas:
        try:
            for _t in tokenize.generate_tokens(io.StringIO(text).readline): pass
        except Exception: pass
def c_tokenize():
    for _, text in datas:
        try:
            for _t in tokenize._generate_tokens_from_c_tokenizer(text): pass
        except Exception: pass
def parse():
    for data, _ in datas:
        try: compile(data, 'x', 'exec', ast.PyCF_ONLY_AST, dont_inherit=True)
        except Exception: pass
r = int(sys.argv[1])
print(best(py_tokenize, 1), best(c_tokenize, r), best(parse, 1))
`;
const [tPyTok, tCTok, tAst] = execFileSync('python3', ['-c', py, String(rounds)], { input: files.join('\n'), maxBuffer: 1 << 20 })
  .toString().trim().split(' ').map(Number);

const fmt = (t) => `${(lines / t / 1e6).toFixed(2)} M lines/s (${t.toFixed(2)} s)`;
console.log(`stdlib: ${sources.length} files, ${lines} lines, ${tokens} tokens (parser mode); best of ${rounds}`);
console.log(`pynogil tokenize (parser mode)      ${fmt(tParser)}`);
console.log(`pynogil tokenize (compat mode)      ${fmt(tCompat)}`);
console.log(`pynogil decodeSource                ${fmt(tDecode)}`);
console.log(`CPython tokenize module (1 round)   ${fmt(tPyTok)}   ratio pynogil/CPython ${(tPyTok / tParser).toFixed(1)}x faster`);
console.log(`CPython C tokenizer via tokenize    ${fmt(tCTok)}   ratio ${(tCTok / tParser).toFixed(2)}x`);
console.log(`CPython compile(ONLY_AST) (1 round) ${fmt(tAst)}`);
