// Differential check of the symbol table against CPython on the standard library:
// every .py file of python3's stdlib (and its test/ tree) is run through
// symtable.symtable() and compile() by one python3 process per shard
// (py/symtable_dump.py) and through our parser + buildSymbolTable here. Both
// sides render
//   * every symbol table (pre-order: type, name, lineno, nested, optimized,
//     children; each symbol's raw flag word and the 11 Symbol.is_* answers; the
//     parameter/local/global/nonlocal/free groups of function tables), and
//   * every code object (qualname, firstlineno, scope-related co_flags,
//     co_varnames, co_cellvars, co_freevars; lines sorted),
// and compare: the tables by sha1 per file; the code objects as multisets, equal
// except for the code objects listed in UNREACHABLE_CODE (CPython drops the code
// objects of unreachable code from co_consts, which is the code generator's
// business, not the symbol table's). On a mismatch the file is rendered in full
// by python3 and the first differing line is shown. Files listed in
// known-differences.txt must still differ (the list can only shrink).

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, execFileSync } from 'node:child_process';
import { parse } from '../../src/parser/index.js';
import { decodeSource } from '../../src/lexer/encoding.js';
import { buildSymbolTable } from '../../src/compiler/symtable.js';
import type { Scope } from '../../src/compiler/scope.js';
import { compareCodePoints } from '../../src/compiler/analyze.js';
import {
  USE, DEF_IMPORT, DEF_PARAM, DEF_NONLOCAL, DEF_ANNOT, DEF_LOCAL, DEF_BOUND,
  LOCAL, CELL, FREE, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FunctionBlock, scopeOf,
} from '../../src/compiler/scope-flags.js';

import { STDLIB, readExceptionList, shardFiles } from '../support/stdlib-corpus.js';
export { STDLIB, corpusFiles, shardFiles } from '../support/stdlib-corpus.js';
const ORACLE = new URL('./py/symtable_dump.py', import.meta.url).pathname;

export function knownDifferences(): Map<string, string> {
  return readExceptionList(new URL('./known-differences.txt', import.meta.url));
}

function bit(x: boolean | number): string {
  return x ? '1' : '0';
}

/** The same rendering as render_table in py/symtable_dump.py. */
export function renderTables(ste: Scope, out: string[]): void {
  const fixed: string[] = [];
  const propagated: string[] = [];
  for (const [name, f] of ste.symbols) (f & 0x7ff ? fixed : propagated).push(name);
  const names = fixed.concat(propagated.sort(compareCodePoints));
  const childNames = new Set(ste.children.map((c) => c.name));
  out.push(`T ${ste.type} ${ste.name} ${ste.lineno} ${bit(ste.nested)} ${bit(ste.type === FunctionBlock)} [${ste.children.map((c) => c.name).join(' ')}]`);
  const moduleScope = ste.name === 'top';
  for (const n of names) {
    const f = ste.symbols.get(n)!;
    const s = scopeOf(f);
    const boundAtTop = moduleScope && (f & DEF_BOUND) !== 0;
    out.push(`  ${n} ${f} ` + bit(f & USE) + bit(f & DEF_IMPORT) + bit(f & DEF_PARAM)
      + bit(s === GLOBAL_IMPLICIT || s === GLOBAL_EXPLICIT || boundAtTop) + bit(f & DEF_NONLOCAL)
      + bit(s === GLOBAL_EXPLICIT) + bit(s === LOCAL || s === CELL || boundAtTop) + bit(f & DEF_ANNOT)
      + bit(s === FREE) + bit(f & DEF_LOCAL) + bit(childNames.has(n)));
  }
  if (ste.type === FunctionBlock) {
    const group = (label: string, test: (f: number) => boolean): void => {
      out.push(`  ${label}: ${names.filter((n) => test(ste.symbols.get(n)!)).join(' ')}`);
    };
    group('params', (f) => (f & DEF_PARAM) !== 0);
    group('locals', (f) => scopeOf(f) === LOCAL || scopeOf(f) === CELL);
    group('globals', (f) => scopeOf(f) === GLOBAL_IMPLICIT || scopeOf(f) === GLOBAL_EXPLICIT);
    group('nonlocals', (f) => (f & DEF_NONLOCAL) !== 0);
    group('frees', (f) => scopeOf(f) === FREE);
  }
  for (const c of ste.children) renderTables(c, out);
}

/** The same rendering as render_code in py/symtable_dump.py (unsorted). */
export function renderCode(ste: Scope, out: string[]): void {
  if (ste.compiled) {
    out.push(`C ${ste.qualname} ${ste.firstLineno} ${ste.codeFlags} v=${ste.varnames.join(' ')} c=${ste.cellvars.join(' ')} f=${ste.freevars.join(' ')}`);
  }
  for (const c of ste.children) renderCode(c, out);
}

function sha(s: string): string {
  return crypto.createHash('sha1').update(s, 'utf8').digest('hex');
}

interface Ours {
  /** the ERR line, or the full table rendering */
  st: string;
  /** the code rendering (sorted), or null on error */
  co: string | null;
}

export function ourRendering(rel: string): Ours {
  const bytes = new Uint8Array(fs.readFileSync(path.join(STDLIB, rel)));
  const dec = decodeSource(bytes);
  if (dec.error !== null) {
    const e = dec.error;
    return { st: ['ERR', e.type, e.msg, e.lineno, e.offset].join('\t'), co: null };
  }
  const r = parse(dec.source);
  if (!r.ok) return { st: ['ERR', r.error.type, r.error.msg, r.error.lineno, r.error.offset].join('\t'), co: null };
  const st = buildSymbolTable(r.tree, { filename: rel, source: dec.source });
  if (!st.ok) {
    const e = st.error;
    if (e.type === 'RecursionError') return { st: `ERR\tRecursionError\t${e.msg}`, co: null };
    return { st: ['ERR', e.type, e.msg, e.lineno, e.offset, e.end_lineno ?? 'None', e.end_offset ?? 'None'].join('\t'), co: null };
  }
  const tables: string[] = [];
  renderTables(st.table.top, tables);
  const code: string[] = [];
  renderCode(st.table.top, code);
  return { st: tables.join('\n'), co: code.sort(compareCodePoints).join('\n') };
}

/** python3's line for each file: [st sha1 or ERR..., code lines joined by \x1f or '-'] */
export function pythonResults(files: string[]): Promise<Map<string, [string, string]>> {
  return new Promise((resolve, reject) => {
    const py = spawn('python3', [ORACLE, STDLIB], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, PYTHONHASHSEED: '0' } });
    const chunks: Buffer[] = [];
    py.stdout.on('data', (c: Buffer) => chunks.push(c));
    py.on('error', reject);
    py.on('close', () => {
      const m = new Map<string, [string, string]>();
      for (const line of Buffer.concat(chunks).toString('utf8').split('\n')) {
        const parts = line.split('\t');
        if (parts.length < 3) continue;
        m.set(parts[0]!, [parts.slice(1, -1).join('\t'), parts[parts.length - 1]!]);
      }
      resolve(m);
    });
    py.stdin.end(files.join('\n'));
  });
}

/** Compare an ERR line of ours with python3's: parse errors carry no end position on our side. */
function sameError(ours: string, theirs: string): boolean {
  if (ours === theirs) return true;
  const o = ours.split('\t');
  return o.length === 5 && theirs.split('\t').slice(0, 5).join('\t') === ours;
}

function firstDifference(label: string, mine: string, theirs: string): string {
  const a = mine.split('\n');
  const b = theirs.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `${label} differs at line ${i + 1}:\n    ours:    ${a.slice(Math.max(0, i - 1), i + 2).join('\n             ')}\n    CPython: ${b.slice(Math.max(0, i - 1), i + 2).join('\n             ')}`;
}

/** Code objects (file, qualname) that CPython drops because they are defined in unreachable code. */
const UNREACHABLE_CODE = new Set([
  'test/test_posix.py\tPosixTester.test_getcwd_long_pathnames.<locals>._create_and_do_getcwd', // after `return`
]);

/**
 * The first of CPython's code-object lines (joined by \x1f) that is not among
 * ours, or else the first of ours that CPython does not have and that is not in
 * UNREACHABLE_CODE (prefixed 'extra: '), or null when they agree.
 */
function missingCode(rel: string, ours: string, theirs: string): string | null {
  const have = new Map<string, number>();
  for (const l of ours.split('\n')) have.set(l, (have.get(l) ?? 0) + 1);
  for (const l of theirs.split('\x1f')) {
    const n = have.get(l) ?? 0;
    if (n === 0) return l;
    have.set(l, n - 1);
  }
  for (const [l, n] of have) {
    if (n > 0 && !UNREACHABLE_CODE.has(rel + '\t' + l.split(' ')[1]!)) return 'extra: ' + l;
  }
  return null;
}

/** Full renderings of one file by python3, to show the first difference. */
export function explain(rel: string, ours: Ours): string {
  const out = execFileSync('python3', [ORACLE, STDLIB, 'full'], { input: rel, maxBuffer: 1 << 28, env: { ...process.env, PYTHONHASHSEED: '0' } }).toString('utf8');
  const [st, co] = out.split('\n=====\n') as [string, string];
  if (st !== ours.st) return `${rel}: ` + firstDifference('symbol tables', ours.st, st);
  const missing = missingCode(rel, ours.co ?? '', co.split('\n').join('\x1f'));
  const key = (missing ?? '').replace(/^extra: /, '').split(' v=')[0]!;
  const near = (ours.co ?? '').split('\n').filter((l) => l.startsWith(key)).join('\n             ');
  return `${rel}: code objects differ (first CPython line we lack, or 'extra: ' and ours)\n    ${missing}\n    ours:    ${near}`;
}

/** Run one shard; returns the problems (empty when all is as expected). */
export async function checkShard(k: number, n: number): Promise<string[]> {
  const files = shardFiles(k, n);
  const pyPromise = pythonResults(files);
  const ours = new Map<string, Ours>();
  for (const f of files) ours.set(f, ourRendering(f));
  const py = await pyPromise;
  const known = knownDifferences();
  const problems: string[] = [];
  for (const f of files) {
    const o = ours.get(f)!;
    const p = py.get(f);
    if (p === undefined) {
      problems.push(`${f}: no result from python3`);
      continue;
    }
    const [pst, pco] = p;
    let same: boolean;
    if (pst.startsWith('ERR') || o.st.startsWith('ERR')) same = sameError(o.st, pst);
    else same = sha(o.st) === pst && (pco === '-' || (o.co !== null && missingCode(f, o.co, pco) === null));
    if (known.has(f)) {
      if (same) problems.push(`${f}: listed in known-differences.txt but now agrees with CPython — remove it from the list`);
      continue;
    }
    if (!same) {
      problems.push(pst.startsWith('ERR') || o.st.startsWith('ERR')
        ? `${f}:\n  ours:    ${o.st.slice(0, 300)}\n  CPython: ${pst}`
        : explain(f, o));
    }
  }
  return problems;
}
