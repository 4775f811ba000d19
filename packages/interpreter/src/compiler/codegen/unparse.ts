// The expression unparser used for `from __future__ import annotations`: the
// string CPython 3.11 stores for an annotation (_PyAST_ExprAsUnicode in
// Python/ast_unparse.c): minimal parentheses by precedence, repr() of constants,
// `...` for Ellipsis, `1e309` for infinities, (yield ...) always parenthesized.
// Returns null for the one form not handled here yet (f-strings in annotations).

import { ELLIPSIS, ComplexConst, type Node } from '../../ast/nodes.js';
import { reprConstant, reprFloat } from '../../ast/repr.js';

const PR = {
  TUPLE: 0, TEST: 1, OR: 2, AND: 3, NOT: 4, CMP: 5, EXPR: 6, BOR: 6, BXOR: 7, BAND: 8, SHIFT: 9, ARITH: 10, TERM: 11,
  FACTOR: 12, POWER: 13, AWAIT: 14, ATOM: 15,
} as const;

const BINOPS: Record<string, [string, number]> = {
  Add: [' + ', PR.ARITH], Sub: [' - ', PR.ARITH], Mult: [' * ', PR.TERM], MatMult: [' @ ', PR.TERM], Div: [' / ', PR.TERM],
  Mod: [' % ', PR.TERM], LShift: [' << ', PR.SHIFT], RShift: [' >> ', PR.SHIFT], BitOr: [' | ', PR.BOR], BitXor: [' ^ ', PR.BXOR],
  BitAnd: [' & ', PR.BAND], FloorDiv: [' // ', PR.TERM], Pow: [' ** ', PR.POWER],
};
const CMPOPS: Record<string, string> = {
  Eq: ' == ', NotEq: ' != ', Lt: ' < ', LtE: ' <= ', Gt: ' > ', GtE: ' >= ', Is: ' is ', IsNot: ' is not ', In: ' in ', NotIn: ' not in ',
};

class Unsupported {}

function constRepr(v: unknown): string {
  if (v === ELLIPSIS) return '...';
  if (typeof v === 'number') return Number.isFinite(v) ? reprFloat(v) : (v < 0 ? '-' : '') + (Number.isNaN(v) ? 'nan' : '1e309');
  if (v instanceof ComplexConst && (!Number.isFinite(v.imag) || !Number.isFinite(v.real))) throw new Unsupported();
  return reprConstant(v as never);
}

function args(a: Node): string {
  const parts: string[] = [];
  const posonly = a.posonlyargs as Node[];
  const all = [...posonly, ...(a.args as Node[])];
  const defaults = a.defaults as Node[];
  const firstDefault = all.length - defaults.length;
  all.forEach((arg, i) => {
    let s = arg.arg as string;
    if (i >= firstDefault) s += '=' + expr(defaults[i - firstDefault]!, PR.TEST);
    parts.push(s);
    if (posonly.length > 0 && i === posonly.length - 1) parts.push('/');
  });
  if (a.vararg !== null || (a.kwonlyargs as Node[]).length > 0) parts.push('*' + (a.vararg !== null ? a.vararg.arg : ''));
  (a.kwonlyargs as Node[]).forEach((arg, i) => {
    const d = a.kw_defaults[i] as Node | null;
    parts.push(arg.arg + (d !== null ? '=' + expr(d, PR.TEST) : ''));
  });
  if (a.kwarg !== null) parts.push('**' + a.kwarg.arg);
  return parts.join(', ');
}

function comprehensions(gens: Node[]): string {
  let s = '';
  for (const g of gens) {
    s += g.is_async ? ' async for ' : ' for ';
    s += expr(g.target, PR.TUPLE) + ' in ' + expr(g.iter, PR.TEST + 1);
    for (const c of g.ifs as Node[]) s += ' if ' + expr(c, PR.TEST + 1);
  }
  return s;
}

function slice(e: Node): string {
  if (e._type === 'Slice') {
    let s = e.lower !== null ? expr(e.lower, PR.TEST) : '';
    s += ':';
    if (e.upper !== null) s += expr(e.upper, PR.TEST);
    if (e.step !== null) s += ':' + expr(e.step, PR.TEST);
    return s;
  }
  if (e._type === 'Tuple' && (e.elts as Node[]).length > 0 && !(e.elts as Node[]).some((x) => x._type === 'Starred')) {
    const items = (e.elts as Node[]).map((x) => slice(x));
    return items.length === 1 ? items[0] + ',' : items.join(', ');
  }
  return expr(e, PR.TUPLE);
}

function paren(cond: boolean, s: string): string {
  return cond ? '(' + s + ')' : s;
}

function expr(e: Node, level: number): string {
  switch (e._type) {
    case 'BoolOp': {
      const pr = e.op === 'And' ? PR.AND : PR.OR;
      return paren(level > pr, (e.values as Node[]).map((v) => expr(v, pr + 1)).join(e.op === 'And' ? ' and ' : ' or '));
    }
    case 'BinOp': {
      const [op, pr] = BINOPS[e.op as string]!;
      const rassoc = e.op === 'Pow' ? 1 : 0;
      return paren(level > pr, expr(e.left, pr + rassoc) + op + expr(e.right, pr + 1 - rassoc));
    }
    case 'UnaryOp': {
      const [op, pr] = e.op === 'Not' ? ['not ', PR.NOT] : e.op === 'Invert' ? ['~', PR.FACTOR] : e.op === 'UAdd' ? ['+', PR.FACTOR] : ['-', PR.FACTOR];
      return paren(level > pr, op + expr(e.operand, pr));
    }
    case 'Lambda': {
      const a = args(e.args);
      return paren(level > PR.TEST, 'lambda' + (a !== '' ? ' ' + a : '') + ': ' + expr(e.body, PR.TEST));
    }
    case 'IfExp':
      return paren(level > PR.TEST, expr(e.body, PR.TEST + 1) + ' if ' + expr(e.test, PR.TEST + 1) + ' else ' + expr(e.orelse, PR.TEST));
    case 'Dict':
      return '{' + (e.values as Node[]).map((v, i) => (e.keys[i] === null ? '**' + expr(v, PR.EXPR) : expr(e.keys[i], PR.TEST) + ': ' + expr(v, PR.TEST))).join(', ') + '}';
    case 'Set':
      return '{' + (e.elts as Node[]).map((x) => expr(x, PR.TEST)).join(', ') + '}';
    case 'ListComp':
      return '[' + expr(e.elt, PR.TEST) + comprehensions(e.generators) + ']';
    case 'SetComp':
      return '{' + expr(e.elt, PR.TEST) + comprehensions(e.generators) + '}';
    case 'DictComp':
      return '{' + expr(e.key, PR.TEST) + ': ' + expr(e.value, PR.TEST) + comprehensions(e.generators) + '}';
    case 'GeneratorExp':
      return '(' + expr(e.elt, PR.TEST) + comprehensions(e.generators) + ')';
    case 'Await':
      return paren(level > PR.AWAIT, 'await ' + expr(e.value, PR.ATOM));
    case 'Yield':
      return e.value === null ? '(yield)' : '(yield ' + expr(e.value, PR.TEST) + ')';
    case 'YieldFrom':
      return '(yield from ' + expr(e.value, PR.TEST) + ')';
    case 'Compare': {
      let s = expr(e.left, PR.CMP + 1);
      (e.ops as string[]).forEach((op, i) => {
        s += CMPOPS[op]! + expr(e.comparators[i], PR.CMP + 1);
      });
      return paren(level > PR.CMP, s);
    }
    case 'Call': {
      let s = expr(e.func, PR.ATOM) + '(';
      const a = e.args as Node[];
      const k = e.keywords as Node[];
      if (a.length === 1 && k.length === 0 && a[0]!._type === 'GeneratorExp') {
        return s + expr(a[0]!, PR.TEST).slice(1, -1) + ')';
      }
      const parts = a.map((x) => expr(x, PR.TEST));
      for (const kw of k) parts.push(kw.arg === null ? '**' + expr(kw.value, PR.TEST) : kw.arg + '=' + expr(kw.value, PR.TEST));
      s += parts.join(', ');
      return s + ')';
    }
    case 'Constant':
      return (e.kind === 'u' ? 'u' : '') + constRepr(e.value);
    case 'Attribute': {
      let v = expr(e.value, PR.ATOM);
      if (e.value._type === 'Constant' && typeof e.value.value === 'bigint') v += ' ';
      return v + '.' + e.attr;
    }
    case 'Subscript':
      return expr(e.value, PR.ATOM) + '[' + slice(e.slice) + ']';
    case 'Starred':
      return '*' + expr(e.value, PR.EXPR);
    case 'Name':
      return e.id as string;
    case 'List':
      return '[' + (e.elts as Node[]).map((x) => expr(x, PR.TEST)).join(', ') + ']';
    case 'Tuple': {
      const elts = e.elts as Node[];
      if (elts.length === 0) return '()';
      const body = elts.map((x) => expr(x, PR.TEST)).join(', ') + (elts.length === 1 ? ',' : '');
      return paren(level > PR.TUPLE, body);
    }
    case 'NamedExpr':
      return paren(level > PR.TUPLE, expr(e.target, PR.ATOM) + ' := ' + expr(e.value, PR.ATOM));
    default:
      throw new Unsupported();
  }
}

/** _PyAST_ExprAsUnicode(e), or null when `e` contains a form not handled here */
export function unparseAnnotation(e: Node): string | null {
  try {
    return expr(e, PR.TEST);
  } catch (x) {
    if (x instanceof Unsupported) return null;
    throw x;
  }
}
