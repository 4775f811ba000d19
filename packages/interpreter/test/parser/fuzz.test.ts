// Robustness: random token soups and token-level mutations of stdlib files must
// give a tree or an error value, never a JS exception, a hang or an internal
// error; deep nesting gives CPython's errors instead of overflowing the JS stack.
// Deterministic: a seeded PRNG and fixed iteration counts.
import { test, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse, type ParseResult } from '../../src/parser/index.js';
import { dump } from '../../src/ast/index.js';
import { tokenize } from '../../src/lexer/index.js';
import { STDLIB } from './corpus.js';

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

const ALLOWED = new Set(['SyntaxError', 'IndentationError', 'TabError', 'RecursionError']);

function checkResult(src: string, r: ParseResult): string | null {
  if (r.ok) {
    dump(r.tree, { includeAttributes: true });
    return null;
  }
  const e = r.error;
  if (!ALLOWED.has(e.type) || typeof e.msg !== 'string' || e.msg.length === 0 || !Number.isInteger(e.lineno)) {
    return `${JSON.stringify(src.slice(0, 200))} → ${JSON.stringify(e)}`;
  }
  return null;
}

function safeParse(src: string): string | null {
  try {
    return checkResult(src, parse(src));
  } catch (x) {
    return `${JSON.stringify(src.slice(0, 200))} threw ${String(x)}`;
  }
}

const POOL = [
  'if', 'else', 'elif', 'for', 'in', 'while', 'def', 'class', 'return', 'yield', 'lambda', 'with', 'as', 'try',
  'except', 'finally', 'import', 'from', 'not', 'and', 'or', 'is', 'None', 'True', 'async', 'await', 'match',
  'case', '_', 'global', 'del', 'pass', 'x', 'y', 'f', '1', '2.5', '3j', '"s"', "b'b'", 'f"{x}"', 'f"{x!r:>{y}}"',
  '(', ')', '[', ']', '{', '}', ':', ',', ';', '.', '...', '=', '==', ':=', '+', '-', '*', '**', '/', '//', '%',
  '@', '|', '&', '^', '~', '<', '>', '<=', '->', '+=', '\n', '\n    ', '\n        ', '\\\n',
];

test('random token soups never throw', () => {
  const rnd = prng(12345);
  const problems: string[] = [];
  for (let iter = 0; iter < 1500; iter++) {
    const n = 1 + Math.floor(rnd() * 30);
    let src = '';
    for (let i = 0; i < n; i++) src += POOL[Math.floor(rnd() * POOL.length)]! + (rnd() < 0.7 ? ' ' : '');
    const p = safeParse(src);
    if (p !== null) problems.push(p);
  }
  expect(problems.slice(0, 5).join('\n')).toBe('');
});

test('random character soups never throw', () => {
  const rnd = prng(4242);
  const CHARS = ['a', 'b', '1', '0', 'x', 'e', 'j', '_', ' ', ' ', '\t', '\n', '\r', '\f', '\\', '#', '"', "'", '(', ')', '[', ']',
    '{', '}', ':', '=', '+', '-', '*', '/', '.', ',', ';', '@', '!', '$', '?', '`', '\0', 'é', '€', '\u00a0', '\ud800', '😀', '\ufeff', 'f', 'r', 'b', 'u'];
  const problems: string[] = [];
  for (let iter = 0; iter < 3000; iter++) {
    const n = 1 + Math.floor(rnd() * 40);
    let src = '';
    for (let i = 0; i < n; i++) src += CHARS[Math.floor(rnd() * CHARS.length)]!;
    const p = safeParse(src);
    if (p !== null) problems.push(p);
  }
  expect(problems.slice(0, 5).join('\n')).toBe('');
});

test('token mutations of stdlib files never throw', () => {
  const rnd = prng(777);
  const files = ['ast.py', 'dataclasses.py', 'functools.py', 'textwrap.py', 'string.py', 'argparse.py', 'enum.py', 'typing.py']
    .map((f) => fs.readFileSync(path.join(STDLIB, f), 'utf8'));
  const problems: string[] = [];
  for (let iter = 0; iter < 240; iter++) {
    // a 300-line window (from a line start, dedented input is fine: errors are the point)
    const lines = files[iter % files.length]!.split('\n');
    const a = Math.floor(rnd() * Math.max(1, lines.length - 300));
    const src = lines.slice(a, a + 300).join('\n');
    const toks = tokenize(src).tokens.filter((t) => t.end > t.start);
    if (toks.length < 2) continue;
    const k = Math.floor(rnd() * toks.length);
    const t = toks[k]!;
    const u = toks[Math.min(toks.length - 1, k + 1)]!;
    let mutated: string;
    switch (iter % 4) {
      case 0: mutated = src.slice(0, t.start) + src.slice(t.end); break; // deletion
      case 1: mutated = src.slice(0, t.end) + ' ' + src.slice(t.start, t.end) + src.slice(t.end); break; // duplication
      case 2: mutated = src.slice(0, t.start) + src.slice(u.start, u.end) + src.slice(t.end, u.start) + src.slice(t.start, t.end) + src.slice(u.end); break; // swap
      default: mutated = src.slice(0, t.start) + POOL[Math.floor(rnd() * POOL.length)]! + ' ' + src.slice(t.start); break; // insertion
    }
    const p = safeParse(mutated);
    if (p !== null) problems.push(p);
  }
  expect(problems.slice(0, 5).join('\n')).toBe('');
});

const PY_DEEP = `
import ast, json, sys
out = []
for src in json.load(sys.stdin):
    try:
        ast.parse(src); out.append('OK')
    except BaseException as e:
        out.append(type(e).__name__ + ': ' + (e.msg if isinstance(e, SyntaxError) else str(e)))
print(json.dumps(out))
`;

test('deep nesting gives CPython errors, not a JS stack overflow', () => {
  const cases = [
    '('.repeat(100) + ')'.repeat(100),
    '('.repeat(1000) + ')'.repeat(1000),
    '['.repeat(201) + ']'.repeat(201),
    '-'.repeat(1000) + 'a',
    '-'.repeat(5000) + 'a',
    'a' + '.a'.repeat(5000),
    'a' + '[0]'.repeat(5000),
    'a' + '+a'.repeat(100000),
    'not '.repeat(5000) + 'a',
    'lambda:'.repeat(1000) + '1',
    'x = ' + 'a if b else '.repeat(5000) + 'c',
    'if a:\n' + Array.from({ length: 120 }, (_, i) => ' '.repeat(i + 1) + 'if a:\n').join('') + ' '.repeat(121) + 'pass\n',
  ];
  const expected = JSON.parse(execFileSync('python3', ['-c', PY_DEEP], { input: JSON.stringify(cases), maxBuffer: 1 << 26 }).toString()) as string[];
  const ours = cases.map((src) => {
    const r = parse(src);
    return r.ok ? 'OK' : `${r.error.type}: ${r.error.msg}`;
  });
  expect(ours).toEqual(expected);
});
