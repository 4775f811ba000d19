// Plain-text tables of a result document (see run.mjs for its shape): the
// single-thread suite, the threading suite, start-up and component figures.
import { componentRows } from './components.mjs';
import { fmtMs, fmtRatio, fmtRss, fmtSeconds } from './stats.mjs';

const IMPLS = ['python3', 'pyodide', 'pynogil'];

/** Left-align the first column (and any in `left`), right-align the rest. */
function table(rows, left = []) {
  const widths = [];
  for (const row of rows) row.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, String(c).length); });
  const pad = (c, i) => (i === 0 || left.includes(i) ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]));
  return rows.map((row) => row.map(pad).join('  ').trimEnd()).join('\n');
}

function cellStatus(r) {
  if (!r) return '';
  if (r.status === 'not-runnable') return '—';
  if (r.status === 'unsupported') return 'n/a';
  if (r.status === 'mismatch') return 'MISMATCH';
  if (r.status === 'error') return 'ERROR';
  return null;
}

export function programsTable(doc) {
  const impls = IMPLS.filter((n) => doc.impls[n]?.selected);
  const head = ['benchmark', 'size'];
  for (const n of impls) head.push(`${n} time`, ...(n === 'python3' ? [] : ['xCPy']), 'RSS');
  const rows = [head];
  for (const p of doc.programs) {
    const row = [p.name, p.size];
    for (const n of impls) {
      const r = p.results[n];
      const s = cellStatus(r);
      if (s !== null) {
        row.push(s, ...(n === 'python3' ? [] : ['']), '');
        continue;
      }
      row.push(fmtSeconds(r.medianMs / 1000), ...(n === 'python3' ? [] : [fmtRatio(r.ratio)]), fmtRss(r.peakRssKb));
    }
    rows.push(row);
  }
  if (impls.some((n) => n !== 'python3')) {
    const gm = ['geometric mean', ''];
    for (const n of impls) gm.push('', ...(n === 'python3' ? [] : [fmtRatio(doc.geomean[n])]), '');
    rows.push(gm);
  }
  return table(rows);
}

export function threadingTable(doc) {
  const t = doc.threading;
  const impls = IMPLS.filter((n) => doc.impls[n]?.selected);
  const rows = [['workload', ...impls.flatMap((n) => [`${n} 1T`, `${t.threads}T`, 'scaling'])]];
  for (const w of t.workloads) {
    const row = [w.name];
    for (const n of impls) {
      const r = w.results[n];
      const s = cellStatus(r);
      if (s !== null) row.push(s, '', '');
      else row.push(fmtSeconds(r.t1Ms / 1000), fmtSeconds(r.tNMs / 1000), fmtRatio(r.scaling));
    }
    rows.push(row);
  }
  return table(rows);
}

export function startupTable(doc) {
  const rows = [['implementation', '-c pass', 'RSS', 'note']];
  for (const n of IMPLS) {
    const s = doc.startup[n];
    if (!s) continue;
    if (s.ms === undefined) {
      rows.push([n, '—', '', s.reason ?? s.error ?? '']);
      continue;
    }
    const note = s.loadPyodideMs !== undefined ? `loadPyodide() itself ${fmtMs(s.loadPyodideMs)}` : '';
    rows.push([n, fmtMs(s.ms), fmtRss(s.peakRssKb), note]);
  }
  return table(rows, [3]);
}

export function componentsTable(doc) {
  const rows = [['package', 'benchmark', 'value', 'unit', 'note']];
  for (const c of doc.components) {
    if (c.skipped || c.error) {
      rows.push([c.package, c.skipped ? `skipped: ${c.skipped}` : `ERROR ${c.error}`, '', '', '']);
      continue;
    }
    const list = componentRows(c.data);
    if (list.length === 0) rows.push([c.package, '(JSON recorded in the results file)', '', '', '']);
    for (const r of list) {
      const v = typeof r.value === 'number' ? (Number.isInteger(r.value) ? String(r.value) : r.value.toPrecision(4)) : String(r.value);
      rows.push([c.package, r.name, v, r.unit, r.note]);
    }
  }
  return table(rows, [1, 3, 4]);
}

export function notes(doc) {
  const lines = [];
  for (const n of IMPLS) {
    const i = doc.impls[n];
    if (i?.selected && !i.available) lines.push(`${n}: ${i.reason}`);
  }
  return lines;
}
