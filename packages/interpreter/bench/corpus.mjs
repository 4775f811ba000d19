// The machine's CPython standard library (with its test/ tree; site-packages
// excluded) as the corpus of the parser, symbol-table and codegen benchmarks:
// `stdlib` is its directory, `files` its .py files relative to it, sorted.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const stdlib = execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]).toString().trim();

export const files = [];
(function walk(rel) {
  for (const e of fs.readdirSync(path.join(stdlib, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (r === 'site-packages' || r.startsWith('config-') || e.name === '__pycache__') continue;
      walk(r);
    } else if (e.name.endsWith('.py')) files.push(r);
  }
})('');
files.sort();
