// Hand-written snippets (snippets.ts), each compiled by python3 and by us; every
// field of every code object must be identical. Snippets we do not match yet are
// listed in KNOWN with the reason.
import { describe, it, expect } from 'vitest';
import { compileSource } from '../../src/compiler/codegen/index.js';
import { render, runOracle, FIELDS, type Rendered } from './render.js';
import { SNIPPETS } from './snippets.js';

export const KNOWN = new Map<string, string>([
]);

describe('codegen snippets vs python3', () => {
  const theirs = runOracle<(Rendered[] | { err: string })[]>(['snippets'], SNIPPETS);
  it('matches python3 field by field', () => {
    const failures: string[] = [];
    SNIPPETS.forEach((src, i) => {
      const t = theirs[i]!;
      const r = compileSource(src, { filename: '<s>' });
      let diff = '';
      if (!Array.isArray(t)) diff = 'python3 error ' + t.err;
      else if (!r.ok) diff = 'our error ' + r.error.msg;
      else {
        const ours = render(r.code, []);
        if (ours.length !== t.length) diff = `code object count ${ours.length} vs ${t.length}`;
        for (let k = 0; k < t.length && diff === ''; k++) {
          for (const f of FIELDS) {
            if (ours[k]![f] !== t[k]![f]) {
              diff = `${t[k]!.qualname}.${f}:\n  ours   ${ours[k]![f]}\n  python ${t[k]![f]}`;
              break;
            }
          }
        }
      }
      if (diff !== '' && !KNOWN.has(src)) failures.push(`${JSON.stringify(src)}: ${diff}`);
      if (diff === '' && KNOWN.has(src)) failures.push(`${JSON.stringify(src)}: listed in KNOWN but matches`);
    });
    expect(failures.join('\n')).toBe('');
  });
});
