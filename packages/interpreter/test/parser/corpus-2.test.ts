// Corpus shard 2 of 8 (see corpus.ts): stdlib files parsed and dumped by pynogil
// and by python3 must agree exactly.
import { test, expect } from 'vitest';
import { checkShard } from './corpus.js';

test('stdlib corpus shard 2/8 matches CPython ast.dump', async () => {
  const problems = await checkShard(2, 8);
  expect(problems.slice(0, 10).join('\n\n')).toBe('');
}, 120_000);
