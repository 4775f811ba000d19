// Runs every benchmark of this package (each bench/*.mjs except this file), one
// after the other, after a build: `node bench/run.mjs [name-filter]`.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const dir = new URL('.', import.meta.url).pathname;
const filter = process.argv[2] ?? '';
for (const f of fs.readdirSync(dir).sort()) {
  if (!f.endsWith('.mjs') || f === 'run.mjs' || !f.includes(filter)) continue;
  console.log(`\n== ${f}`);
  const r = spawnSync(process.execPath, [dir + f], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
