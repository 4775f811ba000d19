// Expressions of Python 3.11 (Grammar/python.gram, "EXPRESSIONS" section, and the
// Python reference chapter 6): from star_expressions down to atoms, comprehensions,
// call arguments, slices, lambdas and star/del targets. Binary operators use
// precedence climbing over the levels bitwise_or … term; everything else is one
// method per grammar rule. Node positions are the rule's EXTRA span: from the first
// token of the rule to the last token it consumed, as pegen sets them.

import type { Token } from '../lexer/token.js';
import type { LexWarning } from '../lexer/index.js';
import { TokenKind } from '../lexer/token.js';
import { ELLIPSIS, type Node } from '../ast/nodes.js';
import { ParserBase, KEYWORDS, identifier } from './base.js';
import { FAIL } from './errors.js';
import { setContext, invalidTarget, exprName } from './targets.js';
import { parseNumberToken, buildStrings, type FStringHost } from './strings.js';

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

/** Tokens after which a star_targets / expression list cannot continue. */
export class ExpressionParser extends ParserBase implements FStringHost {
  /** DeprecationWarnings of literal decoding (invalid escape sequences) */
  warnings: LexWarning[] = [];

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
    if (this.memo === null) return this.parseExpressionRule();
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

  /** memo of parseExpression by start token (second pass only; null in the first) */
  memo: Map<number, Node | typeof FAIL> | null = null;
  memoEnd = new Map<number, number>();

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
            if (this.checkInvalid) this.raiseAt('non-default argument follows default argument', p);
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

  // ---- primary: atom and trailers ---------------------------------------------------------

  /** primary: atom followed by '.' NAME | '(' arguments ')' | genexp | '[' slices ']' */
  parsePrimary(): Node {
    const s = this.tok;
    let a = this.parseAtom();
    for (let n = 1; ; n++) {
      if (n > 64) this.checkChain(n);
      const t = this.tok;
      if (t.kind !== OP) return a;
      if (t.value === '.') {
        this.pos++;
        const nt = this.tok;
        if (!(nt.kind === NAME && !KEYWORDS.has(nt.value))) {
          // PEG: `a.<not a name>` backs off to `a`
          this.backtrack(this.pos - 1);
          return a;
        }
        const name = this.expectName();
        a = { _type: 'Attribute', value: a, attr: name, ctx: 'Load', lineno: s.lineno, col_offset: s.col, end_lineno: nt.endLineno, end_col_offset: nt.endCol };
      } else if (t.value === '(') {
        a = this.parseCall(a, true, s);
      } else if (t.value === '[') {
        const save = this.pos++;
        let sl: Node;
        try {
          sl = this.parseSlices();
          if (!this.isOp(']')) this.fail();
        } catch (x) {
          if (x !== FAIL) throw x;
          this.backtrack(save);
          return a;
        }
        const e = this.advance();
        a = { _type: 'Subscript', value: a, slice: sl, ctx: 'Load', lineno: s.lineno, col_offset: s.col, end_lineno: e.endLineno, end_col_offset: e.endCol };
      } else {
        return a;
      }
    }
  }

  /** '(' [arguments] ')' after a primary, or a sole generator-expression argument */
  parseCall(func: Node, allowGenexp: boolean, s: Token): Node {
    const open = this.advance();
    const args: Node[] = [];
    const keywords: Node[] = [];
    let sawKeyword = false;
    let sawDoubleStar = false;
    while (!this.isOp(')')) {
      const t = this.tok;
      if (t.kind === OP && t.value === '*') {
        if (sawDoubleStar) {
          if (this.checkInvalid) this.raiseAt('iterable argument unpacking follows keyword argument unpacking', t);
          this.fail();
        }
        this.pos++;
        let v: Node;
        try {
          v = this.parseExpression();
        } catch (x) {
          // invalid_arguments: `args ',' '*'` — pegen's message for any bad `*` there
          if (x === FAIL && this.checkInvalid && (keywords.length > 0 || args.some((a) => a._type === 'Starred'))) {
            this.raiseAt('iterable argument unpacking follows keyword argument unpacking', t);
          }
          throw x;
        }
        args.push({ _type: 'Starred', value: v, ctx: 'Load', lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol });
      } else if (t.kind === OP && t.value === '**') {
        this.pos++;
        const v = this.parseExpression();
        sawDoubleStar = true;
        keywords.push({ _type: 'keyword', arg: null, value: v, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol });
      } else if (t.kind === NAME && (!KEYWORDS.has(t.value) || (this.checkInvalid && (t.value === 'True' || t.value === 'False' || t.value === 'None')))
        && this.peekAt(1).kind === OP && this.peekAt(1).value === '=') {
        if (KEYWORDS.has(t.value)) {
          if (this.checkInvalid) this.invalidKeywordName(t);
          this.fail();
        }
        this.pos += 2;
        const v = this.parseExpression();
        if (this.checkInvalid && (this.isKw('for') || this.isKw('async'))) {
          this.raiseAt('invalid syntax. Maybe you meant \'==\' or \':=\' instead of \'=\'?', t, v);
        }
        sawKeyword = true;
        keywords.push({ _type: 'keyword', arg: identifier(t.value), value: v, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol });
      } else {
        const e = this.parseNamedExpression(false);
        if (this.isKw('for') || this.isKw('async')) {
          if (!allowGenexp) this.fail();
          if (args.length === 0 && keywords.length === 0 && e._type !== 'Starred') {
            const gens = this.parseForIfClauses();
            if (this.isOp(')')) {
              const close = this.advance();
              args.push({ _type: 'GeneratorExp', elt: e, generators: gens, lineno: open.lineno, col_offset: open.col, end_lineno: close.endLineno, end_col_offset: close.endCol });
              return { _type: 'Call', func, args, keywords, lineno: s.lineno, col_offset: s.col, end_lineno: close.endLineno, end_col_offset: close.endCol };
            }
            if (this.checkInvalid && this.isOp(',')) this.raiseAt('Generator expression must be parenthesized', e, this.last);
            this.fail();
          }
          if (this.checkInvalid) {
            const save = this.pos;
            try {
              const gens = this.parseForIfClauses();
              void gens;
              this.raiseAt('Generator expression must be parenthesized', e, this.last);
            } catch (x) {
              if (x !== FAIL) throw x;
              this.backtrack(save);
            }
          }
          this.fail();
        }
        if (this.checkInvalid && this.isOp('=')) {
          this.raiseAt('expression cannot contain assignment, perhaps you meant "=="?', e, this.tok);
        }
        if (sawKeyword || sawDoubleStar) {
          if (this.checkInvalid) {
            // _PyPegen_arguments_parsing_error: reported at the token after the arguments
            try {
              while (this.acceptOp(',')) {
                if (this.isOp(')')) break;
                if (this.isOp('*') || this.isOp('**')) this.pos++;
                this.parseNamedExpression(false);
              }
            } catch (x) {
              if (x !== FAIL) throw x;
            }
            this.raiseAt(sawDoubleStar ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument', this.tok);
          }
          this.fail();
        }
        args.push(e);
      }
      if (!this.acceptOp(',')) break;
    }
    const close = this.expectOp(')');
    return { _type: 'Call', func, args, keywords, lineno: s.lineno, col_offset: s.col, end_lineno: close.endLineno, end_col_offset: close.endCol };
  }

  invalidKeywordName(t: Token): void {
    if (t.value === 'True' || t.value === 'False' || t.value === 'None') {
      this.raiseAt(`cannot assign to ${t.value}`, t, this.peekAt(1));
    }
    this.raiseAt('expression cannot contain assignment, perhaps you meant "=="?', t, this.peekAt(1));
  }

  /** slices: slice !',' | ','.(slice | starred_expression)+ [','] → Tuple */
  parseSlices(): Node {
    const s = this.tok;
    const first = this.parseSliceItem();
    if (!this.isOp(',')) {
      if (first._type === 'Starred') return this.tupleFrom([first], s);
      return first;
    }
    const elts = [first];
    while (this.acceptOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.parseSliceItem());
    }
    return this.tupleFrom(elts, s);
  }

  /** slice: [expression] ':' [expression] [':' [expression]] | named_expression; or '*' expression */
  parseSliceItem(): Node {
    const t = this.tok;
    if (t.kind === OP && t.value === '*') {
      this.pos++;
      const v = this.parseExpression();
      return { _type: 'Starred', value: v, ctx: 'Load', lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
    }
    let lower: Node | null = null;
    if (!(t.kind === OP && t.value === ':')) {
      lower = this.parseNamedExpression();
      if (!this.isOp(':')) return lower;
      if (lower._type === 'NamedExpr' && t.kind === NAME) this.fail();
    }
    this.pos++; // ':'
    let upper: Node | null = null;
    let step: Node | null = null;
    if (!this.isOp(':') && !this.isOp(']') && !this.isOp(',')) upper = this.parseExpression();
    if (this.acceptOp(':')) {
      if (!this.isOp(']') && !this.isOp(',')) step = this.parseExpression();
    }
    const e = this.last;
    return { _type: 'Slice', lower, upper, step, lineno: t.lineno, col_offset: t.col, end_lineno: e.endLineno, end_col_offset: e.endCol };
  }

  // ---- atoms ----------------------------------------------------------------------------------

  parseAtom(): Node {
    const t = this.tok;
    switch (t.kind) {
      case NAME: {
        switch (t.value) {
          case 'True':
          case 'False':
          case 'None':
            this.pos++;
            return { _type: 'Constant', value: t.value === 'None' ? null : t.value === 'True', kind: null, lineno: t.lineno, col_offset: t.col, end_lineno: t.endLineno, end_col_offset: t.endCol };
          default:
            if (KEYWORDS.has(t.value)) {
              if (this.checkInvalid) this.invalidKeywordAtom(t);
              this.fail();
            }
            this.pos++;
            return { _type: 'Name', id: identifier(t.value), ctx: 'Load', lineno: t.lineno, col_offset: t.col, end_lineno: t.endLineno, end_col_offset: t.endCol };
        }
      }
      case NUMBER:
        this.pos++;
        return { _type: 'Constant', value: parseNumberToken(t.value), kind: null, lineno: t.lineno, col_offset: t.col, end_lineno: t.endLineno, end_col_offset: t.endCol };
      case STRING:
        return this.parseStrings();
      case OP:
        switch (t.value) {
          case '(':
            return this.parseParenAtom();
          case '[':
            return this.parseListAtom();
          case '{':
            return this.parseBraceAtom();
          case '...':
            this.pos++;
            return { _type: 'Constant', value: ELLIPSIS, kind: null, lineno: t.lineno, col_offset: t.col, end_lineno: t.endLineno, end_col_offset: t.endCol };
          default:
            return this.fail();
        }
      default:
        return this.fail();
    }
  }

  invalidKeywordAtom(_t: Token): void {
    // hook for statement-level checks; plain keyword misuse is a generic syntax error
  }

  /** strings: STRING+ (implicit concatenation, f-strings) */
  parseStrings(): Node {
    const start = this.pos;
    while (this.tok.kind === STRING) this.advance();
    return buildStrings(this, this.tokens, start, this.pos);
  }

  /** tuple | group | genexp */
  parseParenAtom(): Node {
    const open = this.advance();
    this.enter();
    try {
      if (this.isOp(')')) {
        const close = this.advance();
        return { _type: 'Tuple', elts: [], ctx: 'Load', lineno: open.lineno, col_offset: open.col, end_lineno: close.endLineno, end_col_offset: close.endCol };
      }
      if (this.isKw('yield')) {
        const y = this.parseYieldExpr();
        this.expectOp(')');
        return y;
      }
      const firstTok = this.tok;
      const first = this.parseStarNamedExpression();
      if (this.isOp(')')) {
        if (first._type === 'Starred') {
          if (this.checkInvalid) this.raiseAt('cannot use starred expression here', first);
          this.fail();
        }
        this.pos++;
        return first;
      }
      if (this.isKw('for') || this.isKw('async')) {
        if (first._type === 'Starred') this.fail();
        const gens = this.parseForIfClauses();
        const close = this.expectOp(')');
        return { _type: 'GeneratorExp', elt: first, generators: gens, lineno: open.lineno, col_offset: open.col, end_lineno: close.endLineno, end_col_offset: close.endCol };
      }
      if (!this.isOp(',')) {
        if (this.checkInvalid && this.isOp('=') && first._type !== 'NamedExpr') this.invalidNamedExpression(first, firstTok);
        this.fail();
      }
      const elts = [first];
      while (this.acceptOp(',')) {
        if (this.isOp(')')) break;
        elts.push(this.parseStarNamedExpression());
      }
      const close = this.expectOp(')');
      return { _type: 'Tuple', elts, ctx: 'Load', lineno: open.lineno, col_offset: open.col, end_lineno: close.endLineno, end_col_offset: close.endCol };
    } finally {
      this.depth--;
    }
  }

  /** list | listcomp */
  parseListAtom(): Node {
    const open = this.advance();
    this.enter();
    try {
      if (this.isOp(']')) {
        const close = this.advance();
        return { _type: 'List', elts: [], ctx: 'Load', lineno: open.lineno, col_offset: open.col, end_lineno: close.endLineno, end_col_offset: close.endCol };
      }
      const first = this.parseStarNamedExpression();
      if (this.isKw('for') || this.isKw('async')) {
        if (first._type === 'Starred') {
          if (this.checkInvalid) this.invalidStarComprehension(first);
          this.fail();
        }
        const gens = this.parseForIfClauses();
        const close = this.expectOp(']');
        return { _type: 'ListComp', elt: first, generators: gens, lineno: open.lineno, col_offset: open.col, end_lineno: close.endLineno, end_col_offset: close.endCol };
      }
      const elts = [first];
      while (this.acceptOp(',')) {
        if (this.isOp(']')) break;
        elts.push(this.parseStarNamedExpression());
      }
      if (this.checkInvalid) this.invalidComprehensionTarget(elts);
      const close = this.expectOp(']');
      return { _type: 'List', elts, ctx: 'Load', lineno: open.lineno, col_offset: open.col, end_lineno: close.endLineno, end_col_offset: close.endCol };
    } finally {
      this.depth--;
    }
  }

  /** dict | set | dictcomp | setcomp */
  parseBraceAtom(): Node {
    const open = this.advance();
    this.enter();
    try {
      if (this.isOp('}')) {
        const close = this.advance();
        return { _type: 'Dict', keys: [], values: [], lineno: open.lineno, col_offset: open.col, end_lineno: close.endLineno, end_col_offset: close.endCol };
      }
      let isDict: boolean;
      let firstKey: Node | null = null;
      let firstVal: Node;
      if (this.isOp('**')) {
        const dstar = this.advance();
        firstVal = this.parseBitwiseOr();
        isDict = true;
        if (this.checkInvalid && (this.isKw('for') || this.isKw('async'))) {
          this.raiseAt('dict unpacking cannot be used in dict comprehension', dstar);
        }
      } else {
        const et = this.tok;
        const e = this.parseStarNamedExpression();
        if (this.isOp(':') && e._type !== 'Starred' && !(e._type === 'NamedExpr' && et.kind === NAME)) {
          this.pos++;
          firstKey = e;
          firstVal = this.parseExpression();
          isDict = true;
          if (this.isKw('for') || this.isKw('async')) {
            const gens = this.parseForIfClauses();
            const close = this.expectOp('}');
            return { _type: 'DictComp', key: e, value: firstVal, generators: gens, lineno: open.lineno, col_offset: open.col, end_lineno: close.endLineno, end_col_offset: close.endCol };
          }
        } else {
          firstVal = e;
          isDict = false;
          if (this.isKw('for') || this.isKw('async')) {
            if (e._type === 'Starred') {
              if (this.checkInvalid) this.invalidStarComprehension(e);
              this.fail();
            }
            const gens = this.parseForIfClauses();
            const close = this.expectOp('}');
            return { _type: 'SetComp', elt: e, generators: gens, lineno: open.lineno, col_offset: open.col, end_lineno: close.endLineno, end_col_offset: close.endCol };
          }
        }
      }
      if (isDict) {
        const keys: (Node | null)[] = [firstKey];
        const values: Node[] = [firstVal];
        while (this.acceptOp(',')) {
          if (this.isOp('}')) break;
          if (this.acceptOp('**')) {
            keys.push(null);
            values.push(this.parseBitwiseOr());
          } else {
            const k = this.parseExpression();
            if (!this.isOp(':') && this.checkInvalid) {
              this.raiseRaw("':' expected after dictionary key", k.lineno!, k.end_col_offset! - 1, k.end_lineno!, -1);
            }
            keys.push(k);
            const colon = this.expectOp(':');
            if (this.checkInvalid && (this.isOp('}') || this.isOp(','))) this.raiseAt("expression expected after dictionary key and ':'", colon);
            values.push(this.parseExpression());
          }
        }
        const close = this.expectOp('}');
        return { _type: 'Dict', keys, values, lineno: open.lineno, col_offset: open.col, end_lineno: close.endLineno, end_col_offset: close.endCol };
      }
      const elts = [firstVal];
      while (this.acceptOp(',')) {
        if (this.isOp('}')) break;
        elts.push(this.parseStarNamedExpression());
      }
      if (this.checkInvalid) this.invalidComprehensionTarget(elts);
      const close = this.expectOp('}');
      return { _type: 'Set', elts, lineno: open.lineno, col_offset: open.col, end_lineno: close.endLineno, end_col_offset: close.endCol };
    } finally {
      this.depth--;
    }
  }

  // ---- comprehensions -----------------------------------------------------------------------

  /** invalid_comprehension: `[*a for ...]` */
  invalidStarComprehension(e: Node): void {
    this.raiseAt('iterable unpacking cannot be used in comprehension', e);
  }

  /** invalid_comprehension: `[a, b for ...]` → did you forget parentheses */
  invalidComprehensionTarget(elts: Node[]): void {
    if (elts.length === 0 || !(this.isKw('for') || (this.isKw('async') && this.peekAt(1).value === 'for'))) return;
    const save = this.pos;
    try {
      this.parseForIfClauses();
    } catch (x) {
      if (x !== FAIL) throw x;
      this.backtrack(save);
      return;
    }
    this.backtrack(save);
    if (elts.length === 1) this.raiseAt('did you forget parentheses around the comprehension target?', elts[0]!, this.last);
    this.raiseAt('did you forget parentheses around the comprehension target?', elts[0]!, elts[elts.length - 1]!);
  }

  /** for_if_clauses: ([ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+ */
  parseForIfClauses(): Node[] {
    const gens: Node[] = [];
    for (;;) {
      let isAsync = 0;
      if (this.isKw('async') && this.peekAt(1).kind === NAME && this.peekAt(1).value === 'for') {
        this.pos++;
        isAsync = 1;
      } else if (!this.isKw('for')) {
        break;
      }
      this.pos++; // 'for'
      const targetStart = this.pos;
      let target: Node;
      try {
        target = this.parseStarTargets();
        if (!this.isKw('in')) this.fail();
      } catch (x) {
        if (x === FAIL && this.checkInvalid) this.invalidForTarget(targetStart);
        throw x;
      }
      this.pos++; // 'in'
      const iter = this.parseDisjunction();
      const ifs: Node[] = [];
      while (this.acceptKw('if')) ifs.push(this.parseDisjunction());
      gens.push({ _type: 'comprehension', target, iter, ifs, is_async: isAsync });
    }
    if (gens.length === 0) this.fail();
    return gens;
  }

  /** invalid_for_target: a non-target after 'for' */
  invalidForTarget(targetStart: number): void {
    const save = this.pos;
    this.pos = targetStart;
    try {
      const e = this.parseStarExpressions();
      const bad = invalidTarget(e, 'For');
      if (bad !== null) this.raiseAt(`cannot assign to ${exprName(bad)}`, bad);
    } catch (x) {
      if (x !== FAIL) throw x;
    }
    this.backtrack(save);
  }

  // ---- targets --------------------------------------------------------------------------------

  /** star_targets: star_target !',' | star_target (',' star_target)* [','] → Tuple */
  parseStarTargets(): Node {
    const s = this.tok;
    const first = this.parseStarTarget();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.acceptOp(',')) {
      if (!this.startsTarget()) break;
      elts.push(this.parseStarTarget());
    }
    const e = this.last;
    return { _type: 'Tuple', elts, ctx: 'Store', lineno: s.lineno, col_offset: s.col, end_lineno: e.endLineno, end_col_offset: e.endCol };
  }

  startsTarget(): boolean {
    const t = this.tok;
    if (t.kind === NAME) return !KEYWORDS.has(t.value) || t.value === 'None' || t.value === 'True' || t.value === 'False';
    if (t.kind === STRING || t.kind === NUMBER) return true;
    return t.kind === OP && (t.value === '(' || t.value === '[' || t.value === '*' || t.value === '{');
  }

  /** star_target: '*' (!'*' star_target) | target_with_star_atom */
  parseStarTarget(): Node {
    const t = this.tok;
    if (t.kind === OP && t.value === '*') {
      this.pos++;
      if (this.isOp('*')) this.fail();
      const v = this.parseStarTarget();
      return { _type: 'Starred', value: v, ctx: 'Store', lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
    }
    const e = this.parsePrimary();
    if (setContext(e, 'Store') !== null) this.fail();
    return e;
  }

  /** del_targets: ','.del_target+ [','] */
  parseDelTargets(): Node[] {
    const targets: Node[] = [];
    do {
      if (!this.startsTarget() || this.isOp('*')) break;
      const e = this.parsePrimary();
      if (setContext(e, 'Del') !== null) {
        if (this.checkInvalid) {
          const bad = invalidTarget(e, 'Del')!;
          this.raiseAt(`cannot delete ${exprName(bad)}`, bad);
        }
        this.fail();
      }
      targets.push(e);
    } while (this.acceptOp(','));
    if (targets.length === 0) this.fail();
    return targets;
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

  // ---- helpers --------------------------------------------------------------------------------

  /** Tuple without parentheses: from the first element to the last consumed token */
  tupleFrom(elts: Node[], s: Token): Node {
    const e = this.last;
    return { _type: 'Tuple', elts, ctx: 'Load', lineno: s.lineno, col_offset: s.col, end_lineno: e.endLineno, end_col_offset: e.endCol };
  }

  /** index of the furthest token the last f-string sub-parse looked at */
  subFurthest = 0;

  /**
   * FStringHost: parse the tokens of one f-string replacement field (wrapped in
   * parentheses) as star_expressions, on this parser's state, which is restored.
   */
  parseFStringTokens(tokens: Token[], checkInvalid: boolean): Node {
    const saved = [this.tokens, this.pos, this.furthest, this.checkInvalid, this.levels, this.memo, this.memoEnd] as const;
    this.tokens = tokens;
    this.pos = 0;
    this.furthest = 0;
    this.checkInvalid = checkInvalid;
    this.levels = null;
    this.memo = checkInvalid ? new Map() : null;
    this.memoEnd = new Map();
    try {
      const e = this.parseStarExpressions();
      if (this.tok.kind !== TokenKind.ENDMARKER && this.tok.kind !== TokenKind.NEWLINE) this.fail();
      return e;
    } finally {
      this.subFurthest = this.furthest;
      [this.tokens, this.pos, this.furthest, this.checkInvalid, this.levels, this.memo, this.memoEnd] = saved;
    }
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
