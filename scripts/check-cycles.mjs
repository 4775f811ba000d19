#!/usr/bin/env node
// Fails when the relative imports inside any package's src/ form a cycle, or when a
// package imports a package above it in the stack (allocator < refcount < collections
// < interpreter < extensions-abi, cli). Run by the root `test` script.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const stack = ['allocator', 'refcount', 'collections', 'interpreter', 'extensions-abi', 'cli'];
const importRe = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const problems = [];

function listTs(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listTs(p));
    else if (/\.(ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function resolveRelative(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), base + '.ts', path.join(base, 'index.ts')];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

for (const pkg of stack) {
  const files = listTs(path.join(root, 'packages', pkg, 'src'));
  const graph = new Map();
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const edges = [];
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) {
        const target = resolveRelative(f, spec);
        if (target) edges.push(target);
      } else if (spec.startsWith('@pynogil/')) {
        const other = spec.slice('@pynogil/'.length).split('/')[0];
        if (other === pkg || stack.indexOf(other) > stack.indexOf(pkg) || (other === 'cli')) {
          problems.push(`${path.relative(root, f)} imports ${spec}: packages may only import packages below them`);
        }
      }
    }
    // A type-only import does not create a run-time cycle, but we keep the rule simple:
    // every import counts.
    graph.set(f, edges);
  }
  const state = new Map(); // 1 = on stack, 2 = done
  const trail = [];
  const visit = (f) => {
    state.set(f, 1);
    trail.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 1) {
        const cycle = trail.slice(trail.indexOf(g)).concat(g).map((x) => path.relative(root, x));
        problems.push(`import cycle: ${cycle.join(' -> ')}`);
      } else if (!state.has(g)) visit(g);
    }
    trail.pop();
    state.set(f, 2);
  };
  for (const f of files) if (!state.has(f)) visit(f);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`check-cycles: no import cycles in ${stack.length} packages`);
