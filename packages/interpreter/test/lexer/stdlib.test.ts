// Differential test against CPython on the whole standard library (site-packages
// excluded). Every file is decoded with decodeSource and tokenized in compat mode
// here; then one python3 process (py/tokenize_stdlib.py) tokenizes every file with
// the `tokenize` module and compiles the files we reject and those tokenize
// rejects. Checks:
//   * the token stream hash equals tokenize's whenever tokenize accepts the file;
//   * every file we reject, CPython rejects with the same exception type, message,
//     line and offset (so we never fail where CPython compiles);
//   * files tokenize rejects are compiled, and CPython's error must be ours when it
//     is a tokenizer-level one (a parser-level error needs no tokenizer error).
// (Compiling every file would double the run time; files both tokenizers accept
// are covered by the hash.) Files that differ for a documented reason are listed
// in stdlib-known-differences.json.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeSource, tokenize, type PySyntaxError } from '../../src/lexer/index.js';
import { runPython, sha1, tokenDump } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const known: Record<string, string> = JSON.parse(readFileSync(join(here, 'stdlib-known-differences.json'), 'utf8'));

interface Rec {
  f: string;
  tok: string | null;
  tokerr: string | null;
  comp: 'OK' | [string, string, number | null, number | null, number | null, number | null] | null;
}

/** The same walk as the Python side: sorted, site-packages and __pycache__ skipped. */
function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir).sort();
  const dirs: string[] = [];
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) {
      if (e !== 'site-packages' && e !== '__pycache__') dirs.push(p);
    } else if (e.endsWith('.py')) out.push(p);
  }
  for (const d of dirs) walk(d, out);
}

describe('stdlib differential (tokenize module and compile)', () => {
  it('tokenizes every stdlib file as CPython does', async () => {
    const root = execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]).toString().trim();
    const files: string[] = [];
    walk(root, files);
    const ours = new Map<string, { hash: string | null; err: PySyntaxError | null }>();
    for (const f of files) {
      const dec = decodeSource(readFileSync(f));
      if (dec.error !== null) {
        ours.set(f, { hash: null, err: dec.error });
        continue;
      }
      const res = tokenize(dec.source, { compat: true });
      ours.set(f, { hash: res.error === null ? sha1(tokenDump(res.source, res.tokens)) : null, err: res.error });
    }
    const rejected = files.filter((f) => ours.get(f)!.err !== null);
    const out = await runPython([join(here, 'py', 'tokenize_stdlib.py')], JSON.stringify(rejected));
    const recs: Rec[] = out.trim().split('\n').map((l) => JSON.parse(l) as Rec);
    expect(recs.length).toBe(files.length);
    expect(recs.length).toBeGreaterThan(1000);
    const failures: string[] = [];
    let compared = 0;
    for (const r of recs) {
      const key = r.f.slice(root.length + 1);
      const mine = ours.get(r.f);
      if (mine === undefined) {
        failures.push(`${key}: not walked by the test`);
        continue;
      }
      const err = mine.err;
      const problems: string[] = [];
      if (r.tok !== null && err === null) {
        compared++;
        if (mine.hash !== r.tok) problems.push('token stream differs from tokenize');
      }
      if (err !== null) {
        const m = [err.type, err.msg, err.lineno, err.offset];
        if (r.comp === 'OK') problems.push(`we fail (${JSON.stringify(m)}) where CPython compiles`);
        else if (r.comp !== null && JSON.stringify(m) !== JSON.stringify(r.comp.slice(0, 4))) {
          problems.push(`error ${JSON.stringify(m)} vs CPython ${JSON.stringify(r.comp.slice(0, 4))}`);
        }
      } else if (r.comp !== null && r.comp !== 'OK' && TOKENIZER_ERROR.test(r.comp[1])) {
        problems.push(`CPython's tokenizer fails (${r.comp[1]}) where we succeed`);
      }
      if (problems.length > 0 && !(key in known)) failures.push(`${key}: ${problems.join('; ')}`);
      if (problems.length === 0 && key in known) failures.push(`${key}: listed as a known difference but agrees now`);
    }
    expect(compared).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });
});

/** Messages of errors raised by CPython's tokenizer (not its parser). */
const TOKENIZER_ERROR = /^(unterminated|invalid (character|non-printable|decimal|hexadecimal|octal|binary|imaginary|digit)|leading zeros|unindent does not match|inconsistent use of tabs|unexpected character after line continuation|unmatched|closing parenthesis|'.' was never closed|too many|unexpected EOF|unknown encoding|encoding problem|\(unicode error\))/;
