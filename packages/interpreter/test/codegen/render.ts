// The TypeScript side of the differential tests: renders our CodeObjects exactly
// as py/code_dump.py renders CPython's, and runs that script in batches.

import { execFileSync } from 'node:child_process';
import { CodeObject, ConstTuple, ConstFrozenSet, type PyConst } from '../../src/bytecode/code-object.js';
import { CodePointStr, ComplexConst, ELLIPSIS } from '../../src/ast/nodes.js';
import { reprStr, reprFloat, reprComplex } from '../../src/ast/repr.js';

export const FIELDS = ['name', 'qualname', 'firstlineno', 'argcount', 'posonlyargcount', 'kwonlyargcount',
  'flags', 'stacksize', 'code', 'consts', 'names', 'varnames', 'cellvars', 'freevars', 'exceptiontable', 'linetable'] as const;
export type Rendered = Record<(typeof FIELDS)[number], string>;

const ORACLE = new URL('./py/code_dump.py', import.meta.url).pathname;

export function runOracle<T>(args: string[], input: unknown): T {
  const out = execFileSync('python3', [ORACLE, ...args], {
    input: JSON.stringify(input), maxBuffer: 1 << 30, env: { ...process.env, PYTHONHASHSEED: '0' },
  }).toString('utf8');
  return JSON.parse(out) as T;
}

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

export function constRepr(c: PyConst): string {
  if (c === null) return 'None';
  if (c === true) return 'True';
  if (c === false) return 'False';
  if (c === ELLIPSIS) return 'Ellipsis';
  if (typeof c === 'bigint') return 'i' + c.toString();
  if (typeof c === 'number') return 'f' + reprFloat(c);
  if (typeof c === 'string' || c instanceof CodePointStr) return 's' + reprStr(c);
  if (c instanceof Uint8Array) return 'b' + hex(c);
  if (c instanceof ComplexConst) return 'c' + reprComplex(c);
  if (c instanceof ConstTuple) return '(' + c.items.map(constRepr).join(',') + ')';
  if (c instanceof ConstFrozenSet) return 'frozenset(' + c.items.map(constRepr).sort().join(',') + ')';
  if (c instanceof CodeObject) return 'code:' + c.co_qualname;
  return '?';
}

export function render(co: CodeObject, out: Rendered[]): Rendered[] {
  out.push({
    name: co.co_name,
    qualname: co.co_qualname,
    firstlineno: String(co.co_firstlineno),
    argcount: String(co.co_argcount),
    posonlyargcount: String(co.co_posonlyargcount),
    kwonlyargcount: String(co.co_kwonlyargcount),
    flags: String(co.co_flags),
    stacksize: String(co.co_stacksize),
    code: hex(co.co_code),
    consts: '[' + co.co_consts.map(constRepr).join(',') + ']',
    names: co.co_names.join(' '),
    varnames: co.co_varnames.join(' '),
    cellvars: co.co_cellvars.join(' '),
    freevars: co.co_freevars.join(' '),
    exceptiontable: hex(co.co_exceptiontable),
    linetable: hex(co.co_linetable),
  });
  for (const c of co.co_consts) if (c instanceof CodeObject) render(c, out);
  return out;
}

/** Per-field tallies over CPython's code objects. */
export class Stats {
  total = 0;
  readonly same: Record<string, number> = { all: 0 };
  files = 0;
  filesSame = 0;
  constructor() {
    for (const f of FIELDS) this.same[f] = 0;
  }

  add(theirs: Rendered[], ours: Rendered[] | null): boolean {
    this.files++;
    let fileSame = ours !== null && ours.length === theirs.length;
    for (let i = 0; i < theirs.length; i++) {
      this.total++;
      const t = theirs[i]!;
      const o = ours !== null ? ours[i] : undefined;
      let all = o !== undefined;
      for (const f of FIELDS) {
        if (o !== undefined && o[f] === t[f]) this.same[f]!++;
        else all = false;
      }
      if (all) this.same.all!++;
      else fileSame = false;
    }
    if (fileSame) this.filesSame++;
    return fileSame;
  }

  shares(): Record<string, number> {
    const r: Record<string, number> = {};
    for (const k of Object.keys(this.same)) r[k] = this.total === 0 ? 0 : Math.floor((this.same[k]! / this.total) * 10000) / 10000;
    r.files = this.files === 0 ? 0 : Math.floor((this.filesSame / this.files) * 10000) / 10000;
    return r;
  }
}
