// Hand-written SVG chart of a result document: panel 1 shows each
// program's run time relative to CPython (log scale, one bar per other
// implementation, a line at 1x), panel 2 each threading workload's scaling
// factor (linear, one bar per implementation, lines at 1x and at the ideal
// N). Implementations without figures are named in the legend with the
// reason. No dependencies: plain string building.

const COLOURS = { python3: '#3b6ea8', pyodide: '#e0a030', pynogil: '#2a9d5c' };
const WIDTH = 920;
const LABEL_W = 170;
const RIGHT_PAD = 60;
const BAR_H = 9;
const ROW_GAP = 7;
const FONT = 'font-family="system-ui,Segoe UI,Helvetica,Arial,sans-serif"';

function esc(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function text(x, y, s, attrs = '') {
  const size = attrs.includes('font-size=') ? '' : 'font-size="11" ';
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${FONT} ${size}${attrs}>${esc(s)}</text>`;
}

function legend(y, impls, doc, unavailableNote) {
  const parts = [];
  let x = LABEL_W;
  for (const n of impls) {
    const i = doc.impls[n];
    const label = i.available ? n : `${n}: ${unavailableNote(n, i)}`;
    parts.push(`<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${COLOURS[n]}" opacity="${i.available ? 1 : 0.3}"/>`);
    parts.push(text(x + 14, y, label));
    x += 24 + label.length * 6.2;
  }
  return parts.join('\n');
}

/**
 * One horizontal bar panel. rows: [{ label, values: { impl: number|null } }].
 * scale: { toX(v), ticks: [{ v, label }], refs: [{ v, label }] }.
 */
function panel(top, title, subtitle, rows, impls, scale) {
  const out = [];
  out.push(text(10, top + 16, title, 'font-size="14" font-weight="600"'));
  out.push(text(10, top + 32, subtitle, 'fill="#555"'));
  const plotTop = top + 62;
  const rowH = impls.length * BAR_H + ROW_GAP;
  const plotH = rows.length * rowH;
  for (const t of scale.ticks) {
    const x = scale.toX(t.v);
    out.push(`<line x1="${x.toFixed(1)}" y1="${plotTop - 4}" x2="${x.toFixed(1)}" y2="${plotTop + plotH}" stroke="#ddd"/>`);
    out.push(text(x, plotTop + plotH + 14, t.label, 'text-anchor="middle" fill="#555"'));
  }
  rows.forEach((row, ri) => {
    const y0 = plotTop + ri * rowH;
    out.push(text(LABEL_W - 8, y0 + (impls.length * BAR_H) / 2 + 4, row.label, 'text-anchor="end"'));
    impls.forEach((n, k) => {
      const v = row.values[n];
      if (typeof v !== 'number' || !(v > 0)) return;
      const x0 = scale.toX(scale.base);
      const x1 = scale.toX(v);
      const y = y0 + k * BAR_H;
      out.push(`<rect x="${Math.min(x0, x1).toFixed(1)}" y="${y}" width="${Math.max(Math.abs(x1 - x0), 1).toFixed(1)}" height="${BAR_H - 1}" fill="${COLOURS[n]}"><title>${esc(`${row.label} ${n}: ${v.toFixed(2)}x`)}</title></rect>`);
      out.push(text(Math.max(x0, x1) + 3, y + BAR_H - 1.5, `${v.toFixed(2)}x`, 'font-size="9" fill="#333"'));
    });
  });
  for (const r of scale.refs) {
    const x = scale.toX(r.v);
    out.push(`<line x1="${x.toFixed(1)}" y1="${plotTop - 8}" x2="${x.toFixed(1)}" y2="${plotTop + plotH}" stroke="#c03030" stroke-dasharray="4 3"/>`);
    out.push(text(x, plotTop - 11, r.label, 'text-anchor="middle" fill="#c03030" font-size="10"'));
  }
  return { svg: out.join('\n'), height: plotH + 62 + 34 };
}

function logScale(values) {
  const v = values.filter((x) => typeof x === 'number' && x > 0);
  const lo = Math.min(0.5, ...v);
  const hi = Math.max(2, ...v);
  const a = Math.floor(Math.log2(lo));
  const b = Math.ceil(Math.log2(hi));
  const span = WIDTH - LABEL_W - RIGHT_PAD;
  const ticks = [];
  for (let e = a; e <= b; e++) ticks.push({ v: 2 ** e, label: e >= 0 ? `${2 ** e}x` : `1/${2 ** -e}` });
  return {
    base: 1,
    toX: (x) => LABEL_W + ((Math.log2(x) - a) / (b - a)) * span,
    ticks,
    refs: [{ v: 1, label: 'CPython' }],
  };
}

function linearScale(values, ideal) {
  const hi = Math.max(ideal * 1.1, ...values.filter((x) => typeof x === 'number'));
  const span = WIDTH - LABEL_W - RIGHT_PAD;
  const step = hi > 8 ? 2 : hi > 3 ? 1 : 0.5;
  const ticks = [];
  for (let t = 0; t <= hi + 1e-9; t += step) ticks.push({ v: t, label: `${t}x` });
  return {
    base: 0,
    toX: (x) => LABEL_W + (x / hi) * span,
    ticks,
    refs: [{ v: 1, label: '1x' }, { v: ideal, label: `ideal ${ideal}x` }],
  };
}

function why(_n, i) {
  return i.selected === false ? 'not run' : /cannot run|not built/.test(i.reason ?? '') ? 'not runnable yet' : 'not available';
}

export function chartSvg(doc) {
  const parts = [];
  let y = 10;
  const m = doc.machine;
  const pyo = doc.impls.pyodide?.available ? `, Pyodide ${doc.impls.pyodide.version} (CPython ${doc.impls.pyodide.pythonVersion})` : '';
  const load = m.loadAverageEnd ? `, load ${m.loadAverage[0]} → ${m.loadAverageEnd[0]}` : '';
  const head = `pynogil benchmarks — ${doc.mode} mode, ${doc.date.slice(0, 10)}, ${m.cores} × ${m.cpuModel}${load}; CPython ${m.python3}${pyo}`;
  parts.push(text(10, y + 12, head, 'font-size="12" fill="#333"'));
  y += 24;

  if (doc.programs.length > 0) {
    const impls = ['pyodide', 'pynogil'].filter((n) => doc.impls[n]?.selected);
    const rows = doc.programs.map((p) => ({
      label: p.name,
      values: Object.fromEntries(impls.map((n) => [n, p.results[n]?.status === 'ok' ? p.results[n].ratio : null])),
    }));
    rows.push({ label: 'geometric mean', values: Object.fromEntries(impls.map((n) => [n, doc.geomean[n]])) });
    const all = rows.flatMap((r) => Object.values(r.values));
    const p = panel(y, 'Run time relative to CPython 3.11 (lower is better, log scale)',
      'median of the runs; start-up excluded; single thread', rows, impls, logScale(all));
    parts.push(p.svg);
    y += p.height;
    parts.push(legend(y, impls, doc, why));
    y += 26;
  }

  if (doc.threading && doc.threading.workloads.length > 0) {
    const impls = ['python3', 'pynogil'].filter((n) => doc.impls[n]?.selected);
    const n = doc.threading.threads;
    const rows = doc.threading.workloads.map((w) => ({
      label: w.name,
      values: Object.fromEntries(impls.map((k) => [k, w.results[k]?.status === 'ok' ? w.results[k].scaling : null])),
    }));
    const all = rows.flatMap((r) => Object.values(r.values));
    const p = panel(y, `Thread scaling with ${n} threads (higher is better)`,
      `(time of 1 thread × ${n}) / time of ${n} threads, each thread doing the full work; Pyodide has no threads`,
      rows, impls, linearScale(all, n));
    parts.push(p.svg);
    y += p.height;
    parts.push(legend(y, impls, doc, why));
    y += 20;
  }

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${Math.ceil(y + 10)}" viewBox="0 0 ${WIDTH} ${Math.ceil(y + 10)}">
<rect width="100%" height="100%" fill="#fff"/>
${parts.join('\n')}
</svg>
`;
}
