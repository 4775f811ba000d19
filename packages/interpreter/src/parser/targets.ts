// Assignment targets: turning an expression parsed in Load context into a target
// (Store for `=`/`for`/`with`/`:=`/comprehensions, Del for `del`), and the names
// CPython uses for what cannot be a target (pegen's _PyPegen_get_expr_name), for
// messages like "cannot assign to function call".

import type { Node } from '../ast/nodes.js';

/**
 * Set the context of target `n` (recursively through Tuple/List/Starred) and
 * return null, or return the first sub-expression that cannot be a target.
 * Attribute and Subscript change only their own ctx, as in CPython.
 */
export function setContext(n: Node, ctx: 'Store' | 'Del'): Node | null {
  switch (n._type) {
    case 'Name':
    case 'Attribute':
    case 'Subscript':
      n.ctx = ctx;
      return null;
    case 'Starred':
      if (ctx === 'Del') return n;
      n.ctx = ctx;
      return setContext(n.value as Node, ctx);
    case 'Tuple':
    case 'List': {
      for (const e of n.elts as Node[]) {
        const bad = setContext(e, ctx);
        if (bad !== null) return bad;
      }
      n.ctx = ctx;
      return null;
    }
    default:
      return n;
  }
}

/** Find the invalid target without mutating (pegen's _PyPegen_get_invalid_target). */
export function invalidTarget(n: Node, ctx: 'Store' | 'Del' | 'For'): Node | null {
  switch (n._type) {
    case 'Name':
    case 'Attribute':
    case 'Subscript':
      return null;
    case 'Starred':
      if (ctx === 'Del') return n;
      return invalidTarget(n.value as Node, ctx);
    case 'Compare':
      // `for x in y` inside a for target: the `in` comparison is the iterable
      if (ctx === 'For' && n.ops.length > 0 && n.ops[0] === 'In') return invalidTarget(n.left as Node, ctx);
      return n;
    case 'Tuple':
    case 'List':
      for (const e of n.elts as Node[]) {
        const bad = invalidTarget(e, ctx);
        if (bad !== null) return bad;
      }
      return null;
    default:
      return n;
  }
}

/** The description pegen uses for an expression in "cannot assign to %s". */
export function exprName(n: Node): string {
  switch (n._type) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp':
    case 'BinOp':
    case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield':
    case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr':
    case 'FormattedValue': return 'f-string expression';
    case 'Constant': {
      const v = n.value;
      if (v === null) return 'None';
      if (v === true) return 'True';
      if (v === false) return 'False';
      if (typeof v === 'symbol') return 'ellipsis';
      return 'literal';
    }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    default: return n._type;
  }
}
