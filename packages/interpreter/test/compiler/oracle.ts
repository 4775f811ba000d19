// Runs py/symtable_dump.py once over a batch of snippets (JSON in, JSON out).
import { execFileSync } from 'node:child_process';
import { parse } from '../../src/parser/index.js';
import { buildSymbolTable } from '../../src/compiler/symtable.js';
import type { CompileError } from '../../src/compiler/errors.js';

const ORACLE = new URL('./py/symtable_dump.py', import.meta.url).pathname;

/** sources are text, or [text, 'exec' | 'eval' | 'single'] for 'render' */
export function runOracle<T>(mode: 'errors' | 'render', sources: readonly (string | readonly [string, string])[]): T[] {
  const out = execFileSync('python3', [ORACLE, 'json', mode], {
    input: JSON.stringify(sources), maxBuffer: 1 << 26, env: { ...process.env, PYTHONHASHSEED: '0' },
  }).toString('utf8');
  return JSON.parse(out) as T[];
}

/** parse + symbol table of a snippet, as python3's compile() sees it from Python frame depth `depth` */
export function compileScopes(src: string, depth = 2, mode: 'exec' | 'eval' | 'single' = 'exec'): ReturnType<typeof buildSymbolTable> | { ok: false; error: CompileError } {
  const r = parse(src, { filename: '<string>', mode });
  if (!r.ok) return { ok: false, error: { ...r.error } };
  return buildSymbolTable(r.tree, { filename: '<string>', source: src, pythonDepth: depth });
}
