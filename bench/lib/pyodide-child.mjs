// Child process that runs one benchmark program under Pyodide (CPython
// compiled to WebAssembly) in Node. Started by the runner, never imported.
//
// It loads Pyodide once (timed separately: that is Pyodide's start-up), then
// runs the program RUNS times, each in a fresh __main__ namespace through
// runpy.run_path, with sys.argv set as python3 would see it, and times each
// run alone. The program's stdout is captured byte for byte; on the child's
// own stdout goes exactly one JSON line:
//   { version, pythonVersion, loadMs, runs: [{ ms, stdout, error }] }
// An exception in the program is reported in `error` (its traceback text),
// never as a crash of this script.
//
// usage: node pyodide-child.mjs PYODIDE_ENTRY RUNS FILE [ARGS...]
//        node pyodide-child.mjs PYODIDE_ENTRY 0 -       (start-up only)
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, runsArg, file, ...args] = process.argv.slice(2);
const runs = Number.parseInt(runsArg, 10);

const t0 = performance.now();
const { loadPyodide } = await import(pathToFileURL(entry).href);
const py = await loadPyodide();
py.runPython('pass');
const loadMs = performance.now() - t0;

let chunks = [];
const decoder = new TextDecoder();
py.setStdout({ write: (buf) => { chunks.push(decoder.decode(buf, { stream: true })); return buf.length; } });
py.setStderr({ write: (buf) => { process.stderr.write(buf); return buf.length; } });

const result = {
  version: py.version,
  pythonVersion: py.runPython('import sys; sys.version.split()[0]'),
  loadMs,
  runs: [],
};

if (runs > 0) {
  // Put the program into Pyodide's in-memory file system under its own name,
  // so tracebacks and __file__ look as they do under python3.
  const target = `/home/pyodide/${basename(file)}`;
  py.FS.writeFile(target, readFileSync(file, 'utf8'));
  py.globals.set('_bench_argv', py.toPy([target, ...args]));
  for (let i = 0; i < runs; i++) {
    chunks = [];
    let error = null;
    const start = performance.now();
    try {
      py.runPython(
        'import runpy, sys\n' +
        'sys.argv = list(_bench_argv)\n' +
        'try:\n' +
        '    runpy.run_path(sys.argv[0], run_name="__main__")\n' +
        'finally:\n' +
        '    sys.stdout.flush()\n',
      );
    } catch (e) {
      error = String(e?.message ?? e);
    }
    const ms = performance.now() - start;
    result.runs.push({ ms, stdout: chunks.join(''), error });
    if (error !== null) break;
  }
}

process.stdout.write(`${JSON.stringify(result)}\n`);
