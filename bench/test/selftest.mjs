#!/usr/bin/env node
// Self-test of the benchmark runner (no test framework): runs bench/run.mjs
// in its cheap modes and checks exit codes and output, including that a wrong
// checksum fails the run and that an implementation that cannot run programs
// is shown as "—" without failing it. The stand-ins for pynogil are python3
// itself, python3 with its output altered, and a command that only prints a
// banner, put in the pynogil column with PYNOGIL_BENCH_PYNOGIL.
// Takes ~10 s. Prints "N passed, N failed"; exit status 1 on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUN = join(dirname(dirname(fileURLToPath(import.meta.url))), 'run.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'pynogil-bench-selftest-'));
const python = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim();

// python3 whose nbody output has its last digit changed.
const corrupt = join(tmp, 'corrupt.py');
writeFileSync(corrupt, [
  'import subprocess, sys',
  'r = subprocess.run([sys.executable] + sys.argv[1:], capture_output=True, text=True)',
  'out = r.stdout',
  'if out.startswith("nbody "):',
  '    out = out[:-2] + ("0" if out[-2] != "0" else "1") + "\\n"',
  'sys.stdout.write(out)',
  'sys.stderr.write(r.stderr)',
  'sys.exit(r.returncode)',
].join('\n'));
// A command that, like an unfinished interpreter, prints a banner whatever it is given.
const banner = join(tmp, 'banner.py');
writeFileSync(banner, 'print("an interpreter in progress")\n');

function run(args, env = {}) {
  return spawnSync(process.execPath, [RUN, ...args], {
    encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000,
  });
}

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) passed += 1;
  else {
    failed += 1;
    process.stdout.write(`FAIL ${name}\n${detail}\n`);
  }
}

const quickNbody = ['--quick', '--only', 'nbody', '--no-write', '--runs', '1'];

let r = run(['--check']);
check('--check exits 0 and reports stable checksums', r.status === 0 && /all checksums printed and stable/.test(r.stdout), r.stdout + r.stderr);

r = run(['--quick', '--only', 'nbody', '--impl', 'python3', '--no-write']);
check('--quick --only nbody --impl python3 exits 0 with a time', r.status === 0 && /^nbody\s+30000\s+\d+\.\d{3}s/m.test(r.stdout), r.stdout + r.stderr);

r = run([...quickNbody, '--impl', 'python3,pynogil'], { PYNOGIL_BENCH_PYNOGIL: `${python} ${corrupt}` });
check('a wrong checksum fails the run', r.status === 1 && /MISMATCH/.test(r.stdout) && /FAILED \(1\)/.test(r.stdout), r.stdout + r.stderr);

r = run([...quickNbody, '--impl', 'python3,pynogil'], { PYNOGIL_BENCH_PYNOGIL: python });
check('a correct implementation gets a ratio', r.status === 0 && /^nbody\s+30000\s+\S+s\s+\S+\s+\S+s\s+\d+\.\d+x/m.test(r.stdout), r.stdout + r.stderr);

r = run([...quickNbody, '--impl', 'python3,pynogil'], { PYNOGIL_BENCH_PYNOGIL: `${python} ${banner}` });
check('an implementation that cannot run programs shows — and does not fail',
  r.status === 0 && /^nbody\s+30000\s+\S+s\s+\S+\s+—/m.test(r.stdout) && /cannot run Python programs yet/.test(r.stdout),
  r.stdout + r.stderr);

r = run(['--quick', '--only', 'threads.shared_list_read', '--impl', 'python3,pynogil', '--no-write', '--threads', '2'],
  { PYNOGIL_BENCH_PYNOGIL: python });
check('threading suite reports a scaling factor for both', r.status === 0 && /^shared_list_read(\s+\S+s){2}\s+\d+\.\d+x(\s+\S+s){2}\s+\d+\.\d+x/m.test(r.stdout), r.stdout + r.stderr);

r = run(['--only', 'no_such_benchmark']);
check('an unknown benchmark name is a usage error', r.status === 2, r.stderr);

rmSync(tmp, { recursive: true, force: true });
process.stdout.write(`selftest: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
