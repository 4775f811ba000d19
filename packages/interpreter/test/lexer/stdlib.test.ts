// Differential test against CPython on the whole standard library (site-packages
// excluded): one python3 process tokenizes every file with the `tokenize` module and
// compiles it (test/lexer/py/tokenize_stdlib.py); here every file is decoded with
// decodeSource, tokenized in compat mode, and
//   * the token stream hash must equal tokenize's (when tokenize accepts the file);
//   * a file CPython compiles must tokenize without error;
//   * when we report an error, CPython must report the same type, message, line
//     and offset (a tokenizer-level error of CPython's).
// Files that differ for a documented reason are listed in stdlib-known-differences.json.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeSource, tokenize } from '../../src/lexer/index.js';
import { runPython, sha1, tokenDump } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const known: Record<string, string> = JSON.parse(readFileSync(join(here, 'stdlib-known-differences.json'), 'utf8'));

interface Rec {
  f: string;
  tok: string | null;
  tokerr: string | null;
  comp: [string, string, number | null, number | null, number | null, number | null] | null;
}

describe('stdlib differential (tokenize module and compile)', () => {
  it('tokenizes every stdlib file as CPython does', async () => {
    const out = await runPython([join(here, 'py', 'tokenize_stdlib.py')]);
    const recs: Rec[] = out.trim().split('\n').map((l) => JSON.parse(l) as Rec);
    expect(recs.length).toBeGreaterThan(1000);
    const failures: string[] = [];
    let compared = 0;
    for (const r of recs) {
      const key = r.f.replace(/^.*\/python3\.\d+\//, '');
      const dec = decodeSource(readFileSync(r.f));
      let err = dec.error;
      let hash: string | null = null;
      if (err === null) {
        const res = tokenize(dec.source, { compat: true });
        err = res.error;
        if (err === null) hash = sha1(tokenDump(res.source, res.tokens));
      }
      const problems: string[] = [];
      if (r.tok !== null && err === null) {
        compared++;
        if (hash !== r.tok) problems.push('token stream differs from tokenize');
      }
      if (r.comp === null && err !== null) problems.push(`we fail (${err.type}: ${err.msg} @${err.lineno}:${err.offset}) where CPython compiles`);
      if (err !== null && r.comp !== null) {
        const mine = [err.type, err.msg, err.lineno, err.offset];
        const theirs = r.comp.slice(0, 4);
        if (JSON.stringify(mine) !== JSON.stringify(theirs)) problems.push(`error ${JSON.stringify(mine)} vs CPython ${JSON.stringify(theirs)}`);
      }
      if (problems.length > 0 && !(key in known)) failures.push(`${key}: ${problems.join('; ')}`);
    }
    expect(compared).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });
});
