// The per-commit run of the stdlib differential test: a deterministic sample of
// the standard library (about one file in 6). PYNOGIL_FULL_CORPUS=1 runs every
// file (corpus-full.test.ts). The figures must not drop below ratchet.json.
import { describe, it, expect } from 'vitest';
import { shardFiles, runShard, ratchet } from './corpus.js';

const FULL = process.env.PYNOGIL_FULL_CORPUS === '1';

describe('codegen vs python3 on a stdlib sample', () => {
  it.skipIf(FULL)('keeps the per-field share of identical code objects', () => {
    const files = shardFiles(0, 1, 6);
    const { stats, worst } = runShard(files);
    const got = stats.shares();
    const want = ratchet().sample!;
    const drops: string[] = [];
    const rises: string[] = [];
    for (const [k, v] of Object.entries(want)) {
      if ((got[k] ?? 0) < v) drops.push(`${k}: ${got[k]} < ${v}`);
      else if ((got[k] ?? 0) > v) rises.push(`${k}: ${v} -> ${got[k]}`);
    }
    if (rises.length > 0) console.log('codegen sample figures rose (update ratchet.json):\n  ' + rises.join('\n  '));
    console.log(`sample: ${files.length} files, ${stats.total} code objects; shares ${JSON.stringify(got)}; first differing files: ${worst.slice(0, 5).join(' ')}`);
    expect(drops).toEqual([]);
  });
});
