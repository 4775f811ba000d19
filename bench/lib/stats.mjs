// Small statistics helpers for the benchmark runner: median, geometric mean
// and number formatting shared by the table and the chart.

/** Median of a non-empty list of numbers (mean of the middle two for even n). */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Geometric mean of positive numbers; null for an empty list. */
export function geomean(values) {
  const v = values.filter((x) => typeof x === 'number' && x > 0);
  if (v.length === 0) return null;
  return Math.exp(v.reduce((acc, x) => acc + Math.log(x), 0) / v.length);
}

/** Seconds with 3 significant decimals, e.g. "0.912s". */
export function fmtSeconds(s) {
  if (s === null || s === undefined) return '—';
  return s >= 100 ? `${s.toFixed(0)}s` : s >= 10 ? `${s.toFixed(1)}s` : `${s.toFixed(3)}s`;
}

export function fmtMs(ms) {
  if (ms === null || ms === undefined) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)}s` : `${ms.toFixed(1)}ms`;
}

export function fmtRatio(r) {
  if (r === null || r === undefined) return '—';
  return r >= 100 ? `${r.toFixed(0)}x` : r >= 10 ? `${r.toFixed(1)}x` : `${r.toFixed(2)}x`;
}

/** Kilobytes to a short MiB figure. */
export function fmtRss(kb) {
  if (kb === null || kb === undefined) return '—';
  return `${(kb / 1024).toFixed(kb >= 102400 ? 0 : 1)}M`;
}
