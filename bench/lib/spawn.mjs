// Runs one child process and measures it: wall time (process.hrtime around
// the spawn), exit status, captured output and peak resident set size.
//
// Peak RSS comes from GNU time (`/usr/bin/time -f %M -o FILE`, the child's
// getrusage ru_maxrss in KiB) when that binary exists and works; otherwise
// from a python3 wrapper that runs the command and reads
// resource.getrusage(RUSAGE_CHILDREN).ru_maxrss - the same kernel figure.
// Node itself cannot report a child's rusage. Both wrappers add the same
// ~1 ms of fork/exec to every measurement, for every implementation alike.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

const RUSAGE_WRAPPER = [
  'import resource, subprocess, sys',
  'rc = subprocess.call(sys.argv[2:])',
  'open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))',
  'sys.exit(rc if rc >= 0 else 128 - rc)',
].join('\n');

let counter = 0;
let method = null;

function tempFile() {
  counter += 1;
  return join(tmpdir(), `pynogil-bench-${process.pid}-${counter}.rss`);
}

/** Which peak-RSS method this machine supports: 'gnu-time' or 'python-rusage'. */
export function rssMethod() {
  if (method !== null) return method;
  method = 'python-rusage';
  if (existsSync(GNU_TIME)) {
    const out = tempFile();
    const r = spawnSync(GNU_TIME, ['-f', '%M', '-o', out, 'true'], { stdio: 'ignore' });
    try {
      if (r.status === 0 && /^\d+\s*$/m.test(readFileSync(out, 'utf8'))) method = 'gnu-time';
    } catch {
      // no output file: not GNU time
    }
    rmSync(out, { force: true });
  }
  return method;
}

/** Last integer line of the RSS file (GNU time prefixes a status line on failure). */
function readRss(file) {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const n = Number.parseInt(lines[lines.length - 1], 10);
    return Number.isFinite(n) ? n : null;
  } catch {
    return null;
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * Run `command args` and measure it.
 * @returns {{ wallMs: number, status: number|null, signal: string|null, timedOut: boolean,
 *             stdout: string, stderr: string, peakRssKb: number|null }}
 */
export function measure(command, args, { cwd, env, timeoutMs = 600_000 } = {}) {
  const out = tempFile();
  const wrapped = rssMethod() === 'gnu-time'
    ? [GNU_TIME, ['-f', '%M', '-o', out, command, ...args]]
    : ['python3', ['-c', RUSAGE_WRAPPER, out, command, ...args]];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(wrapped[0], wrapped[1], {
    cwd, env, timeout: timeoutMs, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const timedOut = r.error !== undefined && /ETIMEDOUT/.test(String(r.error.code ?? r.error));
  return {
    wallMs,
    status: r.status,
    signal: r.signal,
    timedOut,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    peakRssKb: readRss(out),
  };
}
