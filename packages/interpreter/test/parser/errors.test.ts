// The table of invalid programs (invalid-programs.ts): our SyntaxError value must
// carry python3's type, message, positions and text. python3 runs once for the table.
import { test, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { parse } from '../../src/parser/index.js';
import { INVALID_PROGRAMS } from './invalid-programs.js';

const PY = `
import json, sys, warnings
warnings.simplefilter('ignore')
out = []
for src in json.load(sys.stdin):
    try:
        compile(src, '<x>', 'exec', 0x400)
        out.append(None)
    except SyntaxError as e:
        out.append([type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text])
    except Exception as e:
        out.append([type(e).__name__, str(e)])
print(json.dumps(out))
`;

test('invalid programs give CPython 3.11 SyntaxErrors', () => {
  expect(INVALID_PROGRAMS.length).toBeGreaterThanOrEqual(60);
  const expected = JSON.parse(execFileSync('python3', ['-c', PY], { input: JSON.stringify(INVALID_PROGRAMS) }).toString()) as unknown[];
  const mismatches: string[] = [];
  INVALID_PROGRAMS.forEach((src, i) => {
    const r = parse(src, { filename: '<x>' });
    const ours = r.ok ? null : [r.error.type, r.error.msg, r.error.lineno, r.error.offset, r.error.end_lineno, r.error.end_offset, r.error.text];
    if (JSON.stringify(ours) !== JSON.stringify(expected[i])) {
      mismatches.push(`${JSON.stringify(src)}\n  ours:    ${JSON.stringify(ours)}\n  CPython: ${JSON.stringify(expected[i])}`);
    }
  });
  expect(mismatches.join('\n')).toBe('');
});
