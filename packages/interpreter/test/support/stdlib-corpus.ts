// The machine's CPython standard library as a test corpus, shared by the corpus
// tests of the parser, the symbol table and the code generator: where it is, which
// files belong to it, how they are split into shards, and the checked-in lists of
// known exceptions ("path<TAB>reason" lines; '#' comments) that may only shrink.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const STDLIB = execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]).toString().trim();

let files: string[] | null = null;

/** All corpus files (relative to STDLIB, including test/), sorted; site-packages excluded. */
export function corpusFiles(): string[] {
  if (files !== null) return files;
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(STDLIB, rel), { withFileTypes: true })) {
      const r = rel === '' ? e.name : rel + '/' + e.name;
      if (e.isDirectory()) {
        if (r === 'site-packages' || r.startsWith('config-') || e.name === '__pycache__') continue;
        walk(r);
      } else if (e.name.endsWith('.py')) {
        out.push(r);
      }
    }
  };
  walk('');
  files = out.sort();
  return files;
}

/** A stable hash of a corpus path (shards must not move between runs). */
export function pathHash(f: string): number {
  let h = 0;
  for (let i = 0; i < f.length; i++) h = (h * 31 + f.charCodeAt(i)) >>> 0;
  return h;
}

/** The files of shard `k` of `n`; `sample` > 1 keeps one file in `sample`. */
export function shardFiles(k: number, n: number, sample = 1): string[] {
  return corpusFiles().filter((f) => pathHash(f) % n === k && (sample <= 1 || (pathHash(f) >>> 8) % sample === 0));
}

/** A checked-in exception list: path → reason. */
export function readExceptionList(url: URL): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of fs.readFileSync(url, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    m.set(tab < 0 ? line.trim() : line.slice(0, tab), tab < 0 ? '' : line.slice(tab + 1));
  }
  return m;
}
