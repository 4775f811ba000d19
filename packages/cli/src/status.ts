// `pynogil --status [file]`: what this build can do, stated plainly, and a live
// check of the parts that exist (the given file is tokenized, parsed and compiled; the
// time it took is reported next to python3's own figure for the same file when
// python3 is on the machine).
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { CodeObject, compileAst, decodeSource, formatUncaughtSyntaxError, parse, syntaxErrorFromLexError } from '@pynogil/interpreter';

/** One line per component: what works and what does not yet. */
const COMPONENTS: readonly (readonly [string, string])[] = [
  ['allocator', 'works: mimalloc-style allocator over one shared WebAssembly.Memory, usable from any worker'],
  ['refcount', 'works: biased reference counting, immortal/deferred objects, thread states, stop-the-world, QSBR'],
  ['collections', 'works: int/float/str/bytes/tuple/list/dict/set in the shared heap, per-object locks, lock-free reads'],
  ['tokenizer + parser', "works: CPython 3.11's grammar, the same ast.dump and SyntaxErrors"],
  ['compiler', "works: symbol tables and CPython 3.11's bytecode, dis-identical"],
  ['eval loop', 'not yet: Python code cannot be executed'],
  ['threading', 'not yet (needs the eval loop)'],
  ['C extensions', 'not yet'],
];

function python3ParseMs(file: string): number | null {
  try {
    const out = execFileSync('python3', ['-c',
      'import ast,sys,time\nsrc=open(sys.argv[1],"rb").read()\nt=time.perf_counter()\nfor _ in range(20): ast.parse(src)\nprint((time.perf_counter()-t)/20*1000)', file],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return Number(out.trim());
  } catch {
    return null;
  }
}

export function statusReport(version: string, file: string): string {
  let out = `pynogil ${version} — a Python 3.11 whose threads run in parallel, without a GIL.\n\n`;
  const width = Math.max(...COMPONENTS.map(([n]) => n.length));
  for (const [name, state] of COMPONENTS) out += `  ${name.padEnd(width)}  ${state}\n`;
  if (file === '') return out;
  out += '\n';
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return out + `cannot read ${file}: ${(e as Error).message}\n`;
  }
  const decoded = decodeSource(bytes);
  if (decoded.error !== null) return out + formatUncaughtSyntaxError(syntaxErrorFromLexError(decoded.error, file), { offsetsInBytes: true });
  const runs = 20;
  parse(decoded.source, { filename: file });
  const t0 = performance.now();
  let r = parse(decoded.source, { filename: file });
  for (let i = 1; i < runs; i++) r = parse(decoded.source, { filename: file });
  const ms = (performance.now() - t0) / runs;
  if (!r.ok) return out + formatUncaughtSyntaxError({ ...r.error, filename: file }, { offsetsInBytes: true });
  const lines = decoded.source.split('\n').length - 1;
  const theirs = python3ParseMs(file);
  out += `${file}: ${lines} lines parsed in ${ms.toFixed(3)} ms` +
    (theirs === null ? '' : ` (python3's ast.parse: ${theirs.toFixed(3)} ms)`) + '.\n';
  const compiled = compileAst(r.tree, decoded.source, file, 'exec');
  if (compiled.ok) {
    let units = 0;
    let bytes = 0;
    const walk = (co: CodeObject): void => {
      units++;
      bytes += co.co_code.length;
      for (const c of co.co_consts) if (c instanceof CodeObject) walk(c);
    };
    walk(compiled.code);
    out += `compiled to ${units} code objects, ${bytes} bytes of CPython 3.11 bytecode.\n`;
  }
  out += `Running it needs the eval loop; until then compare with: python3 ${file}\n`;
  return out;
}
