// Expressions of Python 3.11 (Grammar/python.gram, "EXPRESSIONS" section, and the
// Python reference chapter 6): star_expressions, named expressions, the ternary,
// lambdas and parameter lists, boolean operators, comparisons, binary and unary
// operators, power/await and yield; primaries and atoms are in atoms.ts. Binary operators use
// precedence climbing over the levels bitwise_or … term; everything else is one
// method per grammar rule. Node positions are the rule's EXTRA span: from the first
// token of the rule to the last token it consumed, as pegen sets them.

import type { Token } from '../lexer/token.js';
import { TokenKind } from '../lexer/token.js';
import type { Node } from '../ast/nodes.js';
import { KEYWORDS, identifier } from './base.js';
import { AtomParser } from './atoms.js';
import { FAIL } from './errors.js';
import { exprName } from './targets.js';

const { NAME, NUMBER, STRING, OP } = TokenKind;

// binary operator → [precedence, ast operator name]; precedence 1 = `|` … 6 = term
const BINOPS: ReadonlyMap<string, readonly [number, string]> = new Map([
  ['|', [1, 'BitOr']], ['^', [2, 'BitXor']], ['&', [3, 'BitAnd']],
  ['<<', [4, 'LShift']], ['>>', [4, 'RShift']],
  ['+', [5, 'Add']], ['-', [5, 'Sub']],
  ['*', [6, 'Mult']], ['/', [6, 'Div']], ['//', [6, 'FloorDiv']], ['%', [6, 'Mod']], ['@', [6, 'MatMult']],
] as const);

const CMPOPS: ReadonlyMap<string, string> = new Map([
  ['==', 'Eq'], ['!=', 'NotEq'], ['<', 'Lt'], ['<=', 'LtE'], ['>', 'Gt'], ['>=', 'GtE'],
]);

const UNARY: ReadonlyMap<string, string> = new Map([['+', 'UAdd'], ['-', 'USub'], ['~', 'Invert']]);

/** Tokens after which no expression rule continues (for the atom fast path). */
const ENDS_EXPRESSION: ReadonlySet<string> = new Set([',', ')', ']', '}', ':', '=', ';']);

/** The operator levels of expressions, over the primaries and atoms of AtomParser. */
export class ExpressionParser extends AtomParser {

  // ---- star_expressions / named expressions ---------------------------------------

  /** star_expressions: star_expression (',' star_expression)* [','] → Tuple if a comma */
  parseStarExpressions(): Node {
    const s = this.tok;
    const first = this.parseStarExpression();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.acceptOp(',')) {
      if (!this.startsExpression()) break;
      elts.push(this.parseStarExpression());
    }
    return this.tupleFrom(elts, s);
  }

  /** star_expression: '*' bitwise_or | expression */
  parseStarExpression(): Node {
    if (this.isOp('*')) {
      const t = this.advance();
      const v = this.parseBitwiseOr();
      return { _type: 'Starred', value: v, ctx: 'Load', lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
    }
    return this.parseExpression();
  }

  /** star_named_expressions: ','.star_named_expression+ [','] (as a list) */
  parseStarNamedExpressionList(close: string): Node[] {
    const elts: Node[] = [];
    while (!this.isOp(close)) {
      elts.push(this.parseStarNamedExpression());
      if (!this.acceptOp(',')) break;
    }
    return elts;
  }

  /** star_named_expression: '*' bitwise_or | named_expression */
  parseStarNamedExpression(): Node {
    if (this.isOp('*')) {
      const t = this.advance();
      const v = this.parseBitwiseOr();
      return { _type: 'Starred', value: v, ctx: 'Load', lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
    }
    return this.parseNamedExpression();
  }

  /**
   * named_expression: assignment_expression | expression !':='.
   * `withInvalid` = false gives the call-argument form, which has no
   * invalid_named_expression alternative.
   */
  parseNamedExpression(withInvalid = true): Node {
    const t = this.tok;
    if (t.kind === NAME && !KEYWORDS.has(t.value)) {
      const n = this.peekAt(1);
      if (n.kind === OP && n.value === ':=') {
        this.pos += 2;
        const v = this.parseExpression();
        return {
          _type: 'NamedExpr',
          target: { _type: 'Name', id: identifier(t.value), ctx: 'Store', lineno: t.lineno, col_offset: t.col, end_lineno: t.endLineno, end_col_offset: t.endCol },
          value: v, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol,
        };
      }
    }
    const e = this.parseExpression();
    if (this.isOp(':=')) {
      if (this.checkInvalid) {
        // invalid_named_expression: a=expression ':=' expression
        const save = this.pos++;
        try {
          this.parseExpression();
        } catch (x) {
          if (x !== FAIL) throw x;
          this.backtrack(save);
          this.fail();
        }
        this.raiseAt(`cannot use assignment expressions with ${exprName(e)}`, e);
      }
      this.fail();
    }
    if (withInvalid && this.checkInvalid && this.isOp('=')) this.invalidNamedExpression(e, t);
    return e;
  }

  /** invalid_named_expression: `a = b` where a comparison or walrus was meant */
  invalidNamedExpression(e: Node, start: Token): void {
    const t = e._type;
    const nameAlt = t === 'Name' && start.kind === NAME;
    if (!nameAlt) {
      // !(list | tuple | genexp | 'True' | 'None' | 'False') a=bitwise_or
      if (start.kind === OP && start.value === '[') return;
      if (t === 'List' || t === 'Tuple' || t === 'GeneratorExp') return;
      if (t === 'Constant' && (e.value === true || e.value === false || e.value === null)) return;
      if (!isBitwiseOr(e)) return;
    }
    const save = this.pos;
    this.pos++;
    try {
      const b = this.parseBitwiseOr();
      if (this.isOp('=') || this.isOp(':=')) return;
      if (nameAlt) this.raiseAt("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e, b);
      this.raiseAt(`cannot assign to ${exprName(e)} here. Maybe you meant '==' instead of '='?`, e);
    } catch (x) {
      if (x !== FAIL) throw x;
    } finally {
      this.backtrack(save);
    }
  }

  /** can the current token start an expression (used after a trailing comma) */
  startsExpression(): boolean {
    const t = this.tok;
    switch (t.kind) {
      case NAME:
        if (!KEYWORDS.has(t.value)) return true;
        switch (t.value) {
          case 'None': case 'True': case 'False': case 'not': case 'lambda': case 'await': return true;
          default: return false;
        }
      case NUMBER:
      case STRING:
        return true;
      case OP:
        switch (t.value) {
          case '(': case '[': case '{': case '-': case '+': case '~': case '*': case '...': return true;
          default: return false;
        }
      default:
        return false;
    }
  }

  // ---- expression / ternary / lambda ------------------------------------------------

  /** expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
  parseExpression(): Node {
    if (this.memo === null) {
      // Fast path (first pass only): a lone name / number / string followed by a
      // token that ends every expression rule is that atom — the most common
      // expression by far; skips the ten precedence levels above atoms.
      const t = this.tokens[this.pos]!;
      const k = t.kind;
      if ((k === NAME && !KEYWORDS.has(t.value)) || k === NUMBER || k === STRING) {
        const n = this.tokens[this.pos + 1];
        if (n !== undefined && (n.kind === TokenKind.NEWLINE || (n.kind === OP && ENDS_EXPRESSION.has(n.value)))) return this.parseAtom();
      }
      return this.parseExpressionRule();
    }
    // second pass: `expression` is memoized as in pegen — and, as there, the memo
    // does not know whether the invalid_* rules were on when it was filled
    const start = this.pos;
    const hit = this.memo.get(start);
    if (hit !== undefined) {
      if (hit === FAIL) this.fail();
      this.pos = this.memoEnd.get(start)!;
      return hit as Node;
    }
    try {
      const n = this.parseExpressionRule();
      this.memo.set(start, n);
      this.memoEnd.set(start, this.pos);
      return n;
    } catch (x) {
      if (x === FAIL) this.memo.set(start, FAIL);
      throw x;
    }
  }


  parseExpressionRule(): Node {
    this.enter();
    try {
      if (this.isKw('lambda')) return this.parseLambda();
      if (this.checkInvalid) this.invalidExpression();
      const s = this.tok;
      const a = this.parseDisjunction();
      if (!this.isKw('if')) return a;
      const save = this.pos;
      this.pos++;
      let b: Node;
      try {
        b = this.parseDisjunction();
      } catch (x) {
        if (x !== FAIL) throw x;
        this.backtrack(save);
        return a;
      }
      if (!this.acceptKw('else')) {
        this.backtrack(save);
        return a;
      }
      const c = this.parseExpression();
      return { _type: 'IfExp', test: b, body: a, orelse: c, lineno: s.lineno, col_offset: s.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
    } finally {
      this.depth--;
    }
  }

  /**
   * invalid_expression and invalid_legacy_expression (second pass only):
   * `a b` inside brackets → "Perhaps you forgot a comma?"; `a if b` without
   * else; `print x` / `exec x` → "Missing parentheses in call to ...".
   * The probes run without invalid checks (expression_without_invalid).
   */
  invalidExpression(): void {
    const save = this.pos;
    const t = this.tok;
    // (lookaheads fetch the next token only when the first one matched, as in pegen)
    const nameThenString = t.kind === NAME && this.peekAt(1).kind === STRING;
    try {
      // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
      if (!(nameThenString || (t.kind === NAME && (t.value === 'match' || t.value === 'case' || t.value === '_')))) {
        try {
          const a = this.parseDisjunction();
          if (this.startsExpression() && !this.isKw('not')) {
            this.checkInvalid = false;
            let b: Node;
            try {
              b = this.parseExpression();
            } finally {
              this.checkInvalid = true;
            }
            if (!isLegacy(a) && this.levelAt(this.pos - 1) > 0) this.raiseAt('invalid syntax. Perhaps you forgot a comma?', a, b);
          }
        } catch (x) {
          if (x !== FAIL) throw x;
        }
        this.backtrack(save);
      }
      // a=disjunction 'if' b=disjunction !('else'|':')
      try {
        const a = this.parseDisjunction();
        if (this.acceptKw('if')) {
          const b = this.parseDisjunction();
          if (!this.isKw('else') && !this.isOp(':')) this.raiseAt("expected 'else' after 'if' expression", a, b);
        }
      } catch (x) {
        if (x !== FAIL) throw x;
      }
      this.backtrack(save);
      // invalid_legacy_expression: a=NAME !'(' b=star_expressions; the action checks the name
      if (t.kind === NAME && !KEYWORDS.has(t.value) && !(this.peekAt(1).kind === OP && this.peekAt(1).value === '(')) {
        try {
          this.pos++;
          const b = this.parseStarExpressions();
          if (t.value === 'print' || t.value === 'exec') {
            this.raiseAt(`Missing parentheses in call to '${t.value}'. Did you mean ${t.value}(...)?`, t, b);
          }
        } catch (x) {
          if (x !== FAIL) throw x;
        }
      }
    } finally {
      this.backtrack(save);
    }
  }

  /** lambdef: 'lambda' [lambda_params] ':' expression */
  parseLambda(): Node {
    const t = this.advance();
    const args = this.parseParameters(':', false);
    this.expectOp(':');
    const body = this.parseExpression();
    return { _type: 'Lambda', args, body, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
  }

  /**
   * parameters / lambda_parameters: the parameter list of a def (annotations allowed)
   * or a lambda, up to (not including) `close`. Builds an `arguments` node.
   */
  parseParameters(close: string, annotations: boolean): Node {
    const posonly: Node[] = [];
    let args: Node[] = [];
    const defaults: Node[] = [];
    let vararg: Node | null = null;
    const kwonly: Node[] = [];
    const kwDefaults: (Node | null)[] = [];
    let kwarg: Node | null = null;
    let starSeen = false;
    let slashSeen = false;
    while (!this.isOp(close)) {
      if (kwarg !== null) {
        if (this.checkInvalid) this.raiseAt('arguments cannot follow var-keyword argument', this.tok);
        this.fail();
      }
      if (this.isOp('/')) {
        if (slashSeen || starSeen || args.length === 0) {
          if (this.checkInvalid) this.invalidSlash(slashSeen, starSeen);
          this.fail();
        }
        this.pos++;
        // invalid_parameters: param_maybe_default+ '/' a='*'
        if (this.checkInvalid && this.isOp('*')) this.raiseAt('expected comma between / and *', this.tok);
        slashSeen = true;
        posonly.push(...args);
        args = [];
      } else if (this.isOp('*')) {
        const star = this.advance();
        if (starSeen) {
          if (this.checkInvalid) this.raiseAt('* argument may appear only once', star);
          this.fail();
        }
        starSeen = true;
        if (this.isOp(',') || this.isOp(close)) {
          // bare `*`: keyword-only marker; needs at least one keyword-only parameter
          if (this.isOp(close) || this.peekAt(1).kind === OP && (this.peekAt(1).value === close || this.peekAt(1).value === '**')) {
            if (this.checkInvalid) {
              // def: at the '*' (KNOWN_LOCATION); lambda: at the last token fetched
              this.raiseAt('named arguments must follow bare *', annotations ? star : this.isOp(close) ? this.tok : this.peekAt(1));
            }
            this.fail();
          }
        } else {
          vararg = this.parseParam(annotations, true);
          if (this.isOp('=')) {
            if (this.checkInvalid) this.raiseAt('var-positional argument cannot have default value', this.tok);
            this.fail();
          }
        }
      } else if (this.isOp('**')) {
        this.pos++;
        kwarg = this.parseParam(annotations, false);
        if (this.isOp('=')) {
          if (this.checkInvalid) this.raiseAt('var-keyword argument cannot have default value', this.tok);
          this.fail();
        }
      } else {
        if (this.checkInvalid && this.isOp('(') && defaults.length === 0 && !starSeen) this.invalidParenthesizedParams(annotations);
        const p = this.parseParam(annotations, false);
        let dflt: Node | null = null;
        if (this.isOp('=')) {
          const eq = this.advance();
          if (this.checkInvalid && (this.isOp(',') || this.isOp(close))) this.raiseAt('expected default value expression', eq);
          dflt = this.parseExpression();
        }
        if (starSeen) {
          kwonly.push(p);
          kwDefaults.push(dflt);
        } else {
          args.push(p);
          if (dflt !== null) defaults.push(dflt);
          else if (defaults.length > 0) {
            // param_no_default needs the parameter to end here (',' or the closer)
            if (this.checkInvalid && (this.isOp(',') || this.isOp(close))) this.raiseAt('non-default argument follows default argument', p);
            this.fail();
          }
        }
      }
      if (!this.acceptOp(',')) break;
    }
    if (!this.isOp(close)) this.fail();
    return { _type: 'arguments', posonlyargs: posonly, args, vararg, kwonlyargs: kwonly, kw_defaults: kwDefaults, kwarg, defaults };
  }

  /** `def f((a, b)):` → "Function parameters cannot be parenthesized" */
  invalidParenthesizedParams(isDef: boolean): void {
    const save = this.pos;
    const open = this.advance();
    try {
      do {
        if (this.isOp(')')) break;
        this.expectName();
      } while (this.acceptOp(','));
      if (this.isOp(')') && this.tokens[this.pos - 1] !== open) {
        this.raiseAt(isDef ? 'Function parameters cannot be parenthesized' : 'Lambda expression parameters cannot be parenthesized', open, this.tok);
      }
    } catch (x) {
      if (x !== FAIL) throw x;
    }
    this.backtrack(save);
  }

  invalidSlash(slashSeen: boolean, starSeen: boolean): void {
    const t = this.tok;
    if (slashSeen) this.raiseAt('/ may appear only once', t);
    if (starSeen) this.raiseAt('/ must be ahead of *', t);
    this.raiseAt('at least one argument must precede /', t);
  }

  /** param: NAME [annotation]; `*args` may be annotated with a star_expression (3.11) */
  parseParam(annotations: boolean, starAnnotation: boolean): Node {
    const t = this.tok;
    const name = this.expectName();
    let ann: Node | null = null;
    if (annotations && this.acceptOp(':')) ann = starAnnotation ? this.parseStarExpression() : this.parseExpression();
    const e = this.last;
    return { _type: 'arg', arg: name, annotation: ann, type_comment: null, lineno: t.lineno, col_offset: t.col, end_lineno: e.endLineno, end_col_offset: e.endCol };
  }

  // ---- boolean operators / comparison --------------------------------------------------

  parseDisjunction(): Node {
    const s = this.tok;
    const a = this.parseConjunction();
    if (!this.isKw('or')) return a;
    const values = [a];
    while (this.isKw('or')) {
      const save = this.pos++;
      try {
        values.push(this.parseConjunction());
      } catch (x) {
        if (x !== FAIL || values.length > 1) throw x;
        this.backtrack(save);
        return a;
      }
    }
    return { _type: 'BoolOp', op: 'Or', values, lineno: s.lineno, col_offset: s.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
  }

  parseConjunction(): Node {
    const s = this.tok;
    const a = this.parseInversion();
    if (!this.isKw('and')) return a;
    const values = [a];
    while (this.isKw('and')) {
      const save = this.pos++;
      try {
        values.push(this.parseInversion());
      } catch (x) {
        if (x !== FAIL || values.length > 1) throw x;
        this.backtrack(save);
        return a;
      }
    }
    return { _type: 'BoolOp', op: 'And', values, lineno: s.lineno, col_offset: s.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
  }

  parseInversion(): Node {
    if (this.isKw('not')) {
      const t = this.advance();
      this.enter();
      try {
        const v = this.parseInversion();
        return { _type: 'UnaryOp', op: 'Not', operand: v, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
      } finally {
        this.depth--;
      }
    }
    return this.parseComparison();
  }

  /** the comparison operator at the cursor (consumed), or null */
  compareOp(): string | null {
    const t = this.tok;
    if (t.kind === OP) {
      const op = CMPOPS.get(t.value);
      if (op !== undefined) {
        this.pos++;
        return op;
      }
      return null;
    }
    if (t.kind !== NAME) return null;
    if (t.value === 'in') {
      this.pos++;
      return 'In';
    }
    if (t.value === 'is') {
      this.pos++;
      if (this.acceptKw('not')) return 'IsNot';
      return 'Is';
    }
    if (t.value === 'not') {
      const n = this.peekAt(1);
      if (n.kind === NAME && n.value === 'in') {
        this.pos += 2;
        return 'NotIn';
      }
    }
    return null;
  }

  parseComparison(): Node {
    const s = this.tok;
    const a = this.parseBitwiseOr();
    let op = this.compareOp();
    if (op === null) return a;
    const ops: string[] = [];
    const comparators: Node[] = [];
    while (op !== null) {
      ops.push(op);
      comparators.push(this.parseBitwiseOr());
      op = this.compareOp();
    }
    return { _type: 'Compare', left: a, ops, comparators, lineno: s.lineno, col_offset: s.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
  }

  // ---- binary operators (precedence climbing) -------------------------------------------

  parseBitwiseOr(): Node {
    return this.parseBinary(1);
  }

  parseBinary(minPrec: number): Node {
    const s = this.tok;
    let left = this.parseFactor();
    for (let n = 1; ; n++) {
      if (n > 64) this.checkChain(n);
      const t = this.tok;
      if (t.kind !== OP) return left;
      const info = BINOPS.get(t.value);
      if (info === undefined || info[0] < minPrec) return left;
      const save = this.pos++;
      this.enter();
      let right: Node;
      try {
        right = this.parseBinary(info[0] + 1);
      } catch (x) {
        // PEG: `a + <garbage>` backs off to `a` (matters for error locations only)
        if (x !== FAIL) throw x;
        this.backtrack(save);
        return left;
      } finally {
        this.depth--;
      }
      left = { _type: 'BinOp', left, op: info[1], right, lineno: s.lineno, col_offset: s.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
    }
  }

  /** factor: ('+' | '-' | '~') factor | power */
  parseFactor(): Node {
    const t = this.tok;
    if (t.kind === OP) {
      const op = UNARY.get(t.value);
      if (op !== undefined) {
        this.pos++;
        this.enter();
        try {
          const v = this.parseFactor();
          return { _type: 'UnaryOp', op, operand: v, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
        } finally {
          this.depth--;
        }
      }
    }
    return this.parsePower();
  }

  /** power: await_primary '**' factor | await_primary */
  parsePower(): Node {
    const s = this.tok;
    let a: Node;
    if (this.isKw('await')) {
      const t = this.advance();
      const v = this.parsePrimary();
      a = { _type: 'Await', value: v, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
    } else {
      a = this.parsePrimary();
    }
    if (!this.isOp('**')) return a;
    this.pos++;
    this.enter();
    try {
      const b = this.parseFactor();
      return { _type: 'BinOp', left: a, op: 'Pow', right: b, lineno: s.lineno, col_offset: s.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
    } finally {
      this.depth--;
    }
  }

  // ---- yield ------------------------------------------------------------------------------------

  /** yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
  parseYieldExpr(): Node {
    const t = this.advance();
    if (this.acceptKw('from')) {
      const v = this.parseExpression();
      return { _type: 'YieldFrom', value: v, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
    }
    let v: Node | null = null;
    if (this.startsExpression()) v = this.parseStarExpressions();
    const e = this.last;
    return { _type: 'Yield', value: v, lineno: t.lineno, col_offset: t.col, end_lineno: e.endLineno, end_col_offset: e.endCol };
  }

}

/** _PyPegen_check_legacy_stmt: `print` / `exec` used as a statement */
function isLegacy(e: Node): boolean {
  return e._type === 'Name' && (e.id === 'print' || e.id === 'exec');
}

/** Is `e` something the bitwise_or rule can produce (no comparison / boolean / ternary)? */
function isBitwiseOr(e: Node): boolean {
  switch (e._type) {
    case 'Compare':
    case 'BoolOp':
    case 'IfExp':
    case 'Lambda':
    case 'NamedExpr':
      return false;
    case 'UnaryOp':
      return e.op !== 'Not';
    default:
      return true;
  }
}
