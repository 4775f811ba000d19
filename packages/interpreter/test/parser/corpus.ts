// Differential corpus check: every .py file of python3's standard library (and its
// test/ tree) is parsed and dumped by pynogil and by CPython (one python3 process
// per shard, started at test time, printing a sha1 of `ast.dump(tree,
// include_attributes=True)` per file, or the SyntaxError's type, message, lineno
// and offset). Hashes are compared; on a mismatch the one file is re-dumped to
// show the first differing position. Files listed in known-failures.txt must
// still fail (the list only shrinks); any other failure fails the test.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, execFileSync } from 'node:child_process';
import { parse } from '../../src/parser/index.js';
import { dump } from '../../src/ast/index.js';
import { decodeSource } from '../../src/lexer/encoding.js';

import { STDLIB, readExceptionList, shardFiles } from '../support/stdlib-corpus.js';
export { STDLIB, corpusFiles, shardFiles } from '../support/stdlib-corpus.js';

const PY_DUMP = `
import ast, sys, hashlib, warnings, os
warnings.simplefilter('ignore')
root = sys.argv[1]
for rel in sys.stdin.read().split('\\n'):
    if not rel: continue
    data = open(os.path.join(root, rel), 'rb').read()
    try:
        d = ast.dump(ast.parse(data), include_attributes=True)
        print(rel, 'OK', hashlib.sha1(d.encode('utf-8', 'surrogatepass')).hexdigest(), sep='\\t')
    except SyntaxError as e:
        print(rel, 'ERR', type(e).__name__, e.msg.replace('\\n', ' '), e.lineno, e.offset, sep='\\t')
    except Exception as e:
        print(rel, 'EXC', type(e).__name__, sep='\\t')
`;

export function knownFailures(): Map<string, string> {
  return readExceptionList(new URL('./known-failures.txt', import.meta.url));
}

/** What CPython says about each file: "OK\t<sha1>" or "ERR\t<type>\t<msg>\t<lineno>\t<offset>". */
export function pythonResults(files: string[]): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const py = spawn('python3', ['-c', PY_DUMP, STDLIB], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    py.stdout.on('data', (c: Buffer) => chunks.push(c));
    py.on('error', reject);
    py.on('close', () => {
      const m = new Map<string, string>();
      for (const line of Buffer.concat(chunks).toString('utf8').split('\n')) {
        const tab = line.indexOf('\t');
        if (tab > 0) m.set(line.slice(0, tab), line.slice(tab + 1));
      }
      resolve(m);
    });
    py.stdin.end(files.join('\n'));
  });
}

/** Our result for one file, in the same format. */
export function ourResult(rel: string): string {
  const bytes = new Uint8Array(fs.readFileSync(path.join(STDLIB, rel)));
  const dec = decodeSource(bytes);
  if (dec.error !== null) {
    const e = dec.error;
    return ['ERR', e.type, e.msg, e.lineno, e.offset].join('\t');
  }
  const r = parse(dec.source);
  if (!r.ok) return ['ERR', r.error.type, r.error.msg, r.error.lineno, r.error.offset].join('\t');
  return 'OK\t' + crypto.createHash('sha1').update(dump(r.tree, { includeAttributes: true }), 'utf8').digest('hex');
}

/** First difference between our dump and CPython's for one file. */
export function explainDifference(rel: string): string {
  const full = path.join(STDLIB, rel);
  const dec = decodeSource(new Uint8Array(fs.readFileSync(full)));
  const r = parse(dec.source);
  const mine = r.ok ? dump(r.tree, { includeAttributes: true }) : JSON.stringify(r.error);
  let theirs: string;
  try {
    theirs = execFileSync('python3', ['-c',
      'import ast,sys,warnings;warnings.simplefilter("ignore");sys.stdout.buffer.write(ast.dump(ast.parse(open(sys.argv[1],"rb").read()),include_attributes=True).encode("utf-8","surrogatepass"))', full],
    { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8');
  } catch (e) {
    theirs = String((e as { stderr?: Buffer }).stderr ?? e).split('\n').slice(-3).join(' ');
  }
  let i = 0;
  while (i < mine.length && mine[i] === theirs[i]) i++;
  return `${rel}: first difference at char ${i}\n  ours:    …${mine.slice(Math.max(0, i - 120), i + 120)}\n  CPython: …${theirs.slice(Math.max(0, i - 120), i + 120)}`;
}

/** Run one shard; returns the list of problems (empty when all is as expected). */
export async function checkShard(k: number, n: number): Promise<string[]> {
  const files = shardFiles(k, n);
  const pyPromise = pythonResults(files);
  const ours = new Map<string, string>();
  for (const f of files) ours.set(f, ourResult(f));
  const py = await pyPromise;
  const known = knownFailures();
  const problems: string[] = [];
  for (const f of files) {
    const same = py.get(f) === ours.get(f);
    if (known.has(f)) {
      if (same) problems.push(`${f}: listed in known-failures.txt but now passes — remove it from the list`);
      continue;
    }
    if (!same) {
      const p = py.get(f) ?? '';
      problems.push(p.startsWith('OK') && (ours.get(f) ?? '').startsWith('OK')
        ? explainDifference(f)
        : `${f}:\n  ours:    ${ours.get(f)}\n  CPython: ${p}`);
    }
  }
  return problems;
}
