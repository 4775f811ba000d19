// Symbol table corpus shard 3 of 4 (see corpus.ts): symbol tables and code-object
// name tuples of stdlib files must agree with python3's symtable and compile().
import { test, expect } from 'vitest';
import { checkShard } from './corpus.js';

test('stdlib symtable shard 3/4 matches CPython', async () => {
  const problems = await checkShard(3, 4);
  expect(problems.slice(0, 10).join('\n\n')).toBe('');
}, 120_000);
