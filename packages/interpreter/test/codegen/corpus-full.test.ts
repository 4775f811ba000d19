// The whole standard library (PYNOGIL_FULL_CORPUS=1 only; about a minute): same
// comparison as corpus-sample.test.ts, in 8 shards (one test each, so the worker
// stays responsive), figures checked against the "full" entry of ratchet.json.
import { describe, it, expect } from 'vitest';
import { shardFiles, runShard, ratchet } from './corpus.js';
import { Stats } from './render.js';

const FULL = process.env.PYNOGIL_FULL_CORPUS === '1';
const SHARDS = 8;

describe.runIf(FULL)('codegen vs python3 on the whole stdlib', () => {
  const total = new Stats();
  for (let k = 0; k < SHARDS; k++) {
    it(`shard ${k} of ${SHARDS}`, { timeout: 600_000 }, () => {
      const { stats } = runShard(shardFiles(k, SHARDS, 1));
      total.total += stats.total;
      total.files += stats.files;
      total.filesSame += stats.filesSame;
      for (const f of Object.keys(stats.same)) total.same[f] = (total.same[f] ?? 0) + stats.same[f]!;
    });
  }
  it('keeps the per-field share of identical code objects', () => {
    const got = total.shares();
    console.log(`full: ${total.files} files, ${total.total} code objects; shares ${JSON.stringify(got)}`);
    const want = ratchet().full!;
    const drops = Object.entries(want).filter(([k, v]) => (got[k] ?? 0) < v).map(([k, v]) => `${k}: ${got[k]} < ${v}`);
    expect(drops).toEqual([]);
  });
});
