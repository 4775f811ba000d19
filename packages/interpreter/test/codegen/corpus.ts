// Differential check of the code generator on python3's standard library: one
// python3 process compiles a list of files (py/code_dump.py files) and renders
// every code object (pre-order through co_consts); we parse, compile and render
// the same files. Stats tallies, per field, the share of CPython's code objects
// our code object at the same position matches, and the share of files whose
// code objects all match. ratchet.json holds the figures reached so far: a test
// fails when a figure drops below it.
import fs from 'node:fs';
import path from 'node:path';
import { decodeSource } from '../../src/lexer/encoding.js';
import { compileSource } from '../../src/compiler/codegen/index.js';
import { render, runOracle, Stats, type Rendered } from './render.js';

import { STDLIB } from '../support/stdlib-corpus.js';
export { STDLIB, corpusFiles, shardFiles } from '../support/stdlib-corpus.js';

export function ours(rel: string): Rendered[] | null {
  const bytes = new Uint8Array(fs.readFileSync(path.join(STDLIB, rel)));
  const dec = decodeSource(bytes);
  if (dec.error !== null) return null;
  try {
    const r = compileSource(dec.source, { filename: rel });
    return r.ok ? render(r.code, []) : null;
  } catch {
    return null; // an internal error of ours counts as a mismatch of every code object
  }
}

export interface ShardResult {
  stats: Stats;
  worst: string[];
}

export function runShard(files: string[]): ShardResult {
  const theirs = runOracle<Record<string, Rendered[] | { err: string }>>(['files', STDLIB], files);
  const stats = new Stats();
  const worst: string[] = [];
  for (const f of files) {
    const t = theirs[f]!;
    if (!Array.isArray(t)) continue;
    if (!stats.add(t, ours(f))) worst.push(f);
  }
  return { stats, worst };
}

export const RATCHET_FILE = new URL('./ratchet.json', import.meta.url);

export function ratchet(): Record<string, Record<string, number>> {
  return JSON.parse(fs.readFileSync(RATCHET_FILE, 'utf8')) as Record<string, Record<string, number>>;
}
