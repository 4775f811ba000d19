// Test helper for the Unicode tests: one python3 process per batch. The Python
// program reads an optional JSON document from stdin and prints JSON; the block
// tests print one md5 hex digest per 4096-code-point block, and on a mismatch the
// test asks python3 again for the full lines of the failing blocks only.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';

export const BLOCK = 4096;
export const NBLOCKS = 0x110000 / BLOCK;

export function runPython<T = unknown>(code: string, input?: unknown): T {
  const r = spawnSync('python3', ['-c', code], {
    input: input === undefined ? '' : JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8' },
  });
  if (r.status !== 0) throw new Error('python3 failed: ' + r.stderr);
  return JSON.parse(r.stdout) as T;
}

export function md5(s: string): string {
  return createHash('md5').update(s).digest('hex');
}

/** Hex code points joined by '.', the transport form of a str in block lines. */
export const PY_HEX = `def hx(s): return '.'.join('%x' % ord(c) for c in s)\n`;
export function hx(s: string): string {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out.push(c.toString(16));
    if (c > 0xffff) i++;
  }
  return out.join('.');
}

/**
 * Compare one line per code point, block by block: `pyLine` is a Python
 * expression over `c` (and `ch = chr(c)`), `jsLine` its JS twin. Returns the
 * first differences (empty when all blocks agree).
 */
export function compareBlocks(pyPrelude: string, pyLine: string, jsLine: (c: number) => string): string[] {
  const prog = `import sys, json, hashlib, unicodedata
${PY_HEX}${pyPrelude}
def line(c):
    ch = chr(c)
    return ${pyLine}
inp = json.loads(sys.stdin.read())
if inp is None:
    print(json.dumps([hashlib.md5('\\n'.join(line(c) for c in range(b * ${BLOCK}, (b + 1) * ${BLOCK})).encode()).hexdigest() for b in range(${NBLOCKS})]))
else:
    print(json.dumps([[line(c) for c in range(b * ${BLOCK}, (b + 1) * ${BLOCK})] for b in inp]))
`;
  const pyHashes = runPython<string[]>(prog, null);
  const jsBlocks: string[][] = [];
  const bad: number[] = [];
  for (let b = 0; b < NBLOCKS; b++) {
    const lines: string[] = [];
    for (let c = b * BLOCK; c < (b + 1) * BLOCK; c++) lines.push(jsLine(c));
    jsBlocks.push(lines);
    if (md5(lines.join('\n')) !== pyHashes[b]) bad.push(b);
  }
  if (bad.length === 0) return [];
  const pyLines = runPython<string[][]>(prog, bad.slice(0, 8));
  const diffs: string[] = [];
  pyLines.forEach((lines, k) => {
    const b = bad[k]!;
    lines.forEach((l, i) => {
      const j = jsBlocks[b]![i]!;
      if (l !== j && diffs.length < 20) diffs.push(`U+${(b * BLOCK + i).toString(16)}: python ${l} | ours ${j}`);
    });
  });
  diffs.push(`${bad.length} block(s) differ`);
  return diffs;
}
