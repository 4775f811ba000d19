// The AST optimizer of CPython 3.11 (Python/ast_opt.c semantics): constant
// folding of unary and binary operators on constants within CPython's size
// limits, tuples of constants, `x in [..]` / `for x in [..]` iterables turned into
// tuples / frozensets, subscripts of constants, `not (a is b)` → `a is not b`, and
// `__debug__` → True. Nodes are rewritten in place (a folded node becomes a
// Constant with the same position), children before parents.

import { NODE_TYPES, CodePointStr, ComplexConst, type Node } from '../../ast/nodes.js';
import { ConstTuple, ConstFrozenSet, type PyConst } from '../../bytecode/code-object.js';
import { constKey } from '../codegen/consts.js';
import {
  intAdd, intSub, intMul, intFloorDiv, intMod, intPow, intLshift, intRshift, intAnd, intOr, intXor, intBitLength,
  floatMod, floatFloorDiv, floatPow, isExc, type PyInt,
} from '@pynogil/collections';

const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

const NOT_FOLDED = Symbol('not folded');
type Folded = PyConst | typeof NOT_FOLDED;

/**
 * Fold the whole tree in place (_PyAST_Optimize with optimize = 0). Under
 * `from __future__ import annotations` annotations are left as written: they
 * become strings (astfold_arg / AnnAssign / returns skip them).
 */
export function optimizeAst(mod: Node, futureAnnotations = false): void {
  visit(mod, futureAnnotations);
}

function isAnnotationField(n: Node, field: string): boolean {
  return (field === 'annotation' && (n._type === 'arg' || n._type === 'AnnAssign'))
    || (field === 'returns' && (n._type === 'FunctionDef' || n._type === 'AsyncFunctionDef'));
}

function visit(n: Node, skipAnnotations: boolean): void {
  const info = NODE_TYPES[n._type];
  if (info === undefined) return;
  for (const [field, kind] of info.fields) {
    if (skipAnnotations && isAnnotationField(n, field)) continue;
    if (kind === 'node' || kind === 'node?') {
      const c = n[field] as Node | null;
      if (c !== null && c !== undefined) visit(c, skipAnnotations);
    } else if (kind === 'nodes' || kind === 'nodes?') {
      for (const c of n[field] as (Node | null)[]) if (c !== null) visit(c, skipAnnotations);
    }
  }
  fold(n);
}

function makeConst(n: Node, value: PyConst): void {
  const pos = [n.lineno, n.col_offset, n.end_lineno, n.end_col_offset];
  for (const k of Object.keys(n)) delete n[k];
  n._type = 'Constant';
  n.value = value;
  n.kind = null;
  n.lineno = pos[0];
  n.col_offset = pos[1];
  n.end_lineno = pos[2];
  n.end_col_offset = pos[3];
}

function isConstNode(n: Node | null): boolean {
  return n !== null && n._type === 'Constant';
}

function fold(n: Node): void {
  switch (n._type) {
    case 'Name':
      if (n.ctx === 'Load' && n.id === '__debug__') makeConst(n, true);
      return;
    case 'UnaryOp':
      foldUnary(n);
      return;
    case 'BinOp':
      if (n.op === 'Mod' && isConstNode(n.left) && typeof n.left.value === 'string' && n.right._type === 'Tuple'
        && !(n.right.elts as Node[]).some((e) => e._type === 'Starred')) {
        optimizeFormat(n, n.left.value as string, n.right.elts as Node[]);
        return;
      }
      if (isConstNode(n.left) && isConstNode(n.right)) {
        const r = binop(n.op as string, n.left.value as PyConst, n.right.value as PyConst);
        if (r !== NOT_FOLDED) makeConst(n, r);
      }
      return;
    case 'Tuple':
      if (n.ctx === 'Load' && (n.elts as Node[]).every((e) => e._type === 'Constant')) {
        makeConst(n, new ConstTuple((n.elts as Node[]).map((e) => e.value as PyConst)));
      }
      return;
    case 'Subscript':
      if (n.ctx === 'Load' && isConstNode(n.value) && isConstNode(n.slice)) {
        const r = subscr(n.value.value as PyConst, n.slice.value as PyConst);
        if (r !== NOT_FOLDED) makeConst(n, r);
      }
      return;
    case 'Compare': {
      const ops = n.ops as string[];
      const last = ops[ops.length - 1];
      if (last === 'In' || last === 'NotIn') foldIter(n.comparators[n.comparators.length - 1]);
      return;
    }
    case 'For':
    case 'AsyncFor':
    case 'comprehension':
      foldIter(n.iter);
      return;
    default:
      return;
  }
}

/** fold_iter: a list display becomes a tuple (constant when all items are), a set of constants a frozenset */
function foldIter(arg: Node): void {
  if (arg._type === 'List') {
    const elts = arg.elts as Node[];
    if (elts.some((e) => e._type === 'Starred')) return;
    const allConst = elts.every((e) => e._type === 'Constant');
    if (allConst) {
      makeConst(arg, new ConstTuple(elts.map((e) => e.value as PyConst)));
    } else {
      const pos = [arg.lineno, arg.col_offset, arg.end_lineno, arg.end_col_offset];
      const ctx = arg.ctx;
      for (const k of Object.keys(arg)) delete arg[k];
      Object.assign(arg, { _type: 'Tuple', elts, ctx, lineno: pos[0], col_offset: pos[1], end_lineno: pos[2], end_col_offset: pos[3] });
    }
  } else if (arg._type === 'Set') {
    const elts = arg.elts as Node[];
    if (elts.every((e) => e._type === 'Constant')) makeConst(arg, new ConstFrozenSet(setItems(elts.map((e) => e.value as PyConst))));
  }
}

const INVERTED: Record<string, string> = { Is: 'IsNot', IsNot: 'Is', In: 'NotIn', NotIn: 'In' };

function foldUnary(n: Node): void {
  const arg = n.operand as Node;
  if (n.op === 'Not' && arg._type === 'Compare' && arg.ops.length === 1) {
    const inv = INVERTED[arg.ops[0] as string];
    if (inv !== undefined) {
      // COPY_NODE(node, arg): the comparison's own position is kept
      const pos = [arg.lineno, arg.col_offset, arg.end_lineno, arg.end_col_offset];
      const cmp = { _type: 'Compare', left: arg.left, ops: [inv], comparators: arg.comparators };
      for (const k of Object.keys(n)) delete n[k];
      Object.assign(n, cmp, { lineno: pos[0], col_offset: pos[1], end_lineno: pos[2], end_col_offset: pos[3] });
      return;
    }
  }
  if (arg._type !== 'Constant') return;
  const v = arg.value as PyConst;
  let r: Folded = NOT_FOLDED;
  switch (n.op) {
    case 'Not':
      r = !truth(v);
      break;
    case 'USub':
      if (typeof v === 'bigint') r = -v;
      else if (typeof v === 'boolean') r = v ? -1n : 0n;
      else if (typeof v === 'number') r = -v;
      else if (v instanceof ComplexConst) r = new ComplexConst(-v.real, -v.imag);
      break;
    case 'UAdd':
      if (typeof v === 'bigint' || typeof v === 'number' || v instanceof ComplexConst) r = v;
      else if (typeof v === 'boolean') r = v ? 1n : 0n;
      break;
    case 'Invert':
      if (typeof v === 'bigint') r = ~v;
      else if (typeof v === 'boolean') r = v ? -2n : -1n;
      break;
    default:
      break;
  }
  if (r !== NOT_FOLDED) makeConst(n, r);
}

function truth(v: PyConst): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (v instanceof CodePointStr) return v.codePoints.length > 0;
  if (v instanceof Uint8Array) return v.length > 0;
  if (v instanceof ComplexConst) return v.real !== 0 || v.imag !== 0;
  if (v instanceof ConstTuple || v instanceof ConstFrozenSet) return v.items.length > 0;
  return true;
}

function asInt(v: PyConst): bigint | null {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return null;
}

function toBig(x: PyInt): bigint {
  return typeof x === 'bigint' ? x : BigInt(x);
}

function bitLen(x: bigint): number {
  return intBitLength(x);
}

function intResult(r: ReturnType<typeof intAdd>): Folded {
  if (isExc(r)) return NOT_FOLDED;
  return toBig(r as PyInt);
}

/** numbers as floats for mixed int/float arithmetic; null when not exactly convertible here */
function asFloat(v: PyConst): number | null {
  if (typeof v === 'number') return v;
  const i = asInt(v);
  if (i === null) return null;
  if (i > 9007199254740992n || i < -9007199254740992n) return null;
  return Number(i);
}

function strLen(v: PyConst): number {
  return typeof v === 'string' ? [...v].length : v instanceof CodePointStr ? v.codePoints.length : -1;
}

function binop(op: string, l: PyConst, r: PyConst): Folded {
  const li = asInt(l);
  const ri = asInt(r);
  if (li !== null && ri !== null) {
    switch (op) {
      case 'Add': return intResult(intAdd(li, ri));
      case 'Sub': return intResult(intSub(li, ri));
      case 'Mult':
        if (li !== 0n && ri !== 0n && bitLen(li) + bitLen(ri) > MAX_INT_SIZE) return NOT_FOLDED;
        return intResult(intMul(li, ri));
      case 'FloorDiv': return ri === 0n ? NOT_FOLDED : intResult(intFloorDiv(li, ri));
      case 'Mod': return ri === 0n ? NOT_FOLDED : intResult(intMod(li, ri));
      case 'Pow': {
        if (ri < 0n) {
          const f = intPow(li, ri);
          return isExc(f) ? NOT_FOLDED : (typeof f === 'number' ? f : NOT_FOLDED);
        }
        if (li !== 0n && ri > 0n && BigInt(bitLen(li)) * ri > BigInt(MAX_INT_SIZE)) return NOT_FOLDED;
        const p = intPow(li, ri);
        if (isExc(p)) return NOT_FOLDED;
        return toBig(p as PyInt);
      }
      case 'LShift':
        if (ri < 0n) return NOT_FOLDED;
        if (li !== 0n && (ri > BigInt(MAX_INT_SIZE) || BigInt(bitLen(li)) > BigInt(MAX_INT_SIZE) - ri)) return NOT_FOLDED;
        return intResult(intLshift(li, ri));
      case 'RShift': return ri < 0n ? NOT_FOLDED : intResult(intRshift(li, ri));
      // bool & | ^ bool stays a bool
      case 'BitAnd': return typeof l === 'boolean' && typeof r === 'boolean' ? l && r : toBig(intAnd(li, ri));
      case 'BitOr': return typeof l === 'boolean' && typeof r === 'boolean' ? l || r : toBig(intOr(li, ri));
      case 'BitXor': return typeof l === 'boolean' && typeof r === 'boolean' ? l !== r : toBig(intXor(li, ri));
      case 'Div': {
        const a = asFloat(l);
        const b = asFloat(r);
        if (a === null || b === null || b === 0) return NOT_FOLDED;
        return a / b;
      }
      default: return NOT_FOLDED;
    }
  }
  if ((typeof l === 'number' || li !== null) && (typeof r === 'number' || ri !== null)) {
    const a = asFloat(l);
    const b = asFloat(r);
    if (a === null || b === null) return NOT_FOLDED;
    switch (op) {
      case 'Add': return a + b;
      case 'Sub': return a - b;
      case 'Mult': return a * b;
      case 'Div': return b === 0 ? NOT_FOLDED : a / b;
      case 'FloorDiv': {
        const x = floatFloorDiv(a, b);
        return isExc(x) ? NOT_FOLDED : (x as number);
      }
      case 'Mod': {
        const x = floatMod(a, b);
        return isExc(x) ? NOT_FOLDED : (x as number);
      }
      case 'Pow': {
        const x = floatPow(a, b);
        return typeof x === 'number' ? x : NOT_FOLDED;
      }
      default: return NOT_FOLDED;
    }
  }
  if (l instanceof ComplexConst || r instanceof ComplexConst) return complexBinop(op, l, r);
  // sequences
  const ls = strLen(l);
  const rs = strLen(r);
  if (op === 'Add') {
    if (typeof l === 'string' && typeof r === 'string') return l + r;
    if (l instanceof Uint8Array && r instanceof Uint8Array) {
      const o = new Uint8Array(l.length + r.length);
      o.set(l);
      o.set(r, l.length);
      return o;
    }
    if (l instanceof ConstTuple && r instanceof ConstTuple) return new ConstTuple([...l.items, ...r.items]);
    return NOT_FOLDED;
  }
  if (op === 'Mult') {
    let seq = l;
    let cnt = ri;
    if (cnt === null) {
      seq = r;
      cnt = li;
    }
    if (cnt === null) return NOT_FOLDED;
    const n = cnt < 0n ? 0 : cnt > 1_000_000n ? 1_000_001 : Number(cnt);
    if (typeof seq === 'string') {
      const len = seq === l ? ls : rs;
      if (len > 0 && n > MAX_STR_SIZE / len) return NOT_FOLDED;
      return seq.repeat(n);
    }
    if (seq instanceof Uint8Array) {
      if (seq.length > 0 && n > MAX_STR_SIZE / seq.length) return NOT_FOLDED;
      const o = new Uint8Array(seq.length * n);
      for (let k = 0; k < n; k++) o.set(seq, k * seq.length);
      return o;
    }
    if (seq instanceof ConstTuple) {
      const size = seq.items.length;
      if (size > 0 && n > MAX_COLLECTION_SIZE / size) return NOT_FOLDED;
      if (n > 0 && countItems(seq) * n > MAX_TOTAL_ITEMS) return NOT_FOLDED;
      const items: PyConst[] = [];
      for (let k = 0; k < n; k++) items.push(...seq.items);
      return new ConstTuple(items);
    }
  }
  return NOT_FOLDED;
}

/** check_complexity: items of nested constant tuples/frozensets */
function countItems(t: ConstTuple | ConstFrozenSet): number {
  let c = t.items.length;
  for (const x of t.items) if (x instanceof ConstTuple || x instanceof ConstFrozenSet) c += countItems(x);
  return c;
}

function subscr(v: PyConst, i: PyConst): Folded {
  const idx = asInt(i);
  if (idx === null) return NOT_FOLDED;
  if (typeof v === 'string') {
    const cps = [...v];
    const k = Number(idx < 0n ? idx + BigInt(cps.length) : idx);
    if (k < 0 || k >= cps.length) return NOT_FOLDED;
    return cps[k]!;
  }
  if (v instanceof Uint8Array) {
    const k = Number(idx < 0n ? idx + BigInt(v.length) : idx);
    if (k < 0 || k >= v.length) return NOT_FOLDED;
    return BigInt(v[k]!);
  }
  if (v instanceof ConstTuple) {
    const k = Number(idx < 0n ? idx + BigInt(v.items.length) : idx);
    if (k < 0 || k >= v.items.length) return NOT_FOLDED;
    return v.items[k]!;
  }
  return NOT_FOLDED;
}

// ---- optimize_format: '%s %r' % (a, b) → f'{a!s} {b!r}' ---------------------------

function noPosConst(value: string): Node {
  return { _type: 'Constant', value, kind: null, lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };
}

/** parse_literal: text up to the next lone '%', with '%%' → '%' */
function parseLiteral(fmt: string, pos: { p: number }): Node | null {
  const start = pos.p;
  let p = start;
  let hasPercents = false;
  while (p < fmt.length) {
    if (fmt[p] !== '%') p++;
    else if (p + 1 < fmt.length && fmt[p + 1] === '%') {
      hasPercents = true;
      p += 2;
    } else break;
  }
  pos.p = p;
  if (p === start) return null;
  let str = fmt.slice(start, p);
  if (hasPercents) str = str.split('%%').join('%');
  return noPosConst(str);
}

/** simple_format_arg_parse + parse_format: one %-unit as a FormattedValue, or null */
function parseFormat(fmt: string, pos: { p: number }, arg: Node): Node | null {
  let p = pos.p;
  let ch = '';
  const next = (): boolean => {
    if (p >= fmt.length) return false;
    ch = fmt[p++]!;
    return true;
  };
  let ljust = false;
  for (;;) {
    if (!next()) return null;
    if (ch === '-') {
      ljust = true;
      continue;
    }
    if (ch === '+' || ch === ' ' || ch === '#' || ch === '0') continue;
    break;
  }
  let width = -1;
  let prec = -1;
  // MAXDIGITS = 3: widths and precisions of three or more digits are not converted
  if (ch >= '0' && ch <= '9') {
    width = 0;
    let digits = 0;
    while (ch >= '0' && ch <= '9') {
      width = width * 10 + (ch.charCodeAt(0) - 48);
      if (!next()) return null;
      if (++digits >= 3) return null;
    }
  }
  if (ch === '.') {
    if (!next()) return null;
    prec = 0;
    let digits = 0;
    while (ch >= '0' && ch <= '9') {
      prec = prec * 10 + (ch.charCodeAt(0) - 48);
      if (!next()) return null;
      if (++digits >= 3) return null;
    }
  }
  pos.p = p;
  if (ch !== 's' && ch !== 'r' && ch !== 'a') return null;
  let spec = '';
  if (!ljust && width > 0) spec += '>';
  if (width >= 0) spec += String(width);
  if (prec >= 0) spec += '.' + String(prec);
  return {
    _type: 'FormattedValue', value: arg, conversion: ch.charCodeAt(0), format_spec: spec === '' ? null : noPosConst(spec),
    lineno: arg.lineno, col_offset: arg.col_offset, end_lineno: arg.end_lineno, end_col_offset: arg.end_col_offset,
  };
}

function optimizeFormat(n: Node, fmt: string, elts: Node[]): void {
  const pos = { p: 0 };
  let cnt = 0;
  const seq: Node[] = [];
  for (;;) {
    const lit = parseLiteral(fmt, pos);
    if (lit !== null) seq.push(lit);
    if (pos.p >= fmt.length) break;
    if (cnt >= elts.length) return;
    pos.p++;
    const e = parseFormat(fmt, pos, elts[cnt]!);
    cnt++;
    if (e === null) return;
    seq.push(e);
  }
  if (cnt < elts.length) return;
  const p = [n.lineno, n.col_offset, n.end_lineno, n.end_col_offset];
  for (const k of Object.keys(n)) delete n[k];
  Object.assign(n, { _type: 'JoinedStr', values: seq, lineno: p[0], col_offset: p[1], end_lineno: p[2], end_col_offset: p[3] });
}

function asComplex(v: PyConst): ComplexConst | null {
  if (v instanceof ComplexConst) return v;
  const f = asFloat(v);
  return f === null ? null : new ComplexConst(f, 0);
}

/** complex + - * (complex_add, complex_sub, complex_mul); other operators are not folded here */
function complexBinop(op: string, l: PyConst, r: PyConst): Folded {
  const a = asComplex(l);
  const b = asComplex(r);
  if (a === null || b === null) return NOT_FOLDED;
  switch (op) {
    case 'Add': return new ComplexConst(a.real + b.real, a.imag + b.imag);
    case 'Sub': return new ComplexConst(a.real - b.real, a.imag - b.imag);
    case 'Mult': return new ComplexConst(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real);
    case 'Div': {
      // _Py_c_quot (Smith's method); division by zero is left to run time
      const absBr = Math.abs(b.real);
      const absBi = Math.abs(b.imag);
      if (absBr >= absBi) {
        if (absBr === 0) return NOT_FOLDED;
        const ratio = b.imag / b.real;
        const denom = b.real + b.imag * ratio;
        return new ComplexConst((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom);
      }
      if (absBi >= absBr) {
        const ratio = b.real / b.imag;
        const denom = b.real * ratio + b.imag;
        return new ComplexConst((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom);
      }
      return new ComplexConst(NaN, NaN);
    }
    default: return NOT_FOLDED;
  }
}

/** Python equality class of a number constant (True == 1 == 1.0), else null */
function numericKey(v: PyConst): string | null {
  if (typeof v === 'boolean') return v ? 'n1' : 'n0';
  if (typeof v === 'bigint') return 'n' + v.toString();
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return 'n' + BigInt(v).toString();
    return Number.isNaN(v) ? null : 'f' + String(v);
  }
  if (v instanceof ComplexConst && v.imag === 0) return numericKey(v.real);
  return null;
}

/** PyFrozenSet_New of the items: equal items (by Python ==) keep the first one */
function setItems(items: PyConst[]): PyConst[] {
  const seen = new Set<string>();
  const out: PyConst[] = [];
  for (const v of items) {
    const k = numericKey(v) ?? constKey(v);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}
