// Component benchmarks: each package may ship `bench/run.mjs`; invoked with
// `--json` it prints one JSON document on stdout. The runner collects them
// all (missing or unbuilt packages are skipped with a note, a failing one is
// reported but does not fail the suite: it is that package's own benchmark).
//
// Preferred shape of that document (anything else is stored as is):
//   { "results": [ { "name": "...", "value": 12.3, "unit": "ns/op", "note"?: "..." } ] }
// Also understood: rows with another numeric field name and a top-level unit,
// with optional ratio/ratioLabel (what @pynogil/allocator prints).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from './spawn.mjs';
import { lastLine } from './impls.mjs';

function parseJson(text) {
  const t = text.trim();
  try {
    return JSON.parse(t);
  } catch {
    // fall back to the last line that parses (some print progress first)
  }
  const lines = t.split('\n').reverse();
  for (const line of lines) {
    try {
      return JSON.parse(line);
    } catch {
      // keep looking
    }
  }
  return undefined;
}

/**
 * Rows {name, value, unit, note} for the table. Understands the preferred
 * shape, rows whose number has another name (e.g. {name, mops} with a
 * top-level unit, as @pynogil/allocator prints) with an optional
 * ratio/ratioLabel, and a flat object of numbers.
 */
export function componentRows(data) {
  const list = Array.isArray(data) ? data : Array.isArray(data?.results) ? data.results : null;
  const topUnit = typeof data?.unit === 'string' ? data.unit : '';
  if (list) {
    return list.filter((x) => x && typeof x.name === 'string').map((x) => {
      const key = typeof x.value === 'number' ? 'value'
        : Object.keys(x).find((k) => typeof x[k] === 'number' && k !== 'ratio');
      const note = typeof x.ratio === 'number' ? `${x.ratio.toFixed(2)}x ${x.ratioLabel ?? ''}`.trim() : (x.note ?? '');
      return {
        name: x.name,
        value: key === undefined ? '' : x[key],
        unit: x.unit ?? (topUnit || (key === 'value' ? '' : key ?? '')),
        note,
      };
    });
  }
  if (data && typeof data === 'object') {
    return Object.entries(data)
      .filter(([, v]) => typeof v === 'number')
      .map(([k, v]) => ({ name: k, value: v, unit: '', note: '' }));
  }
  return [];
}

export function runComponents(repoRoot, timeoutMs, log) {
  const dir = join(repoRoot, 'packages');
  const out = [];
  for (const pkg of readdirSync(dir).sort()) {
    const script = join(dir, pkg, 'bench', 'run.mjs');
    if (!existsSync(script)) {
      out.push({ package: pkg, skipped: 'no bench/run.mjs' });
      continue;
    }
    if (!existsSync(join(dir, pkg, 'dist'))) {
      out.push({ package: pkg, skipped: 'not built (no dist/)' });
      continue;
    }
    log(`components: ${pkg}`);
    const r = measure(process.execPath, [script, '--json'], { cwd: join(dir, pkg), timeoutMs });
    const data = r.status === 0 ? parseJson(r.stdout) : undefined;
    if (r.status !== 0 || data === undefined) {
      out.push({
        package: pkg, wallMs: r.wallMs,
        error: r.status !== 0 ? `exit ${r.status}: ${lastLine(r.stderr || r.stdout)}` : 'stdout was not JSON',
      });
      continue;
    }
    out.push({ package: pkg, wallMs: r.wallMs, peakRssKb: r.peakRssKb, data });
  }
  return out;
}
