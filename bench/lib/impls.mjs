// The three implementations the suite compares, behind one interface:
//
//   python3  - CPython 3.11, the oracle. Run as the real executable (pyenv's
//              `python3` is a shell shim that adds ~50 ms per start).
//   pyodide  - CPython compiled to WebAssembly, run in Node by
//              lib/pyodide-child.mjs; found through normal module resolution
//              from the repository root (createRequire), so NODE_PATH works.
//   pynogil  - this project, `node packages/cli/bin/pynogil.js FILE ARGS`.
//              Until it can run programs it is reported as not runnable: a
//              probe program must print exactly what python3 prints.
//
// Each implementation reports, per run, `ms` (the program's own run time),
// `wallMs`, exact `stdout`, `status` and `peakRssKb`. For the process-based
// implementations `ms` is the wall time minus that implementation's median
// `-c pass` start-up measured in the same session, so that it is comparable
// with Pyodide's in-process time (which excludes its start-up by construction).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { measure } from './spawn.mjs';
import { median } from './stats.mjs';

/** First non-empty line of a text, shortened for a table cell or a note. */
export function firstLine(text, max = 100) {
  const line = String(text).split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Last non-empty line (where Python puts the exception of a traceback). */
export function lastLine(text, max = 100) {
  const lines = String(text).split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const line = lines[lines.length - 1] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

class ProcessImpl {
  constructor(name, command, prefix, { cwd, timeoutMs }) {
    this.name = name;
    this.command = command;
    this.prefix = prefix;
    this.cwd = cwd;
    this.timeoutMs = timeoutMs;
    this.startupMs = 0;
  }

  exec(args) {
    return measure(this.command, [...this.prefix, ...args], {
      cwd: this.cwd,
      timeoutMs: this.timeoutMs,
      env: { ...process.env, PYTHONHASHSEED: '0' },
    });
  }

  /** `-c pass` start-up, `runs` times; remembers the median for subtraction. */
  startup(runs) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const r = this.exec(['-c', 'pass']);
      if (r.status !== 0) return { error: `-c pass exited ${r.status}: ${lastLine(r.stderr || r.stdout)}` };
      samples.push(r);
    }
    this.startupMs = median(samples.map((s) => s.wallMs));
    return {
      ms: this.startupMs,
      samplesMs: samples.map((s) => s.wallMs),
      peakRssKb: median(samples.map((s) => s.peakRssKb ?? 0)) || null,
    };
  }

  /** Run FILE ARGS `runs` times (stops at the first failure). */
  run(file, args, runs) {
    const out = [];
    for (let i = 0; i < runs; i++) {
      const r = this.exec([file, ...args]);
      const failed = r.status !== 0 || r.timedOut;
      out.push({
        ms: Math.max(r.wallMs - this.startupMs, 0),
        wallMs: r.wallMs,
        stdout: r.stdout,
        status: r.status,
        peakRssKb: r.peakRssKb,
        error: failed
          ? (r.timedOut ? `timed out after ${this.timeoutMs / 1000}s` : `exit ${r.status ?? r.signal}: ${lastLine(r.stderr || r.stdout)}`)
          : null,
      });
      if (failed) break;
    }
    return out;
  }
}

/** CPython: resolve `python3` to its real executable once. */
export function makePython3(ctx) {
  const r = spawnSync('python3', ['-c', 'import sys; print(sys.executable); print(sys.version.split()[0])'], { encoding: 'utf8' });
  if (r.status !== 0) return { name: 'python3', available: false, reason: 'python3 not found on PATH' };
  const [exe, version] = r.stdout.trim().split('\n');
  const impl = new ProcessImpl('python3', exe, [], ctx);
  impl.available = true;
  impl.version = version;
  impl.executable = exe;
  return impl;
}

/**
 * pynogil: available only if built and if it runs the probe program correctly.
 * PYNOGIL_BENCH_PYNOGIL="command args" replaces the command (space-separated),
 * to test the runner itself or to put another interpreter in that column.
 */
export function makePynogil(ctx) {
  const bin = join(ctx.repoRoot, 'packages/cli/bin/pynogil.js');
  const dist = join(ctx.repoRoot, 'packages/cli/dist/main.js');
  const base = { name: 'pynogil', available: false };
  const override = process.env.PYNOGIL_BENCH_PYNOGIL?.split(' ').filter(Boolean);
  if (!override?.length && (!existsSync(bin) || !existsSync(dist))) {
    return { ...base, reason: 'not built (packages/cli/dist missing: build first)' };
  }
  const impl = override?.length
    ? new ProcessImpl('pynogil', override[0], override.slice(1), ctx)
    : new ProcessImpl('pynogil', process.execPath, [bin], ctx);
  let version = null;
  try {
    version = JSON.parse(readFileSync(join(ctx.repoRoot, 'packages/cli/package.json'), 'utf8')).version;
  } catch {
    // version stays unknown
  }
  const probe = impl.exec([join(ctx.repoRoot, 'bench/lib/probe.py')]);
  if (probe.status !== 0 || probe.stdout !== 'probe 42\n') {
    const said = firstLine(probe.stderr || probe.stdout) || '(no output)';
    return {
      ...base, version,
      reason: `cannot run Python programs yet (probe: exit ${probe.status}, printed "${said}")`,
    };
  }
  impl.available = true;
  impl.version = version;
  return impl;
}

/** Pyodide: found by module resolution from the repository root. */
export function makePyodide(ctx) {
  const base = { name: 'pyodide', available: false };
  let entry;
  try {
    const req = createRequire(join(ctx.repoRoot, 'package.json'));
    const pkgJson = req.resolve('pyodide/package.json');
    entry = join(pkgJson, '..', 'pyodide.mjs');
    base.version = JSON.parse(readFileSync(pkgJson, 'utf8')).version;
  } catch {
    return {
      ...base,
      reason: 'npm package "pyodide" not installed (add it as a devDependency, or set NODE_PATH to a node_modules that has it)',
    };
  }
  const child = join(ctx.repoRoot, 'bench/lib/pyodide-child.mjs');
  return {
    ...base,
    available: true,
    entry,
    startupMs: null,
    pythonVersion: null,
    exec(runs, file, args) {
      const r = measure(process.execPath, [child, entry, String(runs), file, ...args], {
        cwd: ctx.repoRoot, timeoutMs: ctx.timeoutMs * Math.max(runs, 1),
        env: { ...process.env, PYTHONHASHSEED: '0' },
      });
      let parsed = null;
      try {
        parsed = JSON.parse(lastLine(r.stdout, Infinity));
      } catch {
        // reported below
      }
      if (r.status !== 0 || parsed === null) {
        return { error: r.timedOut ? 'timed out' : `pyodide child exit ${r.status}: ${lastLine(r.stderr || r.stdout)}`, wallMs: r.wallMs };
      }
      this.pythonVersion = parsed.pythonVersion;
      return { ...parsed, wallMs: r.wallMs, peakRssKb: r.peakRssKb };
    },
    /** Start-up: node + loadPyodide + runPython('pass'), in `runs` fresh children. */
    startup(runs) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const r = this.exec(0, '-', []);
        if (r.error) return { error: r.error };
        samples.push(r);
      }
      this.startupMs = median(samples.map((s) => s.wallMs));
      return {
        ms: this.startupMs,
        samplesMs: samples.map((s) => s.wallMs),
        loadPyodideMs: median(samples.map((s) => s.loadMs)),
        peakRssKb: median(samples.map((s) => s.peakRssKb ?? 0)) || null,
      };
    },
    /** One child: load once, run the program `runs` times; peak RSS is the child's. */
    run(file, args, runs) {
      const r = this.exec(runs, file, args);
      if (r.error) return [{ ms: null, wallMs: r.wallMs, stdout: '', status: null, peakRssKb: null, error: r.error }];
      return r.runs.map((x) => ({
        ms: x.ms, wallMs: x.ms, stdout: x.stdout, status: x.error ? 1 : 0, peakRssKb: r.peakRssKb,
        error: x.error ? lastLine(x.error) : null, loadMs: r.loadMs,
      }));
    },
  };
}
