#!/usr/bin/env node
// Adds up the JSON reports vitest wrote in every package (.test-results.json) and
// prints one closing line: "tests: N passed, N failed, N skipped". Exits 1 when any
// test failed or when no test ran at all.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
let passed = 0, failed = 0, skipped = 0;
for (const pkg of fs.readdirSync(path.join(root, 'packages'))) {
  const file = path.join(root, 'packages', pkg, '.test-results.json');
  if (!fs.existsSync(file)) continue;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
