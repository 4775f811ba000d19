// A disassembler whose text equals dis.dis(code) of CPython 3.11 (default
// show_caches=False): line-number column, `>>` jump-target marks, argument
// and argrepr columns, the exception table, and the nested code objects after
// their parent. Reads only the opcode table and the CodeObject, so it works on
// any code object, ours or one decoded from CPython's marshal format.
//
// One difference is inherent: repr() of a code object shows its address in
// CPython; here the address is the code object's position in a pre-order walk
// (tests normalise addresses on both sides).

import { CodeObject, ConstFrozenSet, ConstTuple, type PyConst } from './code-object.js';
import { opInfo, realOpcodes, LOAD_CONST, CMP_OP, NB_OPS, EXTENDED_ARG, HAVE_ARGUMENT, LOAD_GLOBAL, FORMAT_VALUE, MAKE_FUNCTION, BINARY_OP } from './opcodes.js';
import { reprStr, reprBytes, reprFloat, reprComplex } from '../ast/repr.js';
import { CodePointStr, ComplexConst, ELLIPSIS } from '../ast/nodes.js';

const KNOWN = new Set(realOpcodes().map((o) => o.code));

/** repr() of a constant, as Python prints it */
export function reprConst(c: PyConst): string {
  if (c === null) return 'None';
  if (c === true) return 'True';
  if (c === false) return 'False';
  if (c === ELLIPSIS) return 'Ellipsis';
  if (typeof c === 'bigint') return c.toString();
  if (typeof c === 'number') return reprFloat(c);
  if (typeof c === 'string' || c instanceof CodePointStr) return reprStr(c);
  if (c instanceof Uint8Array) return reprBytes(c);
  if (c instanceof ComplexConst) return reprComplex(c);
  if (c instanceof ConstTuple) return c.items.length === 1 ? '(' + reprConst(c.items[0]!) + ',)' : '(' + c.items.map(reprConst).join(', ') + ')';
  if (c instanceof ConstFrozenSet) return c.items.length === 0 ? 'frozenset()' : 'frozenset({' + c.items.map(reprConst).join(', ') + '})';
  if (c instanceof CodeObject) return reprCode(c);
  return '?';
}

let addresses = new WeakMap<CodeObject, number>();

function reprCode(co: CodeObject): string {
  const a = addresses.get(co) ?? 0;
  return `<code object ${co.co_name} at 0x${a.toString(16)}, file "${co.co_filename}", line ${co.co_firstlineno}>`;
}

/** co_lines()-based line starts: offset → line (dis.findlinestarts) */
export function lineStarts(co: CodeObject): Map<number, number> {
  const out = new Map<number, number>();
  const t = co.co_linetable;
  let line = co.co_firstlineno;
  let addr = 0;
  let last: number | null = null;
  let p = 0;
  const varint = (): number => {
    let b = t[p++]!;
    let v = b & 63;
    let shift = 0;
    while (b & 64) {
      b = t[p++]!;
      shift += 6;
      v |= (b & 63) << shift;
    }
    return v;
  };
  const svarint = (): number => {
    const v = varint();
    return v & 1 ? -(v >> 1) : v >> 1;
  };
  while (p < t.length) {
    const head = t[p++]!;
    const code = (head >> 3) & 15;
    const len = (head & 7) + 1;
    let cur: number | null = line;
    if (code === 15) cur = null;
    else if (code === 14) {
      line += svarint();
      cur = line;
      varint();
      varint();
      varint();
    } else if (code === 13) {
      line += svarint();
      cur = line;
    } else if (code >= 10) {
      line += code - 10;
      cur = line;
      p += 2;
    } else {
      p += 1;
    }
    if (cur !== null && cur !== last) {
      out.set(addr * 2, cur);
      last = cur;
    }
    addr += len;
  }
  return out;
}

export interface ExceptionEntry {
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}

/** dis._parse_exception_table: offsets in bytes */
export function parseExceptionTable(co: CodeObject): ExceptionEntry[] {
  const t = co.co_exceptiontable;
  let p = 0;
  const item = (): number => {
    let b = t[p++]!;
    let v = b & 63;
    while (b & 64) {
      b = t[p++]!;
      v = (v << 6) | (b & 63);
    }
    return v;
  };
  const out: ExceptionEntry[] = [];
  while (p < t.length) {
    const start = item() * 2;
    const end = start + item() * 2;
    const target = item() * 2;
    const dl = item();
    out.push({ start, end, target, depth: dl >> 1, lasti: (dl & 1) !== 0 });
  }
  return out;
}

interface Decoded {
  offset: number;
  op: number;
  arg: number | null;
}

function unpack(code: Uint8Array): Decoded[] {
  const out: Decoded[] = [];
  let ext = 0;
  let caches = 0;
  for (let i = 0; i < code.length; i += 2) {
    if (caches > 0) {
      caches--;
      continue;
    }
    const op = code[i]!;
    caches = KNOWN.has(op) ? opInfo(op).caches : 0;
    if (op >= HAVE_ARGUMENT) {
      const arg = code[i + 1]! | ext;
      ext = op === EXTENDED_ARG ? arg << 8 : 0;
      out.push({ offset: i, op, arg });
    } else {
      ext = 0;
      out.push({ offset: i, op, arg: null });
    }
  }
  return out;
}

function jumpTarget(d: Decoded): number | null {
  if (d.arg === null || !KNOWN.has(d.op)) return null;
  const info = opInfo(d.op);
  if (info.jump === 'none') return null;
  return d.offset + 2 + (info.jump === 'back' ? -d.arg : d.arg) * 2;
}

const FV = ['', 'str', 'repr', 'ascii'];
const MF = ['defaults', 'kwdefaults', 'annotations', 'closure'];

function argrepr(co: CodeObject, d: Decoded, localsPlus: string[]): string {
  const arg = d.arg!;
  const info = opInfo(d.op);
  switch (info.arg) {
    case 'const':
      // dis shows the value for LOAD_CONST only (KW_NAMES is in hasconst but prints none)
      return d.op === LOAD_CONST && co.co_consts[arg] !== undefined ? reprConst(co.co_consts[arg]!) : '';
    case 'name':
      if (d.op === LOAD_GLOBAL) {
        const n = co.co_names[arg >> 1] ?? '';
        return arg & 1 && n !== '' ? 'NULL + ' + n : n;
      }
      return co.co_names[arg] ?? '';
    case 'jrel':
      return 'to ' + String(jumpTarget(d));
    case 'local':
    case 'free':
      return localsPlus[arg] ?? '';
    case 'cmp':
      return CMP_OP[arg] ?? '';
    default:
      break;
  }
  if (d.op === FORMAT_VALUE) {
    let r = FV[arg & 3]!;
    if (arg & 4) r += (r !== '' ? ', ' : '') + 'with format';
    return r;
  }
  if (d.op === MAKE_FUNCTION) return MF.filter((_, i) => (arg & (1 << i)) !== 0).join(', ');
  if (d.op === BINARY_OP) return NB_OPS[arg] ?? '';
  return '';
}

function disassembleOne(co: CodeObject, out: string[]): void {
  const starts = lineStarts(co);
  const entries = parseExceptionTable(co);
  const ins = unpack(co.co_code);
  const labels = new Set<number>();
  for (const d of ins) {
    const t = jumpTarget(d);
    if (t !== null) labels.add(t);
  }
  for (const e of entries) labels.add(e.target);
  let maxLine = 0;
  for (const l of starts.values()) maxLine = Math.max(maxLine, l);
  const linenoWidth = starts.size === 0 ? 0 : maxLine >= 1000 ? String(maxLine).length : 3;
  const maxOffset = co.co_code.length - 2;
  const offsetWidth = maxOffset >= 10000 ? String(maxOffset).length : 4;
  const localsPlus = co.localsPlusNames();
  for (const d of ins) {
    const line = starts.get(d.offset);
    if (starts.size > 0 && line !== undefined && d.offset > 0) out.push('');
    const f: string[] = [];
    if (linenoWidth > 0) f.push(line !== undefined ? String(line).padStart(linenoWidth) : ' '.repeat(linenoWidth));
    f.push('   ');
    f.push(labels.has(d.offset) ? '>>' : '  ');
    f.push(String(d.offset).padStart(offsetWidth));
    const name = KNOWN.has(d.op) ? opInfo(d.op).name : `<${d.op}>`;
    f.push(name.padEnd(20));
    if (d.arg !== null) {
      f.push(String(d.arg).padStart(5));
      const r = KNOWN.has(d.op) ? argrepr(co, d, localsPlus) : '';
      if (r !== '') f.push('(' + r + ')');
    }
    out.push(f.join(' ').trimEnd());
  }
  if (entries.length > 0) {
    out.push('ExceptionTable:');
    for (const e of entries) out.push(`  ${e.start} to ${e.end - 2} -> ${e.target} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
  }
}

/** The text dis.dis(co) prints (with a trailing newline). */
export function dis(co: CodeObject): string {
  addresses = new WeakMap();
  let n = 0;
  const number = (c: CodeObject): void => {
    addresses.set(c, n++);
    for (const k of c.co_consts) if (k instanceof CodeObject) number(k);
  };
  number(co);
  const out: string[] = [];
  const rec = (c: CodeObject): void => {
    disassembleOne(c, out);
    for (const k of c.co_consts) {
      if (k instanceof CodeObject) {
        out.push('');
        out.push(`Disassembly of ${reprCode(k)}:`);
        rec(k);
      }
    }
  };
  rec(co);
  return out.join('\n') + '\n';
}
