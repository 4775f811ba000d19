// Machine description stored with every result file, so that figures from
// different runs can be told apart: CPU model and count, memory, load
// average at the start (the development machine is shared), versions.
import { spawnSync } from 'node:child_process';
import os from 'node:os';

function gitCommit(repoRoot) {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function machineInfo(repoRoot, impls) {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
    node: process.version,
    python3: impls.python3?.version ?? null,
    python3Executable: impls.python3?.executable ?? null,
    pyodide: impls.pyodide?.version ?? null,
    pynogil: impls.pynogil?.version ?? null,
    gitCommit: gitCommit(repoRoot),
  };
}
