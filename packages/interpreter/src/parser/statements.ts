// Statements of Python 3.11 (Grammar/python.gram "STATEMENTS" section; Python
// reference chapters 7 and 8): simple statements, compound statements, blocks,
// decorators, function and class definitions, imports, `match`, and the start
// rules file / eval / interactive / func_type.

import { TokenKind, type Token } from '../lexer/token.js';
import type { Node } from '../ast/nodes.js';
import { PatternParser } from './patterns.js';
import { FAIL } from './errors.js';
import { setContext, invalidTarget, exprName } from './targets.js';

const { NAME, NEWLINE, INDENT, DEDENT, ENDMARKER, OP } = TokenKind;

const AUGASSIGN: ReadonlyMap<string, string> = new Map([
  ['+=', 'Add'], ['-=', 'Sub'], ['*=', 'Mult'], ['@=', 'MatMult'], ['/=', 'Div'], ['%=', 'Mod'],
  ['&=', 'BitAnd'], ['|=', 'BitOr'], ['^=', 'BitXor'], ['<<=', 'LShift'], ['>>=', 'RShift'],
  ['**=', 'Pow'], ['//=', 'FloorDiv'],
]);

export class StatementParser extends PatternParser {
  // ---- start rules ------------------------------------------------------------------

  /** file: [statements] ENDMARKER */
  parseFile(): Node {
    const body: Node[] = [];
    while (this.kind() !== ENDMARKER) this.parseStatementInto(body);
    return { _type: 'Module', body, type_ignores: [] };
  }

  /** eval: expressions NEWLINE* ENDMARKER */
  parseEval(): Node {
    const body = this.parseExpressionsRule();
    while (this.kind() === NEWLINE) this.pos++;
    if (this.kind() !== ENDMARKER) this.fail();
    return { _type: 'Expression', body };
  }

  /** interactive: statement_newline */
  parseInteractive(): Node {
    const body: Node[] = [];
    if (this.kind() === NEWLINE) {
      this.pos++;
    } else {
      const first = this.tok;
      const compound = first.kind === NAME && ['def', 'if', 'class', 'with', 'for', 'try', 'while', 'async', 'match'].includes(first.value) || (first.kind === OP && first.value === '@');
      this.parseStatementInto(body);
      if (!compound && this.kind() !== ENDMARKER) {
        // bad_single_statement: more source after one simple statement line; pegen
        // reports it at the last token it fetched, that line's NEWLINE
        this.raiseAt('multiple statements found while compiling a single statement', this.tokens[this.pos - 1]!);
      }
    }
    while (this.kind() === NEWLINE) this.pos++;
    if (this.kind() !== ENDMARKER) this.fail();
    return { _type: 'Interactive', body };
  }

  /** func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER */
  parseFuncType(): Node {
    this.expectOp('(');
    const argtypes: Node[] = [];
    while (!this.isOp(')')) {
      if (this.acceptOp('*') || this.acceptOp('**')) argtypes.push(this.parseExpression());
      else argtypes.push(this.parseExpression());
      if (!this.acceptOp(',')) break;
    }
    this.expectOp(')');
    this.expectOp('->');
    const returns = this.parseExpression();
    while (this.kind() === NEWLINE) this.pos++;
    if (this.kind() !== ENDMARKER) this.fail();
    return { _type: 'FunctionType', argtypes, returns };
  }

  /** expressions: expression (',' expression)* [','] */
  parseExpressionsRule(): Node {
    const s = this.tok;
    const first = this.parseExpression();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.acceptOp(',')) {
      if (!this.startsExpression()) break;
      elts.push(this.parseExpression());
    }
    return this.tupleFrom(elts, s);
  }

  // ---- statements and blocks ----------------------------------------------------------

  /** statement: compound_stmt | simple_stmts; appends to `out` */
  parseStatementInto(out: Node[]): void {
    const t = this.tok;
    if (t.kind === NAME) {
      switch (t.value) {
        case 'def': out.push(this.parseFunctionDef(null, [])); return;
        case 'if': out.push(this.parseIf()); return;
        case 'class': out.push(this.parseClassDef([])); return;
        case 'with': out.push(this.parseWith(null)); return;
        case 'for': out.push(this.parseFor(null)); return;
        case 'try': out.push(this.parseTry()); return;
        case 'while': out.push(this.parseWhile()); return;
        case 'async': {
          const n = this.peekAt(1);
          if (n.kind === NAME) {
            this.pos++;
            if (n.value === 'def') { out.push(this.parseFunctionDef(t, [])); return; }
            if (n.value === 'with') { out.push(this.parseWith(t)); return; }
            if (n.value === 'for') { out.push(this.parseFor(t)); return; }
            this.pos--;
          }
          this.pos++;
          this.fail();
          break;
        }
        case 'match': {
          const m = this.tryMatchStatement();
          if (m !== null) { out.push(m); return; }
          break;
        }
        default:
          break;
      }
    } else if (t.kind === OP && t.value === '@') {
      out.push(this.parseDecorated());
      return;
    } else if (t.kind === INDENT) {
      this.fail(); // reported as "unexpected indent" by parse()
    }
    this.parseSimpleStatements(out);
  }

  /** simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
  parseSimpleStatements(out: Node[]): void {
    for (;;) {
      out.push(this.parseSimpleStatement());
      if (this.acceptOp(';')) {
        if (this.kind() === NEWLINE) break;
        continue;
      }
      break;
    }
    if (this.kind() !== NEWLINE) this.fail();
    this.pos++;
  }

  /**
   * block: NEWLINE INDENT statements DEDENT | simple_stmts.
   * `what` names the construct for "expected an indented block after …".
   */
  parseBlock(what: string, header: Token): Node[] {
    const body: Node[] = [];
    if (this.kind() === NEWLINE) {
      this.pos++;
      if (this.kind() !== INDENT) {
        if (this.checkInvalid) {
          this.raiseAt(`expected an indented block after ${what} on line ${header.lineno}`, this.tok, this.tok, 'IndentationError');
        }
        this.fail();
      }
      this.pos++;
      while (this.kind() !== DEDENT) {
        if (this.kind() === ENDMARKER) this.fail();
        this.parseStatementInto(body);
      }
      this.pos++;
      return body;
    }
    this.parseSimpleStatements(body);
    return body;
  }

  /** the forced token ':' (`&&':'` in the grammar): "expected ':'" in both passes */
  forceColon(): void {
    if (!this.acceptOp(':')) this.raiseAt("expected ':'", this.tok);
  }

  /** ':' whose absence before a NEWLINE is reported by an invalid_* rule */
  expectColon(): void {
    if (this.acceptOp(':')) return;
    if (this.checkInvalid && this.kind() === NEWLINE) this.raiseAt("expected ':'", this.tok);
    this.fail();
  }

  // ---- simple statements ------------------------------------------------------------------

  parseSimpleStatement(): Node {
    const t = this.tok;
    if (t.kind === NAME) {
      switch (t.value) {
        case 'return': {
          this.pos++;
          const v = this.startsExpression() ? this.parseStarExpressions() : null;
          return this.stmt({ _type: 'Return', value: v }, t);
        }
        case 'import': return this.parseImport();
        case 'from': return this.parseFromImport();
        case 'raise': {
          this.pos++;
          let exc: Node | null = null;
          let cause: Node | null = null;
          if (this.startsExpression()) {
            exc = this.parseExpression();
            if (this.acceptKw('from')) cause = this.parseExpression();
          }
          return this.stmt({ _type: 'Raise', exc, cause }, t);
        }
        case 'pass': this.pos++; return this.stmt({ _type: 'Pass' }, t);
        case 'break': this.pos++; return this.stmt({ _type: 'Break' }, t);
        case 'continue': this.pos++; return this.stmt({ _type: 'Continue' }, t);
        case 'del': {
          this.pos++;
          let targets: Node[];
          try {
            targets = this.parseDelTargets();
            if (!this.isOp(';') && this.kind() !== NEWLINE) this.fail();
          } catch (x) {
            if (x === FAIL && this.checkInvalid) this.invalidDelStmt(t);
            throw x;
          }
          return this.stmt({ _type: 'Delete', targets }, t);
        }
        case 'assert': {
          this.pos++;
          const test = this.parseExpression();
          const msg = this.acceptOp(',') ? this.parseExpression() : null;
          return this.stmt({ _type: 'Assert', test, msg }, t);
        }
        case 'global':
        case 'nonlocal': {
          this.pos++;
          const names: string[] = [this.expectName()];
          while (this.acceptOp(',')) names.push(this.expectName());
          return this.stmt({ _type: t.value === 'global' ? 'Global' : 'Nonlocal', names }, t);
        }
        default:
          break;
      }
    }
    return this.parseExpressionStatement();
  }

  invalidDelStmt(t: Token): void {
    const save = this.pos;
    this.pos = this.tokens.indexOf(t) + 1;
    try {
      const e = this.parseStarExpressions();
      const bad = invalidTarget(e, 'Del');
      if (bad !== null) this.raiseAt(`cannot delete ${exprName(bad)}`, bad);
    } catch (x) {
      if (x !== FAIL) throw x;
    }
    this.backtrack(save);
  }

  /** position a statement node from its first token to the last consumed token */
  stmt(n: Node, first: Token): Node {
    const e = this.last;
    n.lineno = first.lineno;
    n.col_offset = first.col;
    n.end_lineno = e.endLineno;
    n.end_col_offset = e.endCol;
    return n;
  }

  /** assignment | star_expressions | yield_stmt */
  parseExpressionStatement(): Node {
    const first = this.tok;
    const e = this.isKw('yield') ? this.parseYieldExpr() : this.parseStarExpressions();
    const t = this.tok;
    if (t.kind === OP) {
      if (t.value === '=') return this.parseAssignment(first, e);
      if (t.value === ':') return this.parseAnnAssign(first, e);
      const op = AUGASSIGN.get(t.value);
      if (op !== undefined) {
        const k = e._type;
        if (k !== 'Name' && k !== 'Attribute' && k !== 'Subscript') {
          if (this.checkInvalid) {
            // invalid_assignment: star_expressions augassign (yield_expr | star_expressions)
            const save = this.pos++;
            try {
              if (this.isKw('yield')) this.parseYieldExpr();
              else this.parseStarExpressions();
            } catch (x) {
              if (x !== FAIL) throw x;
              this.backtrack(save);
              this.fail();
            }
            this.raiseAt(`'${exprName(e)}' is an illegal expression for augmented assignment`, e);
          }
          this.fail();
        }
        this.pos++;
        e.ctx = 'Store';
        const v = this.isKw('yield') ? this.parseYieldExpr() : this.parseStarExpressions();
        return { _type: 'AugAssign', target: e, op, value: v, lineno: first.lineno, col_offset: first.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
      }
    }
    if (this.checkInvalid) this.invalidExpressionStatement(first, e);
    return { _type: 'Expr', value: e, lineno: first.lineno, col_offset: first.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
  }

  invalidExpressionStatement(_first: Token, _e: Node): void {
    // Checks of invalid_* rules reached after a complete expression statement are
    // done by the expression rules themselves (invalid_expression in expressions.ts).
  }

  parseAssignment(first: Token, e: Node): Node {
    const targets = [e];
    // bare (unparenthesized) yield targets: "assignment to yield expression not possible"
    const bareYields: Node[] = first.kind === NAME && first.value === 'yield' ? [e] : [];
    let value: Node;
    for (;;) {
      this.pos++; // '='
      const bare = this.isKw('yield');
      value = bare ? this.parseYieldExpr() : this.parseStarExpressions();
      if (!this.isOp('=')) break;
      if (bare) bareYields.push(value);
      targets.push(value);
    }
    for (const tg of targets) {
      if (setContext(tg, 'Store') !== null) {
        if (this.checkInvalid) {
          this.invalidAssignmentNamed(first);
          const bad = invalidTarget(tg, 'Store')!;
          if (bareYields.includes(bad)) this.raiseAt('assignment to yield expression not possible', bad);
          this.raiseAt(`cannot assign to ${exprName(bad)}`, bad);
        }
        this.fail();
      }
    }
    return { _type: 'Assign', targets, value, type_comment: null, lineno: first.lineno, col_offset: first.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
  }

  /**
   * invalid_assignment's `star_named_expression ',' star_named_expressions*`
   * alternative, which reaches invalid_named_expression before the generic
   * "cannot assign to" alternative: re-parse the statement start as named
   * expressions so that `f() = 1` says "... here. Maybe you meant '==' ...".
   */
  invalidAssignmentNamed(first: Token): void {
    const save = this.pos;
    this.pos = this.tokens.indexOf(first);
    try {
      do this.parseStarNamedExpression();
      while (this.acceptOp(',') && this.startsExpression());
    } catch (x) {
      if (x !== FAIL) throw x;
    }
    this.backtrack(save);
  }

  parseAnnAssign(first: Token, e: Node): Node {
    const k = e._type;
    if (k !== 'Name' && k !== 'Attribute' && k !== 'Subscript') {
      if (this.checkInvalid && k !== 'Starred') {
        // the invalid_assignment alternatives need the annotation to parse
        const save = this.pos++;
        try {
          this.parseExpression();
        } catch (x) {
          if (x !== FAIL) throw x;
          this.backtrack(save);
          this.fail();
        }
        if (k === 'Tuple' && !(first.kind === OP && first.value === '(')) {
          this.raiseAt('only single target (not tuple) can be annotated', e.elts[0] as Node);
        }
        if (k === 'Tuple' || k === 'List') this.raiseAt(`only single target (not ${k === 'Tuple' ? 'tuple' : 'list'}) can be annotated`, e);
        this.raiseAt('illegal target for annotation', e);
      }
      this.fail();
    }
    this.pos++; // ':'
    const ann = this.parseExpression();
    let value: Node | null = null;
    if (this.acceptOp('=')) value = this.isKw('yield') ? this.parseYieldExpr() : this.parseStarExpressions();
    e.ctx = 'Store';
    const simple = k === 'Name' && first.kind === NAME ? 1 : 0;
    return { _type: 'AnnAssign', target: e, annotation: ann, value, simple, lineno: first.lineno, col_offset: first.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
  }

  /** import_name: 'import' dotted_as_names */
  parseImport(): Node {
    const t = this.advance();
    const names: Node[] = [];
    do {
      const s = this.tok;
      const name = this.parseDottedName();
      let asname: string | null = null;
      if (this.acceptKw('as')) asname = this.expectName();
      const e = this.last;
      names.push({ _type: 'alias', name, asname, lineno: s.lineno, col_offset: s.col, end_lineno: e.endLineno, end_col_offset: e.endCol });
    } while (this.acceptOp(','));
    return this.stmt({ _type: 'Import', names }, t);
  }

  parseDottedName(): string {
    let name = this.expectName();
    while (this.isOp('.') && this.peekAt(1).kind === NAME) {
      this.pos++;
      name += '.' + this.expectName();
    }
    return name;
  }

  /** import_from */
  parseFromImport(): Node {
    const t = this.advance();
    let level = 0;
    for (;;) {
      if (this.acceptOp('.')) level++;
      else if (this.acceptOp('...')) level += 3;
      else break;
    }
    let module: string | null = null;
    if (!this.isKw('import')) module = this.parseDottedName();
    else if (level === 0) this.fail();
    this.expectKw('import');
    const names: Node[] = [];
    if (this.isOp('*')) {
      const s = this.advance();
      names.push({ _type: 'alias', name: '*', asname: null, lineno: s.lineno, col_offset: s.col, end_lineno: s.endLineno, end_col_offset: s.endCol });
    } else {
      const paren = this.acceptOp('(');
      do {
        if (paren && this.isOp(')')) break;
        const s = this.tok;
        const name = this.expectName();
        let asname: string | null = null;
        if (this.acceptKw('as')) asname = this.expectName();
        const e = this.last;
        names.push({ _type: 'alias', name, asname, lineno: s.lineno, col_offset: s.col, end_lineno: e.endLineno, end_col_offset: e.endCol });
        if (!paren && this.isOp(',') && this.peekAt(1).kind === NEWLINE) {
          if (this.checkInvalid) this.raiseAt('trailing comma not allowed without surrounding parentheses', this.peekAt(1));
          this.fail();
        }
      } while (this.acceptOp(','));
      if (paren) this.expectOp(')');
    }
    return this.stmt({ _type: 'ImportFrom', module, names, level }, t);
  }

  // ---- compound statements ------------------------------------------------------------------

  /** decorators then function_def_raw or class_def_raw */
  parseDecorated(): Node {
    const decorators: Node[] = [];
    while (this.acceptOp('@')) {
      decorators.push(this.parseNamedExpression());
      this.expectKind(NEWLINE);
    }
    const t = this.tok;
    if (t.kind === NAME) {
      if (t.value === 'def') return this.parseFunctionDef(null, decorators);
      if (t.value === 'class') return this.parseClassDef(decorators);
      if (t.value === 'async' && this.peekAt(1).kind === NAME && this.peekAt(1).value === 'def') {
        this.pos++;
        return this.parseFunctionDef(t, decorators);
      }
    }
    return this.fail();
  }

  /** function_def_raw: [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block */
  parseFunctionDef(asyncTok: Token | null, decorators: Node[]): Node {
    const defTok = this.advance();
    const first = asyncTok ?? defTok;
    const name = this.expectName();
    if (!this.acceptOp('(')) this.raiseAt("expected '('", this.tok);
    const args = this.parseParameters(')', true);
    this.expectOp(')');
    let returns: Node | null = null;
    if (this.isOp('->')) {
      const save = this.pos++;
      try {
        returns = this.parseExpression();
      } catch (x) {
        if (x !== FAIL) throw x;
        this.backtrack(save); // `&&':'` then reports the '->'
      }
    }
    this.forceColon();
    const body = this.parseBlock('function definition', first);
    return {
      _type: asyncTok === null ? 'FunctionDef' : 'AsyncFunctionDef', name, args, body, decorator_list: decorators, returns, type_comment: null,
      lineno: first.lineno, col_offset: first.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol,
    };
  }

  /** class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block */
  parseClassDef(decorators: Node[]): Node {
    const t = this.advance();
    const name = this.expectName();
    let bases: Node[] = [];
    let keywords: Node[] = [];
    if (this.isOp('(')) {
      const call = this.parseCall({ _type: 'Name', id: name, ctx: 'Load', lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 }, false, t);
      bases = call.args;
      keywords = call.keywords;
    }
    this.expectColon();
    const body = this.parseBlock('class definition', t);
    return { _type: 'ClassDef', name, bases, keywords, body, decorator_list: decorators, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
  }

  /** if_stmt / elif_stmt */
  parseIf(): Node {
    const t = this.advance();
    const test = this.parseNamedExpression();
    this.expectColon();
    const body = this.parseBlock(`'${t.value}' statement`, t);
    let orelse: Node[] = [];
    if (this.isKw('elif')) {
      orelse = [this.parseIf()];
    } else if (this.isKw('else')) {
      orelse = this.parseElseBlock();
    }
    return { _type: 'If', test, body, orelse, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
  }

  /** else_block: 'else' &&':' block */
  parseElseBlock(): Node[] {
    const t = this.advance();
    this.forceColon();
    return this.parseBlock("'else' statement", t);
  }

  /** while_stmt: 'while' named_expression ':' block [else_block] */
  parseWhile(): Node {
    const t = this.advance();
    const test = this.parseNamedExpression();
    this.expectColon();
    const body = this.parseBlock("'while' statement", t);
    const orelse = this.isKw('else') ? this.parseElseBlock() : [];
    return { _type: 'While', test, body, orelse, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
  }

  /** for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' block [else_block] */
  parseFor(asyncTok: Token | null): Node {
    const forTok = this.advance();
    const first = asyncTok ?? forTok;
    const targetStart = this.pos;
    let target: Node;
    try {
      target = this.parseStarTargets();
      if (!this.isKw('in')) this.fail();
    } catch (x) {
      if (x === FAIL && this.checkInvalid) this.invalidForTarget(targetStart);
      throw x;
    }
    this.pos++;
    const iter = this.parseStarExpressions();
    this.expectColon();
    const body = this.parseBlock("'for' statement", first);
    const orelse = this.isKw('else') ? this.parseElseBlock() : [];
    return {
      _type: asyncTok === null ? 'For' : 'AsyncFor', target, iter, body, orelse, type_comment: null,
      lineno: first.lineno, col_offset: first.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol,
    };
  }

  /** with_stmt: [ASYNC] 'with' ( '(' ','.with_item+ [','] ')' | ','.with_item+ ) ':' block */
  parseWith(asyncTok: Token | null): Node {
    const withTok = this.advance();
    const first = asyncTok ?? withTok;
    let items: Node[] | null = null;
    if (this.isOp('(')) {
      const save = this.pos;
      try {
        this.pos++;
        const list: Node[] = [];
        do {
          if (this.isOp(')') && list.length > 0) break;
          list.push(this.parseWithItem());
        } while (this.acceptOp(','));
        this.expectOp(')');
        if (!this.isOp(':')) this.fail();
        items = list;
      } catch (x) {
        if (x !== FAIL) throw x;
        this.backtrack(save);
      }
    }
    if (items === null) {
      items = [];
      do items.push(this.parseWithItem());
      while (this.acceptOp(','));
    }
    this.expectColon();
    const body = this.parseBlock("'with' statement", first);
    return {
      _type: asyncTok === null ? 'With' : 'AsyncWith', items, body, type_comment: null,
      lineno: first.lineno, col_offset: first.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol,
    };
  }

  /** with_item: expression 'as' star_target &(',' | ')' | ':') | expression */
  parseWithItem(): Node {
    const e = this.parseExpression();
    let vars: Node | null = null;
    if (this.isKw('as')) {
      const save = this.pos;
      this.pos++;
      try {
        vars = this.parseStarTarget();
        if (!this.isOp(',') && !this.isOp(')') && !this.isOp(':')) this.fail();
      } catch (x) {
        if (x !== FAIL) throw x;
        if (this.checkInvalid) {
          this.pos = save + 1;
          try {
            const v = this.parseExpression();
            const bad = invalidTarget(v, 'Store');
            if (bad !== null) this.raiseAt(`cannot assign to ${exprName(bad)}`, bad);
          } catch (y) {
            if (y !== FAIL) throw y;
          }
        }
        this.backtrack(save);
        vars = null;
      }
    }
    return { _type: 'withitem', context_expr: e, optional_vars: vars };
  }

  /** try_stmt */
  parseTry(): Node {
    const t = this.advance();
    this.forceColon();
    const body = this.parseBlock("'try' statement", t);
    const handlers: Node[] = [];
    let star: boolean | null = null;
    while (this.isKw('except')) {
      const h = this.parseExceptBlock();
      const isStar = h.star as boolean;
      delete h.star;
      if (star !== null && star !== isStar) {
        if (this.checkInvalid) this.raiseAt('cannot have both \'except\' and \'except*\' on the same \'try\'', h);
        this.fail();
      }
      star = isStar;
      handlers.push(h);
    }
    let orelse: Node[] = [];
    let finalbody: Node[] = [];
    if (handlers.length > 0 && this.isKw('else')) orelse = this.parseElseBlock();
    if (this.isKw('finally')) {
      const f = this.advance();
      this.forceColon();
      finalbody = this.parseBlock("'finally' statement", f);
    }
    if (handlers.length === 0 && finalbody.length === 0) {
      if (this.checkInvalid) this.raiseAt("expected 'except' or 'finally' block", this.tok);
      this.fail();
    }
    return { _type: star === true ? 'TryStar' : 'Try', body, handlers, orelse, finalbody, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
  }

  /** except_block / except_star_block (the `star` mark is removed by the caller) */
  parseExceptBlock(): Node {
    const t = this.advance();
    const star = this.acceptOp('*');
    if (star && this.checkInvalid && (this.isOp(':') || this.kind() === NEWLINE)) this.raiseAt('expected one or more exception types', this.tok);
    let type: Node | null = null;
    let name: string | null = null;
    if (!this.isOp(':') || star) {
      if (!(this.kind() === NEWLINE && !star)) {
        type = this.parseExpression();
        if (this.isOp(',') && this.checkInvalid) {
          const save = this.pos;
          try {
            this.pos++;
            this.parseExpression();
            this.raiseAt('multiple exception types must be parenthesized', type, this.last);
          } catch (x) {
            if (x !== FAIL) throw x;
            this.backtrack(save);
          }
        }
        if (this.acceptKw('as')) name = this.expectName();
      }
    }
    this.expectColon();
    const body = this.parseBlock(star ? "'except*' statement" : "'except' statement", t);
    return { _type: 'ExceptHandler', type, name, body, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol, star };
  }

  /** match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT, or null */
  tryMatchStatement(): Node | null {
    const t = this.tok;
    const save = this.pos;
    this.pos++;
    let subject: Node;
    try {
      subject = this.parseSubject();
      if (!this.isOp(':')) {
        if (this.checkInvalid && this.kind() === NEWLINE) this.raiseAt("expected ':'", this.tok);
        this.fail();
      }
    } catch (x) {
      if (x !== FAIL) throw x;
      this.backtrack(save);
      return null;
    }
    this.pos++;
    this.expectKind(NEWLINE);
    if (this.kind() !== INDENT) {
      if (this.checkInvalid) this.raiseAt(`expected an indented block after 'match' statement on line ${t.lineno}`, this.tok, this.tok, 'IndentationError');
      this.fail();
    }
    this.pos++;
    const cases: Node[] = [];
    while (this.kind() !== DEDENT) cases.push(this.parseCaseBlock());
    this.pos++;
    return { _type: 'Match', subject, cases, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
  }

  /** subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
  parseSubject(): Node {
    const s = this.tok;
    const first = this.parseStarNamedExpression();
    if (!this.isOp(',')) {
      if (first._type === 'Starred') this.fail();
      return first;
    }
    const elts = [first];
    while (this.acceptOp(',')) {
      if (this.isOp(':')) break;
      elts.push(this.parseStarNamedExpression());
    }
    return this.tupleFrom(elts, s);
  }

  /** case_block: "case" patterns guard? ':' block */
  parseCaseBlock(): Node {
    const t = this.tok;
    if (!(t.kind === NAME && t.value === 'case')) this.fail();
    this.pos++;
    const pattern = this.parsePatterns();
    const guard = this.acceptKw('if') ? this.parseNamedExpression() : null;
    this.expectColon();
    const body = this.parseBlock("'case' statement", t);
    return { _type: 'match_case', pattern, guard, body };
  }
}
