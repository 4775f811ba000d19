// Primaries and atoms of Python 3.11 expressions (Grammar/python.gram "Primary
// elements" and "Atoms"): attribute / call / subscript trailers, call arguments,
// slices, parenthesized forms, displays, comprehensions, and the star / del
// targets built from primaries. The operator levels above them live in
// expressions.ts (ExpressionParser extends this class); the few rules of those
// levels that atoms need are declared abstract here.

import type { Token } from '../lexer/token.js';
import type { LexWarning } from '../lexer/index.js';
import { TokenKind } from '../lexer/token.js';
import { ELLIPSIS, type Node } from '../ast/nodes.js';
import { ParserBase, KEYWORDS, identifier } from './base.js';
import { FAIL } from './errors.js';
import { setContext, invalidTarget, exprName } from './targets.js';
import { parseNumberToken, buildStrings, type FStringHost } from './strings.js';

const { NAME, NUMBER, STRING, OP } = TokenKind;

export abstract class AtomParser extends ParserBase implements FStringHost {
  /** DeprecationWarnings of literal decoding (invalid escape sequences) */
  warnings: LexWarning[] = [];
  /** memo of parseExpression by start token (second pass only; null in the first) */
  memo: Map<number, Node | typeof FAIL> | null = null;
  memoEnd = new Map<number, number>();

  // ---- rules of the operator levels (expressions.ts) ----------------------------------

  abstract parseStarExpressions(): Node;
  abstract parseStarNamedExpression(): Node;
  abstract parseNamedExpression(withInvalid?: boolean): Node;
  abstract invalidNamedExpression(e: Node, start: Token): void;
  abstract parseExpression(): Node;
  abstract parseDisjunction(): Node;
  abstract parseBitwiseOr(): Node;
  abstract parseYieldExpr(): Node;
  abstract startsExpression(): boolean;

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
