#!/usr/bin/env node
// The benchmark suite runner: runs every program of bench/programs and the
// thread-scaling suite under python3 (CPython 3.11, the oracle), Pyodide and
// pynogil, side by side, checks that every implementation prints python3's
// checksum, and reports median time, ratio to CPython, peak RSS, thread
// scaling, start-up time and the packages' own component benchmarks.
//
//   node bench/run.mjs [--quick|--full|--check] [--only a,b] [--impl python3,pyodide,pynogil]
//                      [--runs N] [--threads N] [--timeout SECONDS] [--no-write]
//   node bench/run.mjs --report bench/results/FILE.json   (re-render table and chart, run nothing)
//
// --only takes program names, `threads` (the whole threading suite),
// `threads.NAME` or a bare workload name, `startup`, `components`.
// Results: a table on stdout, progress on stderr, bench/results/latest.json,
// bench/results/chart.svg, and for full unfiltered runs a dated JSON copy.
// Exit status 1 if any checksum differs from python3's or python3/Pyodide fail
// a program; an implementation that cannot run programs yet shows "—".
// See bench/README.md for how to read the output.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runComponents } from './lib/components.mjs';
import { makePynogil, makePyodide, makePython3 } from './lib/impls.mjs';
import { machineInfo } from './lib/machine.mjs';
import { componentsTable, notes, programsTable, startupTable, threadingTable } from './lib/report.mjs';
import { rssMethod } from './lib/spawn.mjs';
import { geomean, median } from './lib/stats.mjs';
import { chartSvg } from './lib/svg.mjs';
import { PROGRAMS, RUNS, SCALING, sizeArgs } from './lib/suite.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = dirname(BENCH_DIR);
const ALL_IMPLS = ['python3', 'pyodide', 'pynogil'];
const WORKLOAD_NAMES = SCALING.workloads.map(([n]) => n);

function usage(message) {
  if (message) process.stderr.write(`run.mjs: ${message}\n`);
  process.stderr.write('usage: node bench/run.mjs [--quick|--full|--check] [--only a,b] [--impl python3,pyodide,pynogil]\n'
    + '                         [--runs N] [--threads N] [--timeout SECONDS] [--no-write]\n'
    + '       node bench/run.mjs --report RESULTS.json [--no-write]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { mode: 'full', only: null, impls: ALL_IMPLS, runs: null, threads: os.cpus().length, timeoutS: 600, write: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') o.mode = 'quick';
    else if (a === '--full') o.mode = 'full';
    else if (a === '--check') o.mode = 'check';
    else if (a === '--only') o.only = value().split(',').filter(Boolean);
    else if (a === '--impl') o.impls = value().split(',').filter(Boolean);
    else if (a === '--runs') o.runs = Number.parseInt(value(), 10);
    else if (a === '--threads') o.threads = Number.parseInt(value(), 10);
    else if (a === '--timeout') o.timeoutS = Number.parseFloat(value());
    else if (a === '--no-write') o.write = false;
    else if (a === '--report') o.report = value();
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  for (const n of o.impls) if (!ALL_IMPLS.includes(n)) usage(`unknown implementation ${n}`);
  // python3 is the oracle: its output is the checksum every other implementation must print.
  if (!o.impls.includes('python3')) o.impls = ['python3', ...o.impls];
  if (o.runs !== null && !(o.runs >= 1)) usage('--runs must be >= 1');
  if (!(o.threads >= 1)) usage('--threads must be >= 1');
  if (o.only) {
    for (const name of o.only) {
      const known = PROGRAMS.some((p) => p.name === name) || WORKLOAD_NAMES.includes(name)
        || (name.startsWith('threads.') && WORKLOAD_NAMES.includes(name.slice(8)))
        || ['threads', 'startup', 'components'].includes(name);
      if (!known) usage(`--only: unknown benchmark ${name}`);
    }
  }
  return o;
}

/** What --only selects. */
function selection(o) {
  if (!o.only) {
    return { programs: PROGRAMS, workloads: WORKLOAD_NAMES, startup: true, components: o.mode !== 'check' };
  }
  const workloads = new Set();
  for (const n of o.only) {
    if (n === 'threads') WORKLOAD_NAMES.forEach((w) => workloads.add(w));
    else if (n.startsWith('threads.')) workloads.add(n.slice(8));
    else if (WORKLOAD_NAMES.includes(n) && !PROGRAMS.some((p) => p.name === n)) workloads.add(n);
  }
  return {
    programs: PROGRAMS.filter((p) => o.only.includes(p.name)),
    workloads: WORKLOAD_NAMES.filter((w) => workloads.has(w)),
    startup: o.only.includes('startup'),
    components: o.only.includes('components'),
  };
}

const log = (s) => process.stderr.write(`${s}\n`);

/** Lines that carry the deterministic result (the threading suite also prints `time:` lines). */
function checksumText(stdout) {
  return stdout.split('\n').filter((l) => !l.startsWith('time:')).join('\n');
}

function parseTimes(stdout) {
  const times = {};
  for (const line of stdout.split('\n')) {
    const m = /^time: (\S+) (\S+) (\S+)$/.exec(line);
    if (m) times[m[1]] = [Number(m[2]) * 1000, Number(m[3]) * 1000];
  }
  return times;
}

// ---- --check: every program and workload twice, tiny sizes, python3 only ----

function runCheck(o, sel, py) {
  const t0 = performance.now();
  const problems = [];
  for (const p of sel.programs) {
    const before = problems.length;
    const rs = py.run(join(BENCH_DIR, p.file), sizeArgs(p.sizes.check), 2);
    const outs = rs.map((r) => r.stdout);
    if (rs.some((r) => r.error)) problems.push(`${p.name}: ${rs.find((r) => r.error).error}`);
    else if (!outs[0].startsWith(`${p.name} `) || !outs[0].endsWith('\n')) problems.push(`${p.name}: no checksum line (printed ${JSON.stringify(outs[0].slice(0, 80))})`);
    else if (outs[0] !== outs[1]) problems.push(`${p.name}: output differs between two runs`);
    log(`check ${p.name.padEnd(14)} ${problems.length > before ? 'FAILED' : 'ok'} ${outs[0]?.trim() ?? ''}`);
  }
  if (sel.workloads.length) {
    const args = [sel.workloads.join(','), String(o.threads), String(SCALING.scale.check)];
    const rs = py.run(join(BENCH_DIR, SCALING.file), args, 2);
    const outs = rs.map((r) => checksumText(r.stdout));
    const lines = outs[0]?.split('\n').filter((l) => l.startsWith('scaling ')) ?? [];
    if (rs.some((r) => r.error)) problems.push(`threading: ${rs.find((r) => r.error).error}`);
    else if (lines.length !== sel.workloads.length) problems.push(`threading: ${lines.length} checksum lines for ${sel.workloads.length} workloads`);
    else if (outs[0] !== outs[1]) problems.push('threading: output differs between two runs');
    log(`check threading (${sel.workloads.length} workloads) ${lines.length} lines`);
  }
  const seconds = (performance.now() - t0) / 1000;
  for (const p of problems) log(`CHECK FAILED: ${p}`);
  process.stdout.write(`bench --check: ${sel.programs.length} programs, ${sel.workloads.length} threading workloads, `
    + `${problems.length ? `${problems.length} problem(s)` : 'all checksums printed and stable'} in ${seconds.toFixed(1)}s\n`);
  return problems.length ? 1 : 0;
}

// ---- the suite ----

function runPrograms(o, sel, impls, doc) {
  const runs = o.runs ?? RUNS[o.mode];
  for (const p of sel.programs) {
    const size = p.sizes[o.mode];
    const file = join(BENCH_DIR, p.file);
    const entry = { name: p.name, size, what: p.what, expected: null, results: {} };
    doc.programs.push(entry);
    const order = ['python3', ...o.impls.filter((n) => n !== 'python3')];
    for (const name of order) {
      const impl = impls[name];
      if (!o.impls.includes(name)) continue;
      if (!impl.available) {
        entry.results[name] = { status: 'not-runnable', reason: impl.reason };
        continue;
      }
      if (name !== 'python3' && entry.results.python3.status !== 'ok') {
        entry.results[name] = { status: 'error', reason: 'no python3 reference output' };
        continue;
      }
      const rs = impl.run(file, sizeArgs(size), runs);
      const failed = rs.find((r) => r.error);
      const res = {
        runsMs: rs.map((r) => r.ms), wallMs: rs.map((r) => r.wallMs),
        peakRssKb: Math.max(...rs.map((r) => r.peakRssKb ?? 0)) || null,
      };
      if (failed) {
        // A missing feature in pynogil is "not runnable yet"; python3 or Pyodide failing is a broken benchmark.
        const status = name === 'pynogil' ? 'not-runnable' : 'error';
        entry.results[name] = { ...res, status, reason: failed.error };
        if (status === 'error') doc.failures.push(`${p.name}: ${name} failed: ${failed.error}`);
        log(`${p.name.padEnd(14)} ${name.padEnd(8)} ${status}: ${failed.error}`);
        continue;
      }
      const stdout = rs[0].stdout;
      if (name === 'python3') entry.expected = stdout;
      const mismatch = rs.find((r) => r.stdout !== entry.expected);
      if (mismatch) {
        entry.results[name] = { ...res, status: 'mismatch', got: mismatch.stdout, reason: 'output differs from python3' };
        doc.failures.push(`${p.name}: ${name} printed ${JSON.stringify(mismatch.stdout)}, python3 printed ${JSON.stringify(entry.expected)}`);
        log(`${p.name.padEnd(14)} ${name.padEnd(8)} CHECKSUM MISMATCH`);
        continue;
      }
      const med = median(res.runsMs);
      const base = entry.results.python3;
      const ratio = name !== 'python3' && base?.status === 'ok' ? med / base.medianMs : null;
      entry.results[name] = { ...res, status: 'ok', medianMs: med, ratio };
      log(`${p.name.padEnd(14)} ${name.padEnd(8)} ${(med / 1000).toFixed(3)}s${ratio ? ` (${ratio.toFixed(2)}x)` : ''}`);
    }
  }
  for (const n of ['pyodide', 'pynogil']) {
    doc.geomean[n] = geomean(doc.programs.map((p) => (p.results[n]?.status === 'ok' ? p.results[n].ratio : null)));
  }
}

function runThreading(o, sel, impls, doc) {
  const runs = o.runs ?? RUNS[o.mode];
  const scale = SCALING.scale[o.mode];
  const t = { threads: o.threads, scale, runs, expected: null, workloads: [] };
  doc.threading = t;
  const byName = Object.fromEntries(SCALING.workloads);
  for (const w of sel.workloads) t.workloads.push({ name: w, what: byName[w], results: {} });
  let expected = null;
  for (const name of ['python3', ...o.impls.filter((n) => n !== 'python3')]) {
    if (!o.impls.includes(name)) continue;
    const impl = impls[name];
    const set = (status, extra) => t.workloads.forEach((w) => { w.results[name] = { status, ...extra }; });
    if (name === 'pyodide') {
      set('unsupported', { reason: 'Pyodide cannot start threads (RuntimeError: can\'t start new thread)' });
      continue;
    }
    if (!impl.available) {
      set('not-runnable', { reason: impl.reason });
      continue;
    }
    if (name !== 'python3' && expected === null) {
      set('error', { reason: 'no python3 reference output' });
      continue;
    }
    log(`threading     ${name.padEnd(8)} ${sel.workloads.length} workloads x ${runs} run(s), ${o.threads} threads`);
    const rs = impl.run(join(BENCH_DIR, SCALING.file), [sel.workloads.join(','), String(o.threads), String(scale)], runs);
    const failed = rs.find((r) => r.error);
    if (failed) {
      const status = name === 'pynogil' ? 'not-runnable' : 'error';
      set(status, { reason: failed.error });
      if (status === 'error') doc.failures.push(`threading: ${name} failed: ${failed.error}`);
      log(`threading     ${name.padEnd(8)} ${status}: ${failed.error}`);
      continue;
    }
    const sums = rs.map((r) => checksumText(r.stdout));
    if (expected === null) t.expected = expected = sums[0];
    if (sums.some((s) => s !== expected)) {
      set('mismatch', { got: sums.find((s) => s !== expected), reason: 'output differs from python3' });
      doc.failures.push(`threading: ${name} printed ${JSON.stringify(sums.find((s) => s !== expected))}, python3 printed ${JSON.stringify(expected)}`);
      continue;
    }
    const times = rs.map((r) => parseTimes(r.stdout));
    for (const w of t.workloads) {
      const t1 = median(times.map((x) => x[w.name][0]));
      const tN = median(times.map((x) => x[w.name][1]));
      w.results[name] = {
        status: 'ok', t1Ms: t1, tNMs: tN, scaling: (t1 * o.threads) / tN,
        runs: times.map((x) => x[w.name]), peakRssKb: Math.max(...rs.map((r) => r.peakRssKb ?? 0)) || null,
      };
    }
  }
}

/** The text report of a result document. */
function renderText(doc) {
  const out = [];
  out.push(`pynogil benchmarks: ${doc.mode} mode, ${doc.runs} run(s) each (median); ${doc.machine.cores} x ${doc.machine.cpuModel}, `
    + `load ${doc.machine.loadAverage[0]}${doc.machine.loadAverageEnd ? ` -> ${doc.machine.loadAverageEnd[0]}` : ''}; node ${doc.machine.node}, python3 ${doc.machine.python3}`
    + `${doc.impls.pyodide.available ? `, pyodide ${doc.impls.pyodide.version} (Python ${doc.impls.pyodide.pythonVersion})` : ''}`);
  if (doc.programs.length) out.push('', 'Single thread (time excludes start-up; xCPy = time / python3 time; RSS = peak resident set)', programsTable(doc));
  if (doc.threading) out.push('', `Threads: 1 thread vs ${doc.threading.threads} threads, each doing the full work; scaling = t1 x ${doc.threading.threads} / t${doc.threading.threads} (ideal ${doc.threading.threads}x)`, threadingTable(doc));
  out.push('', 'Start-up', startupTable(doc));
  if (doc.components.length) out.push('', 'Component benchmarks (packages/*/bench/run.mjs --json)', componentsTable(doc));
  const ns = notes(doc);
  if (ns.length) out.push('', ...ns.map((n) => `note: ${n}`));
  out.push('', '— = not runnable yet, n/a = not supported by that implementation');
  if (doc.failures.length) out.push('', `FAILED (${doc.failures.length}):`, ...doc.failures.map((f) => `  ${f}`));
  return `${out.join('\n')}\n`;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.report) {
    // Re-render the table and the chart of an earlier results file, running nothing.
    const doc = JSON.parse(readFileSync(o.report, 'utf8'));
    process.stdout.write(renderText(doc));
    if (o.write) writeFileSync(join(BENCH_DIR, 'results', 'chart.svg'), chartSvg(doc));
    return 0;
  }
  const sel = selection(o);
  const ctx = { repoRoot: REPO_ROOT, timeoutMs: o.timeoutS * 1000 };
  const python3 = makePython3(ctx);
  if (!python3.available) {
    log(`run.mjs: ${python3.reason}; python3 is the reference and is required`);
    return 1;
  }
  if (o.mode === 'check') return runCheck(o, sel, python3);

  const impls = {
    python3,
    pyodide: o.impls.includes('pyodide') ? makePyodide(ctx) : { name: 'pyodide', available: false, reason: 'not selected' },
    pynogil: o.impls.includes('pynogil') ? makePynogil(ctx) : { name: 'pynogil', available: false, reason: 'not selected' },
  };
  const started = new Date();
  const doc = {
    schema: 1,
    date: started.toISOString(),
    mode: o.mode,
    only: o.only,
    runs: o.runs ?? RUNS[o.mode],
    rssMethod: rssMethod(),
    timeMethod: 'python3/pynogil: process wall time minus the median `-c pass` start-up of the same implementation; '
      + 'pyodide: time of runpy.run_path inside a Node child that loaded Pyodide once',
    machine: machineInfo(REPO_ROOT, impls),
    impls: Object.fromEntries(ALL_IMPLS.map((n) => [n, {
      selected: o.impls.includes(n), available: impls[n].available, version: impls[n].version ?? null,
      reason: impls[n].available ? null : impls[n].reason,
    }])),
    startup: {},
    programs: [],
    geomean: {},
    threading: null,
    components: [],
    failures: [],
  };
  for (const n of notes(doc)) log(`note: ${n}`);

  // Start-up is always measured: the process-based times subtract it.
  const startupRuns = { quick: 3, full: 10 }[o.mode];
  for (const n of o.impls) {
    const impl = impls[n];
    if (!impl.available) {
      doc.startup[n] = { reason: impl.reason };
      continue;
    }
    log(`startup       ${n}`);
    const s = impl.startup(n === 'pyodide' ? Math.min(startupRuns, 3) : startupRuns);
    doc.startup[n] = s;
    if (s.error) doc.failures.push(`startup: ${n}: ${s.error}`);
  }
  if (impls.pyodide.available) doc.impls.pyodide.pythonVersion = impls.pyodide.pythonVersion;

  runPrograms(o, sel, impls, doc);
  if (sel.workloads.length) runThreading(o, sel, impls, doc);
  if (sel.components) doc.components = runComponents(REPO_ROOT, ctx.timeoutMs, log);
  doc.elapsedS = (Date.now() - started.getTime()) / 1000;
  doc.machine.loadAverageEnd = os.loadavg().map((x) => Number(x.toFixed(2)));

  process.stdout.write(renderText(doc));

  if (o.write) {
    const dir = join(BENCH_DIR, 'results');
    mkdirSync(dir, { recursive: true });
    const json = `${JSON.stringify(doc, null, 2)}\n`;
    writeFileSync(join(dir, 'latest.json'), json);
    writeFileSync(join(dir, 'chart.svg'), chartSvg(doc));
    if (o.mode === 'full' && !o.only && o.runs === null && o.impls.length === ALL_IMPLS.length) {
      writeFileSync(join(dir, `${doc.date.slice(0, 19).replace(/:/g, '-')}Z.json`), json);
    }
    log(`wrote bench/results/latest.json and chart.svg (${doc.elapsedS.toFixed(0)}s)`);
  }
  return doc.failures.length ? 1 : 0;
}

process.exitCode = await main();
