// The code generator: AST + symbol table → CodeObject, following CPython 3.11's
// Python/compile.c (each method names the compile.c function whose behaviour it
// reproduces; the code is written here). Instruction selection, block structure
// and source locations must match CPython's exactly, because the assembler's
// passes (assemble.ts) and the differential tests depend on them.
//
// Locations: like compile.c, a statement sets the unit's current location
// (SET_LOC); an expression sets it for its own instructions and restores it
// afterwards; "artificial" instructions get no location (UNSET_LOC) and inherit
// one in propagate_line_numbers.
//
// Errors: a compile-time SyntaxError travels as a thrown RaisedCompileError
// inside the walk and leaves compile() as a value.

import { ELLIPSIS, CodePointStr, ComplexConst, type Node } from '../../ast/nodes.js';
import { CodeObject, ConstTuple, ConstFrozenSet, type PyConst } from '../../bytecode/code-object.js';
import * as O from '../../bytecode/opcodes.js';
import type { SymbolTable } from '../symtable.js';
import type { Scope } from '../scope.js';
import { mangle } from '../mangle.js';
import { RaisedCompileError } from '../errors.js';
import {
  scopeOf, FREE, CELL, LOCAL, GLOBAL_IMPLICIT, GLOBAL_EXPLICIT, FunctionBlock, ClassBlock, DEF_IMPORT,
  CO_FUTURE_ANNOTATIONS,
} from '../scope-flags.js';
import { NO_LOC, type Loc } from './cfg.js';
import { Unit, FB, SK, type FBlock, type FBlockKind, type ScopeKind } from './unit.js';
import { assemble } from './assemble.js';
import { PatternCompiler, type PatternHost } from './patterns.js';
import { unparseAnnotation } from './unparse.js';

const STACK_USE_GUIDELINE = 30;
const CO_FUTURE_MASK = 0x3fe0000;

const BINOP: Record<string, number> = {
  Add: 0, BitAnd: 1, FloorDiv: 2, LShift: 3, MatMult: 4, Mult: 5, Mod: 6, BitOr: 7, Pow: 8, RShift: 9, Sub: 10, Div: 11, BitXor: 12,
};
const UNARY: Record<string, number> = { Invert: O.UNARY_INVERT, Not: O.UNARY_NOT, UAdd: O.UNARY_POSITIVE, USub: O.UNARY_NEGATIVE };
const CMP: Record<string, [number, number]> = {
  Lt: [O.COMPARE_OP, 0], LtE: [O.COMPARE_OP, 1], Eq: [O.COMPARE_OP, 2], NotEq: [O.COMPARE_OP, 3], Gt: [O.COMPARE_OP, 4], GtE: [O.COMPARE_OP, 5],
  Is: [O.IS_OP, 0], IsNot: [O.IS_OP, 1], In: [O.CONTAINS_OP, 0], NotIn: [O.CONTAINS_OP, 1],
};

function locOf(n: Node): Loc {
  return { line: n.lineno!, endLine: n.end_lineno!, col: n.col_offset!, endCol: n.end_col_offset! };
}

function isDocstring(body: Node[]): boolean {
  if (body.length === 0) return false;
  const s = body[0]!;
  return s._type === 'Expr' && s.value._type === 'Constant' && (typeof s.value.value === 'string' || (s.value.value !== null && typeof s.value.value === 'object' && 'codePoints' in s.value.value));
}

/** A SyntaxWarning the compiler issues (compiler_warn); CPython reports its line only. */
export interface CompileWarning {
  category: 'SyntaxWarning';
  message: string;
  lineno: number;
  /** the current location's columns (what SyntaxError would carry if warnings are errors) */
  offset: number;
  end_lineno: number;
  end_offset: number;
}

export interface CodegenOptions {
  filename: string;
  /** c_interactive */
  interactive?: boolean;
}

export class Codegen {
  private u!: Unit;
  private readonly stack: Unit[] = [];
  private readonly futureFlags: number;
  readonly warnings: CompileWarning[] = [];

  constructor(private readonly st: SymbolTable, private readonly opts: CodegenOptions) {
    this.futureFlags = st.future.features;
  }

  // ---- units ----------------------------------------------------------------

  private enterScope(node: Node, kind: ScopeKind, firstLineno: number): void {
    const scope = this.st.blocks.get(node);
    if (scope === undefined) throw new Error('codegen: no symbol table block for node'); // internal invariant
    if (this.stack.length > 0 || this.u !== undefined) this.stack.push(this.u);
    this.u = new Unit(scope, kind, firstLineno, node);
    if (kind === SK.Module) this.u.loc = { line: 0, endLine: 1, col: 0, endCol: 0 };
    this.u.addOp(O.RESUME, 0);
  }

  private exitScope(): void {
    this.u = this.stack.pop()!;
  }

  private makeCode(addNone: boolean): CodeObject {
    const u = this.u;
    const last = u.cur.last();
    if (last === null || last.op !== O.RETURN_VALUE) {
      if (addNone) u.addOp(O.LOAD_CONST, u.addConst(null), null, NO_LOC);
      u.addOp(O.RETURN_VALUE, 0, null, NO_LOC);
    }
    const scope = u.scope;
    const flags = scope.codeFlags | (this.futureFlags & CO_FUTURE_MASK);
    const cellIndices = scope.cellvars.map((c) => u.cellIndex.get(c)!);
    const a = assemble({
      entry: u.entry,
      newBlock: () => u.newBlock(),
      consts: u.consts,
      addConst: (c) => u.addConst(c),
      firstLineno: u.firstLineno,
      flags,
      cellIndices,
      nfreevars: scope.freevars.length,
      allBlocks: () => u.blocks,
    });
    return new CodeObject(
      scope.codeName, scope.qualname, this.opts.filename, u.firstLineno,
      u.argcount, u.posonlyargcount, u.kwonlyargcount, flags, a.stacksize,
      a.code, a.consts, u.names.slice(), scope.varnames.slice(), scope.cellvars.slice(), scope.freevars.slice(),
      a.exceptiontable, a.linetable,
    );
  }

  private error(msg: string, loc: Loc = this.u.loc): never {
    throw new RaisedCompileError('SyntaxError', msg, loc.line, loc.col + 1, loc.endLine, loc.endCol + 1);
  }

  /** compiler_warn */
  private warn(message: string): void {
    const l = this.u.loc;
    this.warnings.push({ category: 'SyntaxWarning', message, lineno: l.line, offset: l.col + 1, end_lineno: l.endLine, end_offset: l.endCol + 1 });
  }

  /** check_compare: `is` / `is not` with a literal operand */
  private checkCompare(e: Node): void {
    const isArg = (x: Node): boolean => x._type !== 'Constant' || x.value === null || x.value === true || x.value === false || x.value === ELLIPSIS;
    let left = isArg(e.left);
    const ops = e.ops as string[];
    for (let i = 0; i < ops.length; i++) {
      const right = isArg(e.comparators[i]);
      if ((ops[i] === 'Is' || ops[i] === 'IsNot') && (!right || !left)) {
        this.warn(ops[i] === 'Is' ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?');
        return;
      }
      left = right;
    }
  }

  /** check_caller: calling a display or literal */
  private checkCaller(e: Node): void {
    const t = inferType(e);
    if (t !== null) this.warn(`'${t}' object is not callable; perhaps you missed a comma?`);
  }

  private op(op: number, arg = 0): void {
    this.u.addOp(op, arg);
  }

  private jump(op: number, target: ReturnType<Unit['newBlock']>): void {
    this.u.addOp(op, 0, target);
  }

  private jumpNoLine(op: number, target: ReturnType<Unit['newBlock']>): void {
    this.u.addOp(op, 0, target, NO_LOC);
  }

  private loadConst(c: PyConst): void {
    this.u.addOp(O.LOAD_CONST, this.u.addConst(c));
  }

  private setLoc(n: Node): void {
    this.u.loc = locOf(n);
  }

  private unsetLoc(): void {
    this.u.loc = NO_LOC;
  }

  // ---- module ---------------------------------------------------------------

  compileModule(mod: Node): CodeObject {
    this.enterScope(mod, SK.Module, 1);
    if (mod._type === 'Expression') {
      this.expr(mod.body);
      this.op(O.RETURN_VALUE);
      return this.makeCode(false);
    }
    this.body(mod.body);
    return this.makeCode(true);
  }

  /** compiler_body */
  private body(stmts: Node[]): void {
    let i = 0;
    if (this.u.kind === SK.Module && stmts.length > 0) this.setLoc(stmts[0]!);
    if (findAnn(stmts)) this.op(O.SETUP_ANNOTATIONS);
    if (stmts.length === 0) return;
    if (isDocstring(stmts)) {
      i = 1;
      const s = stmts[0]!;
      this.setLoc(s);
      this.expr(s.value);
      this.unsetLoc();
      this.nameStore('__doc__');
    }
    for (; i < stmts.length; i++) this.stmt(stmts[i]!);
  }

  // ---- names ----------------------------------------------------------------

  /** compiler_nameop */
  private name(id: string, ctx: string): void {
    const u = this.u;
    const mangled = mangle(u.privateName, id);
    const scope = scopeOf(u.scope.flags(mangled));
    const isFunc = u.scope.type === FunctionBlock;
    let kind: 'deref' | 'fast' | 'global' | 'name' = 'name';
    switch (scope) {
      case FREE:
      case CELL:
        kind = 'deref';
        break;
      case LOCAL:
        if (isFunc) kind = 'fast';
        break;
      case GLOBAL_IMPLICIT:
        if (isFunc) kind = 'global';
        break;
      case GLOBAL_EXPLICIT:
        kind = 'global';
        break;
      default:
        break;
    }
    switch (kind) {
      case 'deref': {
        const ix = scope === FREE ? u.freeIndex.get(mangled)! : u.cellIndex.get(mangled)!;
        const op = ctx === 'Load' ? (u.scope.type === ClassBlock ? O.LOAD_CLASSDEREF : O.LOAD_DEREF) : ctx === 'Store' ? O.STORE_DEREF : O.DELETE_DEREF;
        u.addOp(op, ix);
        return;
      }
      case 'fast': {
        const ix = u.localsPlus.get(mangled)!;
        u.addOp(ctx === 'Load' ? O.LOAD_FAST : ctx === 'Store' ? O.STORE_FAST : O.DELETE_FAST, ix);
        return;
      }
      case 'global': {
        const ix = u.addName(mangled);
        if (ctx === 'Load') u.addOp(O.LOAD_GLOBAL, ix << 1);
        else u.addOp(ctx === 'Store' ? O.STORE_GLOBAL : O.DELETE_GLOBAL, ix);
        return;
      }
      default: {
        const ix = u.addName(mangled);
        u.addOp(ctx === 'Load' ? O.LOAD_NAME : ctx === 'Store' ? O.STORE_NAME : O.DELETE_NAME, ix);
      }
    }
  }

  private nameStore(id: string): void {
    this.name(id, 'Store');
  }

  // ---- frame blocks -----------------------------------------------------------

  private pushFBlock(kind: FBlockKind, block: ReturnType<Unit['newBlock']> | null, exit: ReturnType<Unit['newBlock']> | null, datum: any = null): void {
    if (this.u.fblocks.length >= 20) this.error('too many statically nested blocks');
    this.u.fblocks.push({ kind, block, exit, datum });
  }

  private popFBlock(): void {
    this.u.fblocks.pop();
  }

  /** compiler_unwind_fblock */
  private unwindFBlock(info: FBlock, preserveTos: boolean): void {
    switch (info.kind) {
      case FB.WhileLoop:
      case FB.ExceptionHandler:
      case FB.ExceptionGroupHandler:
      case FB.AsyncComprehensionGenerator:
        return;
      case FB.ForLoop:
        if (preserveTos) this.op(O.SWAP, 2);
        this.op(O.POP_TOP);
        return;
      case FB.TryExcept:
        this.op(O.POP_BLOCK);
        return;
      case FB.FinallyTry:
        this.op(O.POP_BLOCK);
        if (preserveTos) this.pushFBlock(FB.PopValue, null, null);
        this.stmts(info.datum as Node[]);
        if (preserveTos) this.popFBlock();
        this.unsetLoc();
        return;
      case FB.FinallyEnd:
        if (preserveTos) this.op(O.SWAP, 2);
        this.op(O.POP_TOP);
        if (preserveTos) this.op(O.SWAP, 2);
        this.op(O.POP_BLOCK);
        this.op(O.POP_EXCEPT);
        return;
      case FB.With:
      case FB.AsyncWith:
        this.setLoc(info.datum as Node);
        this.op(O.POP_BLOCK);
        if (preserveTos) this.op(O.SWAP, 2);
        this.callExitWithNones();
        if (info.kind === FB.AsyncWith) {
          this.op(O.GET_AWAITABLE, 2);
          this.loadConst(null);
          this.yieldFrom(true);
        }
        this.op(O.POP_TOP);
        this.unsetLoc();
        return;
      case FB.HandlerCleanup:
        if (info.datum !== null) this.op(O.POP_BLOCK);
        if (preserveTos) this.op(O.SWAP, 2);
        this.op(O.POP_BLOCK);
        this.op(O.POP_EXCEPT);
        if (info.datum !== null) {
          this.loadConst(null);
          this.name(info.datum as string, 'Store');
          this.name(info.datum as string, 'Del');
        }
        return;
      case FB.PopValue:
        if (preserveTos) this.op(O.SWAP, 2);
        this.op(O.POP_TOP);
        return;
      default:
        return;
    }
  }

  /** compiler_unwind_fblock_stack; returns the loop found when `findLoop` */
  private unwindFBlockStack(preserveTos: boolean, findLoop: boolean): FBlock | null {
    const fbs = this.u.fblocks;
    if (fbs.length === 0) return null;
    const top = fbs[fbs.length - 1]!;
    if (top.kind === FB.ExceptionGroupHandler) this.error("'break', 'continue' and 'return' cannot appear in an except* block");
    if (findLoop && (top.kind === FB.WhileLoop || top.kind === FB.ForLoop)) return top;
    fbs.pop();
    this.unwindFBlock(top, preserveTos);
    const r = this.unwindFBlockStack(preserveTos, findLoop);
    fbs.push(top);
    return r;
  }

  // ---- statements ---------------------------------------------------------------

  private stmts(ss: Node[]): void {
    for (const s of ss) this.stmt(s);
  }

  /** compiler_visit_stmt */
  private stmt(s: Node): void {
    this.setLoc(s);
    switch (s._type) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        this.functionDef(s);
        return;
      case 'ClassDef':
        this.classDef(s);
        return;
      case 'Return':
        this.returnStmt(s);
        return;
      case 'Delete':
        for (const t of s.targets) this.expr(t);
        return;
      case 'Assign': {
        const n = s.targets.length;
        this.expr(s.value);
        for (let i = 0; i < n; i++) {
          if (i < n - 1) this.op(O.COPY, 1);
          this.expr(s.targets[i]);
        }
        return;
      }
      case 'AugAssign':
        this.augAssign(s);
        return;
      case 'AnnAssign':
        this.annAssign(s);
        return;
      case 'For':
        this.forStmt(s);
        return;
      case 'While':
        this.whileStmt(s);
        return;
      case 'If':
        this.ifStmt(s);
        return;
      case 'Raise': {
        let n = 0;
        if (s.exc !== null) {
          this.expr(s.exc);
          n++;
          if (s.cause !== null) {
            this.expr(s.cause);
            n++;
          }
        }
        this.op(O.RAISE_VARARGS, n);
        this.u.nextBlock();
        return;
      }
      case 'Try':
        if (s.finalbody.length > 0) this.tryFinally(s);
        else this.tryExcept(s);
        return;
      case 'Assert':
        this.assertStmt(s);
        return;
      case 'Import':
        this.importStmt(s);
        return;
      case 'ImportFrom':
        this.importFrom(s);
        return;
      case 'Global':
      case 'Nonlocal':
        return;
      case 'Expr':
        this.exprStmt(s.value);
        return;
      case 'Pass':
        this.op(O.NOP);
        return;
      case 'Break': {
        this.op(O.NOP);
        const loop = this.unwindFBlockStack(false, true);
        if (loop === null) this.error("'break' outside loop");
        this.unwindFBlock(loop, false);
        this.jump(O.JUMP, loop.exit!);
        this.u.nextBlock();
        return;
      }
      case 'Continue': {
        this.op(O.NOP);
        const loop = this.unwindFBlockStack(false, true);
        if (loop === null) this.error("'continue' not properly in loop");
        this.jump(O.JUMP, loop.block!);
        this.u.nextBlock();
        return;
      }
      case 'With':
        this.withStmt(s, 0);
        return;
      case 'AsyncWith':
        this.asyncWith(s, 0);
        return;
      case 'AsyncFor':
        this.asyncFor(s);
        return;
      case 'Match':
        this.matchStmt(s);
        return;
      case 'TryStar':
        if (s.finalbody.length > 0) this.tryFinally(s);
        else this.tryStarExcept(s);
        return;
      default:
        this.unsupported(s._type);
    }
  }

  private unsupported(what: string): never {
    // A construct this code generator does not compile yet: reported as a
    // SystemError value (never a thrown JS error) so callers can tell it apart.
    throw new RaisedCompileError('SystemError', `pynogil codegen: ${what} not implemented`, this.u.loc.line, this.u.loc.col + 1, this.u.loc.endLine, this.u.loc.endCol + 1);
  }

  /** compiler_match: patterns.ts does the work through a narrow host interface */
  private matchStmt(s: Node): void {
    const u = this.u;
    const host: PatternHost = {
      op: (op, arg = 0) => this.op(op, arg),
      jump: (op, target) => this.jump(op, target),
      jumpNoLine: (op, target) => this.jumpNoLine(op, target),
      newBlock: () => u.newBlock(),
      useNext: (b) => u.useNext(b),
      nextBlock: () => u.nextBlock(),
      loadConst: (c) => this.loadConst(c),
      expr: (e) => this.expr(e),
      stmts: (ss) => this.stmts(ss),
      setLoc: (n) => this.setLoc(n),
      storeName: (name) => this.nameStore(name),
      jumpIf: (e, next, cond) => this.jumpIf(e, next, cond),
      error: (msg) => this.error(msg),
    };
    new PatternCompiler(host).match(s);
  }

  /** compiler_visit_stmt_expr */
  private exprStmt(value: Node): void {
    if (this.opts.interactive === true && this.stack.length === 0) {
      this.expr(value);
      this.op(O.PRINT_EXPR);
      return;
    }
    if (value._type === 'Constant') {
      this.op(O.NOP);
      return;
    }
    this.expr(value);
    this.unsetLoc();
    this.op(O.POP_TOP);
  }

  /** compiler_return */
  private returnStmt(s: Node): void {
    const v: Node | null = s.value;
    const preserveTos = v !== null && v._type !== 'Constant';
    if (this.u.scope.type !== FunctionBlock) this.error("'return' outside function");
    if (v !== null && this.u.scope.coroutine && this.u.scope.generator) this.error("'return' with value in async generator");
    if (preserveTos) {
      this.expr(v);
    } else if (v !== null) {
      this.setLoc(v);
      this.op(O.NOP);
    }
    if (v === null || v.lineno !== s.lineno) {
      this.setLoc(s);
      this.op(O.NOP);
    }
    this.unwindFBlockStack(preserveTos, false);
    if (v === null) this.loadConst(null);
    else if (!preserveTos) this.loadConst(v.value as PyConst);
    // no NEXT_BLOCK: a body ending in `return` gets no implicit `return None` (nor its None constant)
    this.op(O.RETURN_VALUE);
  }

  /** compiler_if */
  private ifStmt(s: Node): void {
    const end = this.u.newBlock();
    const next = s.orelse.length > 0 ? this.u.newBlock() : end;
    this.jumpIf(s.test, next, false);
    this.stmts(s.body);
    if (s.orelse.length > 0) {
      this.jumpNoLine(O.JUMP, end);
      this.u.useNext(next);
      this.stmts(s.orelse);
    }
    this.u.useNext(end);
  }

  /** compiler_while */
  private whileStmt(s: Node): void {
    const u = this.u;
    const loop = u.newBlock();
    const body = u.newBlock();
    const anchor = u.newBlock();
    const end = u.newBlock();
    u.useNext(loop);
    this.pushFBlock(FB.WhileLoop, loop, end);
    this.jumpIf(s.test, anchor, false);
    u.useNext(body);
    this.stmts(s.body);
    this.setLoc(s);
    this.jumpIf(s.test, body, true);
    this.popFBlock();
    u.useNext(anchor);
    this.stmts(s.orelse);
    u.useNext(end);
  }

  /** compiler_for */
  private forStmt(s: Node): void {
    const u = this.u;
    const start = u.newBlock();
    const body = u.newBlock();
    const cleanup = u.newBlock();
    const end = u.newBlock();
    this.pushFBlock(FB.ForLoop, start, end);
    this.expr(s.iter);
    this.op(O.GET_ITER);
    u.useNext(start);
    this.jump(O.FOR_ITER, cleanup);
    u.useNext(body);
    this.expr(s.target);
    this.stmts(s.body);
    this.unsetLoc();
    this.jump(O.JUMP, start);
    u.useNext(cleanup);
    this.popFBlock();
    this.stmts(s.orelse);
    u.useNext(end);
  }

  /** POP_EXCEPT_AND_RERAISE */
  private popExceptAndReraise(): void {
    this.op(O.COPY, 3);
    this.op(O.POP_EXCEPT);
    this.op(O.RERAISE, 1);
  }

  /** compiler_try_except */
  private tryExcept(s: Node): void {
    const u = this.u;
    const body = u.newBlock();
    let except = u.newBlock();
    const end = u.newBlock();
    const cleanup = u.newBlock();
    this.jump(O.SETUP_FINALLY, except);
    u.useNext(body);
    this.pushFBlock(FB.TryExcept, body, null);
    this.stmts(s.body);
    this.popFBlock();
    u.addOpNoLine(O.POP_BLOCK);
    if (s.orelse.length > 0) this.stmts(s.orelse);
    this.jumpNoLine(O.JUMP, end);
    const n = s.handlers.length;
    u.useNext(except);
    this.unsetLoc();
    this.jump(O.SETUP_CLEANUP, cleanup);
    this.op(O.PUSH_EXC_INFO);
    this.pushFBlock(FB.ExceptionHandler, null, null);
    for (let i = 0; i < n; i++) {
      const h = s.handlers[i] as Node;
      this.setLoc(h);
      if (h.type === null && i < n - 1) this.error("default 'except:' must be last");
      except = u.newBlock();
      if (h.type !== null) {
        this.expr(h.type);
        this.op(O.CHECK_EXC_MATCH);
        this.jump(O.POP_JUMP_IF_FALSE, except);
        u.nextBlock();
      }
      if (h.name !== null) {
        const cleanupEnd = u.newBlock();
        const cleanupBody = u.newBlock();
        this.nameStore(h.name);
        this.jump(O.SETUP_CLEANUP, cleanupEnd);
        u.useNext(cleanupBody);
        this.pushFBlock(FB.HandlerCleanup, cleanupBody, null, h.name);
        this.stmts(h.body);
        this.popFBlock();
        this.unsetLoc();
        this.op(O.POP_BLOCK);
        this.op(O.POP_BLOCK);
        this.op(O.POP_EXCEPT);
        this.loadConst(null);
        this.nameStore(h.name);
        this.name(h.name, 'Del');
        this.jump(O.JUMP, end);
        u.useNext(cleanupEnd);
        this.unsetLoc();
        this.loadConst(null);
        this.nameStore(h.name);
        this.name(h.name, 'Del');
        this.op(O.RERAISE, 1);
      } else {
        const cleanupBody = u.newBlock();
        this.op(O.POP_TOP);
        u.useNext(cleanupBody);
        this.pushFBlock(FB.HandlerCleanup, cleanupBody, null, null);
        this.stmts(h.body);
        this.popFBlock();
        this.unsetLoc();
        this.op(O.POP_BLOCK);
        this.op(O.POP_EXCEPT);
        this.jump(O.JUMP, end);
      }
      u.useNext(except);
    }
    this.unsetLoc();
    this.popFBlock();
    this.op(O.RERAISE, 0);
    u.useNext(cleanup);
    this.popExceptAndReraise();
    u.useNext(end);
  }

  /** compiler_try_star_except */
  private tryStarExcept(s: Node): void {
    const u = this.u;
    const body = u.newBlock();
    let except = u.newBlock();
    const orelse = u.newBlock();
    const end = u.newBlock();
    const cleanup = u.newBlock();
    const reraiseStar = u.newBlock();
    this.jump(O.SETUP_FINALLY, except);
    u.useNext(body);
    this.pushFBlock(FB.TryExcept, body, null);
    this.stmts(s.body);
    this.popFBlock();
    u.addOpNoLine(O.POP_BLOCK);
    this.jumpNoLine(O.JUMP, orelse);
    const n = s.handlers.length;
    u.useNext(except);
    this.unsetLoc();
    this.jump(O.SETUP_CLEANUP, cleanup);
    this.op(O.PUSH_EXC_INFO);
    this.pushFBlock(FB.ExceptionGroupHandler, null, null, 'except handler');
    for (let i = 0; i < n; i++) {
      const h = s.handlers[i] as Node;
      this.setLoc(h);
      except = u.newBlock();
      const exceptWithError = u.newBlock();
      const noMatch = u.newBlock();
      if (i === 0) {
        this.op(O.COPY, 1);
        this.op(O.BUILD_LIST, 0);
        this.op(O.SWAP, 2);
      }
      if (h.type !== null) {
        this.expr(h.type);
        this.op(O.CHECK_EG_MATCH);
        this.op(O.COPY, 1);
        this.jump(O.POP_JUMP_IF_NONE, noMatch);
        u.nextBlock();
      }
      const cleanupEnd = u.newBlock();
      const cleanupBody = u.newBlock();
      if (h.name !== null) this.nameStore(h.name);
      else this.op(O.POP_TOP);
      this.jump(O.SETUP_CLEANUP, cleanupEnd);
      u.useNext(cleanupBody);
      this.pushFBlock(FB.HandlerCleanup, cleanupBody, null, h.name);
      this.stmts(h.body);
      this.popFBlock();
      this.unsetLoc();
      this.op(O.POP_BLOCK);
      if (h.name !== null) {
        this.loadConst(null);
        this.nameStore(h.name);
        this.name(h.name, 'Del');
      }
      this.jump(O.JUMP, except);
      u.useNext(cleanupEnd);
      if (h.name !== null) {
        this.loadConst(null);
        this.nameStore(h.name);
        this.name(h.name, 'Del');
      }
      this.op(O.LIST_APPEND, 3);
      this.op(O.POP_TOP);
      this.jump(O.JUMP, exceptWithError);
      u.useNext(except);
      this.op(O.NOP);
      this.jump(O.JUMP, exceptWithError);
      u.useNext(noMatch);
      this.op(O.POP_TOP);
      u.useNext(exceptWithError);
      if (i === n - 1) {
        this.op(O.LIST_APPEND, 1);
        this.jump(O.JUMP, reraiseStar);
      }
    }
    this.unsetLoc();
    this.popFBlock();
    const reraise = u.newBlock();
    u.useNext(reraiseStar);
    this.op(O.PREP_RERAISE_STAR);
    this.op(O.COPY, 1);
    this.jump(O.POP_JUMP_IF_NOT_NONE, reraise);
    u.nextBlock();
    this.op(O.POP_TOP);
    this.op(O.POP_BLOCK);
    this.op(O.POP_EXCEPT);
    this.jump(O.JUMP, end);
    u.useNext(reraise);
    this.op(O.POP_BLOCK);
    this.op(O.SWAP, 2);
    this.op(O.POP_EXCEPT);
    this.op(O.RERAISE, 0);
    u.useNext(cleanup);
    this.popExceptAndReraise();
    u.useNext(orelse);
    this.stmts(s.orelse);
    u.useNext(end);
  }

  /** compiler_try_finally */
  private tryFinally(s: Node): void {
    const u = this.u;
    const body = u.newBlock();
    const end = u.newBlock();
    const exit = u.newBlock();
    const cleanup = u.newBlock();
    this.jump(O.SETUP_FINALLY, end);
    u.useNext(body);
    this.pushFBlock(FB.FinallyTry, body, end, s.finalbody);
    if (s.handlers.length > 0) {
      if (s._type === 'TryStar') this.tryStarExcept(s);
      else this.tryExcept(s);
    } else {
      this.stmts(s.body);
    }
    u.addOpNoLine(O.POP_BLOCK);
    this.popFBlock();
    this.stmts(s.finalbody);
    this.jumpNoLine(O.JUMP, exit);
    u.useNext(end);
    this.unsetLoc();
    this.jump(O.SETUP_CLEANUP, cleanup);
    this.op(O.PUSH_EXC_INFO);
    this.pushFBlock(FB.FinallyEnd, end, null);
    this.stmts(s.finalbody);
    this.popFBlock();
    this.op(O.RERAISE, 0);
    u.useNext(cleanup);
    this.popExceptAndReraise();
    u.useNext(exit);
  }

  private callExitWithNones(): void {
    this.loadConst(null);
    this.loadConst(null);
    this.loadConst(null);
    this.op(O.PRECALL, 2);
    this.op(O.CALL, 2);
  }

  /** compiler_with */
  private withStmt(s: Node, pos: number): void {
    const u = this.u;
    const item = s.items[pos] as Node;
    const block = u.newBlock();
    const final = u.newBlock();
    const exit = u.newBlock();
    const cleanup = u.newBlock();
    this.expr(item.context_expr);
    this.op(O.BEFORE_WITH);
    this.jump(O.SETUP_WITH, final);
    u.useNext(block);
    this.pushFBlock(FB.With, block, final, s);
    if (item.optional_vars !== null) this.expr(item.optional_vars);
    else this.op(O.POP_TOP);
    pos++;
    if (pos === s.items.length) this.stmts(s.body);
    else this.withStmt(s, pos);
    this.unsetLoc();
    this.op(O.POP_BLOCK);
    this.popFBlock();
    this.setLoc(s);
    this.callExitWithNones();
    this.op(O.POP_TOP);
    this.jump(O.JUMP, exit);
    u.useNext(final);
    this.jump(O.SETUP_CLEANUP, cleanup);
    this.op(O.PUSH_EXC_INFO);
    this.op(O.WITH_EXCEPT_START);
    this.withExceptFinish(cleanup);
    u.useNext(exit);
  }

  /** compiler_async_with */
  private asyncWith(s: Node, pos: number): void {
    const u = this.u;
    if (u.kind !== SK.AsyncFunction) this.error("'async with' outside async function");
    const item = s.items[pos] as Node;
    const block = u.newBlock();
    const final = u.newBlock();
    const exit = u.newBlock();
    const cleanup = u.newBlock();
    this.expr(item.context_expr);
    this.op(O.BEFORE_ASYNC_WITH);
    this.op(O.GET_AWAITABLE, 1);
    this.loadConst(null);
    this.yieldFrom(true);
    this.jump(O.SETUP_WITH, final);
    u.useNext(block);
    this.pushFBlock(FB.AsyncWith, block, final, s);
    if (item.optional_vars !== null) this.expr(item.optional_vars);
    else this.op(O.POP_TOP);
    pos++;
    if (pos === s.items.length) this.stmts(s.body);
    else this.asyncWith(s, pos);
    this.popFBlock();
    this.op(O.POP_BLOCK);
    this.setLoc(s);
    this.callExitWithNones();
    this.op(O.GET_AWAITABLE, 2);
    this.loadConst(null);
    this.yieldFrom(true);
    this.op(O.POP_TOP);
    this.jump(O.JUMP, exit);
    u.useNext(final);
    this.jump(O.SETUP_CLEANUP, cleanup);
    this.op(O.PUSH_EXC_INFO);
    this.op(O.WITH_EXCEPT_START);
    this.op(O.GET_AWAITABLE, 2);
    this.loadConst(null);
    this.yieldFrom(true);
    this.withExceptFinish(cleanup);
    u.useNext(exit);
  }

  /** compiler_async_for */
  private asyncFor(s: Node): void {
    const u = this.u;
    if (u.kind !== SK.AsyncFunction) this.error("'async for' outside async function");
    const start = u.newBlock();
    const except = u.newBlock();
    const end = u.newBlock();
    this.expr(s.iter);
    this.op(O.GET_AITER);
    u.useNext(start);
    this.pushFBlock(FB.ForLoop, start, end);
    this.jump(O.SETUP_FINALLY, except);
    this.op(O.GET_ANEXT);
    this.loadConst(null);
    this.yieldFrom(true);
    this.op(O.POP_BLOCK);
    this.expr(s.target);
    this.stmts(s.body);
    this.unsetLoc();
    this.jump(O.JUMP, start);
    this.popFBlock();
    u.useNext(except);
    this.setLoc(s.iter);
    this.op(O.END_ASYNC_FOR);
    this.stmts(s.orelse);
    u.useNext(end);
  }

  /** compiler_with_except_finish */
  private withExceptFinish(cleanup: ReturnType<Unit['newBlock']>): void {
    const u = this.u;
    this.unsetLoc();
    const exit = u.newBlock();
    this.jump(O.POP_JUMP_IF_TRUE, exit);
    u.nextBlock();
    this.op(O.RERAISE, 2);
    u.useNext(cleanup);
    this.popExceptAndReraise();
    u.useNext(exit);
    this.op(O.POP_TOP);
    this.op(O.POP_BLOCK);
    this.op(O.POP_EXCEPT);
    this.op(O.POP_TOP);
    this.op(O.POP_TOP);
  }

  /** compiler_assert */
  private assertStmt(s: Node): void {
    const u = this.u;
    const t = s.test as Node;
    if ((t._type === 'Tuple' && t.elts.length > 0) || (t._type === 'Constant' && t.value instanceof ConstTuple && t.value.items.length > 0)) {
      this.warn('assertion is always true, perhaps remove parentheses?');
    }
    const end = u.newBlock();
    this.jumpIf(s.test, end, true);
    this.op(O.LOAD_ASSERTION_ERROR);
    if (s.msg !== null) {
      this.expr(s.msg);
      this.op(O.PRECALL, 0);
      this.op(O.CALL, 0);
    }
    this.op(O.RAISE_VARARGS, 1);
    u.useNext(end);
  }

  /** compiler_import */
  private importStmt(s: Node): void {
    for (const alias of s.names as Node[]) {
      this.loadConst(0n);
      this.loadConst(null);
      this.u.addOp(O.IMPORT_NAME, this.u.addName(alias.name));
      const name: string = alias.name;
      if (alias.asname !== null) {
        let dot = name.indexOf('.');
        if (dot !== -1) {
          for (;;) {
            const pos = dot + 1;
            dot = name.indexOf('.', pos);
            const attr = name.slice(pos, dot !== -1 ? dot : name.length);
            this.u.addOp(O.IMPORT_FROM, this.u.addName(attr));
            if (dot === -1) break;
            this.op(O.SWAP, 2);
            this.op(O.POP_TOP);
          }
          this.nameStore(alias.asname);
          this.op(O.POP_TOP);
        } else {
          this.nameStore(alias.asname);
        }
      } else {
        const dot = name.indexOf('.');
        this.nameStore(dot !== -1 ? name.slice(0, dot) : name);
      }
    }
  }

  /** compiler_from_import */
  private importFrom(s: Node): void {
    this.loadConst(BigInt(s.level ?? 0));
    const names = (s.names as Node[]).map((a) => a.name as string);
    if (s.lineno! > this.st.future.lineno && s.module === '__future__') {
      this.error('from __future__ imports must occur at the beginning of the file');
    }
    this.loadConst(new ConstTuple(names));
    this.u.addOp(O.IMPORT_NAME, this.u.addName(s.module ?? ''));
    const aliases = s.names as Node[];
    for (let i = 0; i < aliases.length; i++) {
      const a = aliases[i]!;
      if (i === 0 && a.name.startsWith('*')) {
        this.op(O.IMPORT_STAR);
        return;
      }
      this.u.addOp(O.IMPORT_FROM, this.u.addName(a.name));
      this.nameStore(a.asname ?? a.name);
    }
    this.op(O.POP_TOP);
  }

  /** compiler_augassign */
  private augAssign(s: Node): void {
    const e = s.target as Node;
    const old = this.u.loc;
    this.setLoc(e);
    switch (e._type) {
      case 'Attribute':
        this.expr(e.value);
        this.op(O.COPY, 1);
        this.matchAttrLoc(e);
        this.u.addOp(O.LOAD_ATTR, this.u.addName(mangle(this.u.privateName, e.attr)));
        break;
      case 'Subscript':
        this.expr(e.value);
        this.expr(e.slice);
        this.op(O.COPY, 2);
        this.op(O.COPY, 2);
        this.op(O.BINARY_SUBSCR);
        break;
      case 'Name':
        this.name(e.id, 'Load');
        break;
      default:
        this.error(`invalid node type (${e._type}) for augmented assignment`);
    }
    this.u.loc = old;
    this.expr(s.value);
    this.op(O.BINARY_OP, BINOP[s.op as string]! + 13);
    this.setLoc(e);
    switch (e._type) {
      case 'Attribute':
        this.matchAttrLoc(e);
        this.op(O.SWAP, 2);
        this.u.addOp(O.STORE_ATTR, this.u.addName(mangle(this.u.privateName, e.attr)));
        break;
      case 'Subscript':
        this.op(O.SWAP, 3);
        this.op(O.SWAP, 2);
        this.op(O.STORE_SUBSCR);
        break;
      default:
        this.name(e.id, 'Store');
    }
  }

  /** compiler_annassign */
  private annAssign(s: Node): void {
    const targ = s.target as Node;
    if (s.value !== null) {
      this.expr(s.value);
      this.expr(targ);
    }
    const future = (this.futureFlags & CO_FUTURE_ANNOTATIONS) !== 0;
    switch (targ._type) {
      case 'Name':
        if (s.simple !== 0 && (this.u.kind === SK.Module || this.u.kind === SK.Class)) {
          if (future) this.annotationString(s.annotation);
          else this.expr(s.annotation);
          this.u.addOp(O.LOAD_NAME, this.u.addName('__annotations__'));
          this.loadConst(mangle(this.u.privateName, targ.id));
          this.op(O.STORE_SUBSCR);
        }
        break;
      case 'Attribute':
        if (s.value === null) this.checkAnnExpr(targ.value);
        break;
      case 'Subscript':
        if (s.value === null) {
          this.checkAnnExpr(targ.value);
          this.checkAnnSubscr(targ.slice);
        }
        break;
      default:
        this.error(`invalid node type (${targ._type}) for annotated assignment`);
    }
    if (s.simple === 0 && !future && (this.u.kind === SK.Module || this.u.kind === SK.Class)) this.checkAnnExpr(s.annotation);
  }

  /** VISIT(annexpr): the annotation as its source-like string (from __future__ import annotations) */
  private annotationString(e: Node): void {
    const text = unparseAnnotation(e);
    if (text === null) this.unsupported('f-string in a stringified annotation');
    this.loadConst(text);
  }

  private checkAnnExpr(e: Node): void {
    this.expr(e);
    this.op(O.POP_TOP);
  }

  private checkAnnSubscr(e: Node): void {
    if (e._type === 'Slice') {
      if (e.lower !== null) this.checkAnnExpr(e.lower);
      if (e.upper !== null) this.checkAnnExpr(e.upper);
      if (e.step !== null) this.checkAnnExpr(e.step);
    } else if (e._type === 'Tuple') {
      for (const x of e.elts) this.checkAnnSubscr(x);
    } else {
      this.checkAnnExpr(e);
    }
  }

  // ---- functions and classes ---------------------------------------------------

  /** compiler_default_arguments */
  private defaultArguments(args: Node): number {
    let flags = 0;
    if (args.defaults.length > 0) {
      for (const d of args.defaults) this.expr(d);
      this.op(O.BUILD_TUPLE, args.defaults.length);
      flags |= 1;
    }
    const keys: string[] = [];
    for (let i = 0; i < args.kwonlyargs.length; i++) {
      const d = args.kw_defaults[i] as Node | null;
      if (d !== null) {
        keys.push(mangle(this.u.privateName, args.kwonlyargs[i].arg));
        this.expr(d);
      }
    }
    if (keys.length > 0) {
      this.loadConst(new ConstTuple(keys));
      this.op(O.BUILD_CONST_KEY_MAP, keys.length);
      flags |= 2;
    }
    return flags;
  }

  private argAnnotation(id: string, ann: Node | null, count: { n: number }): void {
    if (ann === null) return;
    this.loadConst(mangle(this.u.privateName, id));
    if ((this.futureFlags & CO_FUTURE_ANNOTATIONS) !== 0) this.annotationString(ann);
    else if (ann._type === 'Starred') {
      this.expr(ann.value);
      this.op(O.UNPACK_SEQUENCE, 1);
    } else {
      this.expr(ann);
    }
    count.n += 2;
  }

  /** compiler_visit_annotations; true when annotations were pushed */
  private annotations(args: Node, returns: Node | null): boolean {
    const count = { n: 0 };
    for (const a of args.args) this.argAnnotation(a.arg, a.annotation, count);
    for (const a of args.posonlyargs) this.argAnnotation(a.arg, a.annotation, count);
    if (args.vararg !== null) this.argAnnotation(args.vararg.arg, args.vararg.annotation, count);
    for (const a of args.kwonlyargs) this.argAnnotation(a.arg, a.annotation, count);
    if (args.kwarg !== null) this.argAnnotation(args.kwarg.arg, args.kwarg.annotation, count);
    this.argAnnotation('return', returns, count);
    if (count.n > 0) {
      this.op(O.BUILD_TUPLE, count.n);
      return true;
    }
    return false;
  }

  /** compiler_make_closure */
  private makeClosure(co: CodeObject, flags: number): void {
    if (co.co_freevars.length > 0) {
      for (const name of co.co_freevars) {
        // get_ref_type: in a class body, __class__ is the class cell
        const u = this.u;
        const isCell = (u.kind === SK.Class && name === '__class__') || scopeOf(u.scope.flags(name)) === CELL;
        u.addOp(O.LOAD_CLOSURE, isCell ? u.cellIndex.get(name)! : u.freeIndex.get(name)!);
      }
      flags |= 8;
      this.op(O.BUILD_TUPLE, co.co_freevars.length);
    }
    this.loadConst(co);
    this.op(O.MAKE_FUNCTION, flags);
  }

  /** compiler_function */
  private functionDef(s: Node): void {
    const isAsync = s._type === 'AsyncFunctionDef';
    const decos = s.decorator_list as Node[];
    for (const d of decos) this.expr(d);
    const firstLineno = decos.length > 0 ? decos[0]!.lineno! : s.lineno!;
    let flags = this.defaultArguments(s.args);
    if (this.annotations(s.args, s.returns)) flags |= 4;
    this.enterScope(s, isAsync ? SK.AsyncFunction : SK.Function, firstLineno);
    const body = s.body as Node[];
    const doc = isDocstring(body);
    this.u.addConst(doc ? (body[0]!.value.value as PyConst) : null);
    this.u.argcount = s.args.args.length + s.args.posonlyargs.length;
    this.u.posonlyargcount = s.args.posonlyargs.length;
    this.u.kwonlyargcount = s.args.kwonlyargs.length;
    for (let i = doc ? 1 : 0; i < body.length; i++) this.stmt(body[i]!);
    const co = this.makeCode(true);
    this.exitScope();
    this.makeClosure(co, flags);
    this.applyDecorators(decos, s);
    this.nameStore(s.name);
  }

  private applyDecorators(decos: Node[], s: Node): void {
    for (let i = decos.length - 1; i >= 0; i--) {
      this.setLoc(decos[i]!);
      this.op(O.PRECALL, 0);
      this.op(O.CALL, 0);
    }
    this.setLoc(s);
  }

  /** compiler_class */
  private classDef(s: Node): void {
    const decos = s.decorator_list as Node[];
    for (const d of decos) this.expr(d);
    const firstLineno = decos.length > 0 ? decos[0]!.lineno! : s.lineno!;
    this.enterScope(s, SK.Class, firstLineno);
    const u = this.u;
    u.privateName = s.name;
    this.name('__name__', 'Load');
    this.nameStore('__module__');
    this.loadConst(u.scope.qualname);
    this.nameStore('__qualname__');
    this.body(s.body);
    this.unsetLoc();
    if (u.scope.needsClassClosure) {
      u.addOp(O.LOAD_CLOSURE, u.cellIndex.get('__class__')!);
      this.op(O.COPY, 1);
      this.nameStore('__classcell__');
    } else {
      this.loadConst(null);
    }
    this.op(O.RETURN_VALUE);
    const co = this.makeCode(true);
    this.exitScope();
    this.op(O.PUSH_NULL);
    this.op(O.LOAD_BUILD_CLASS);
    this.makeClosure(co, 0);
    this.loadConst(s.name);
    this.validateKeywords(s.keywords as Node[]);
    this.callHelper(2, s.bases, s.keywords);
    this.applyDecorators(decos, s);
    this.nameStore(s.name);
  }

  // ---- conditional jumps -------------------------------------------------------------

  /** compiler_jump_if */
  private jumpIf(e: Node, next: ReturnType<Unit['newBlock']>, cond: boolean): void {
    const u = this.u;
    switch (e._type) {
      case 'UnaryOp':
        if (e.op === 'Not') {
          this.jumpIf(e.operand, next, !cond);
          return;
        }
        break;
      case 'BoolOp': {
        const vals = e.values as Node[];
        const n = vals.length - 1;
        const cond2 = e.op === 'Or';
        let next2 = next;
        if (cond2 !== cond) next2 = u.newBlock();
        for (let i = 0; i < n; i++) this.jumpIf(vals[i]!, next2, cond2);
        this.jumpIf(vals[n]!, next, cond);
        if (next2 !== next) u.useNext(next2);
        return;
      }
      case 'IfExp': {
        const end = u.newBlock();
        const next2 = u.newBlock();
        this.jumpIf(e.test, next2, false);
        this.jumpIf(e.body, next, cond);
        this.jumpNoLine(O.JUMP, end);
        u.useNext(next2);
        this.jumpIf(e.orelse, next, cond);
        u.useNext(end);
        return;
      }
      case 'Compare': {
        // CPython 3.11 leaves the comparison's location current after the jump
        this.setLoc(e);
        const n = e.ops.length - 1;
        if (n > 0) {
          this.checkCompare(e);
          const cleanup = u.newBlock();
          this.expr(e.left);
          for (let i = 0; i < n; i++) {
            this.expr(e.comparators[i]);
            this.op(O.SWAP, 2);
            this.op(O.COPY, 2);
            this.compareOp(e.ops[i]);
            this.jump(O.POP_JUMP_IF_FALSE, cleanup);
            u.nextBlock();
          }
          this.expr(e.comparators[n]);
          this.compareOp(e.ops[n]);
          this.jump(cond ? O.POP_JUMP_IF_TRUE : O.POP_JUMP_IF_FALSE, next);
          u.nextBlock();
          const end = u.newBlock();
          this.jumpNoLine(O.JUMP, end);
          u.useNext(cleanup);
          this.op(O.POP_TOP);
          if (!cond) this.jumpNoLine(O.JUMP, next);
          u.useNext(end);
          return;
        }
        break;
      }
      default:
        break;
    }
    this.expr(e);
    this.jump(cond ? O.POP_JUMP_IF_TRUE : O.POP_JUMP_IF_FALSE, next);
    u.nextBlock();
  }

  private compareOp(op: string): void {
    const [code, arg] = CMP[op]!;
    this.op(code, arg);
  }

  // ---- expressions ---------------------------------------------------------------------

  /** compiler_visit_expr: the expression's location for its instructions, restored afterwards */
  private expr(e: Node): void {
    const old = this.u.loc;
    this.setLoc(e);
    this.expr1(e);
    this.u.loc = old;
  }

  private matchAttrLoc(e: Node): void {
    const u = this.u;
    if (u.loc.line !== e.end_lineno) {
      const len = (e.attr as string).length;
      let col = u.loc.col;
      let endCol = u.loc.endCol;
      if (len <= e.end_col_offset!) col = e.end_col_offset! - len;
      else {
        col = -1;
        endCol = -1;
      }
      const line = e.end_lineno!;
      const endLine = Math.max(line, u.loc.endLine);
      if (line === endLine) endCol = Math.max(col, endCol);
      u.loc = { line, endLine, col, endCol };
    }
  }

  private expr1(e: Node): void {
    const u = this.u;
    switch (e._type) {
      case 'NamedExpr':
        this.expr(e.value);
        this.op(O.COPY, 1);
        this.expr(e.target);
        return;
      case 'BoolOp': {
        const jumpi = e.op === 'And' ? O.JUMP_IF_FALSE_OR_POP : O.JUMP_IF_TRUE_OR_POP;
        const end = u.newBlock();
        const vals = e.values as Node[];
        const n = vals.length - 1;
        for (let i = 0; i < n; i++) {
          this.expr(vals[i]!);
          this.jump(jumpi, end);
          u.useNext(u.newBlock());
        }
        this.expr(vals[n]!);
        u.useNext(end);
        return;
      }
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        this.op(O.BINARY_OP, BINOP[e.op as string]!);
        return;
      case 'UnaryOp':
        this.expr(e.operand);
        this.op(UNARY[e.op as string]!);
        return;
      case 'Lambda':
        this.lambda(e);
        return;
      case 'IfExp': {
        const end = u.newBlock();
        const next = u.newBlock();
        this.jumpIf(e.test, next, false);
        this.expr(e.body);
        this.jumpNoLine(O.JUMP, end);
        u.useNext(next);
        this.expr(e.orelse);
        u.useNext(end);
        return;
      }
      case 'Dict':
        this.dict(e);
        return;
      case 'Set':
        this.starunpack(e.elts, 0, O.BUILD_SET, O.SET_ADD, O.SET_UPDATE, false);
        return;
      case 'GeneratorExp':
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
        this.comprehension(e);
        return;
      case 'Yield':
        if (u.scope.type !== FunctionBlock) this.error("'yield' outside function");
        if (e.value !== null) this.expr(e.value);
        else this.loadConst(null);
        this.yieldOp();
        return;
      case 'YieldFrom':
        if (u.scope.type !== FunctionBlock) this.error("'yield' outside function");
        if (u.kind === SK.AsyncFunction) this.error("'yield from' inside async function");
        this.expr(e.value);
        this.op(O.GET_YIELD_FROM_ITER);
        this.loadConst(null);
        this.yieldFrom(false);
        return;
      case 'Await':
        if (u.scope.type !== FunctionBlock) this.error("'await' outside function");
        if (u.kind !== SK.AsyncFunction && u.kind !== SK.Comprehension) this.error("'await' outside async function");
        this.expr(e.value);
        this.op(O.GET_AWAITABLE, 0);
        this.loadConst(null);
        this.yieldFrom(true);
        return;
      case 'Compare':
        this.compare(e);
        return;
      case 'Call':
        this.call(e);
        return;
      case 'FormattedValue': {
        this.expr(e.value);
        const conv = e.conversion as number;
        let arg = conv === 115 ? 1 : conv === 114 ? 2 : conv === 97 ? 3 : 0;
        if (e.format_spec !== null) {
          this.expr(e.format_spec);
          arg |= 4;
        }
        this.op(O.FORMAT_VALUE, arg);
        return;
      }
      case 'JoinedStr': {
        const vals = e.values as Node[];
        if (vals.length > STACK_USE_GUIDELINE) {
          this.loadConst('');
          u.addOp(O.LOAD_METHOD, u.addName('join'));
          this.op(O.BUILD_LIST, 0);
          for (const v of vals) {
            this.expr(v);
            this.op(O.LIST_APPEND, 1);
          }
          this.op(O.PRECALL, 1);
          this.op(O.CALL, 1);
        } else {
          for (const v of vals) this.expr(v);
          if (vals.length !== 1) this.op(O.BUILD_STRING, vals.length);
        }
        return;
      }
      case 'Constant':
        this.loadConst(e.value as PyConst);
        return;
      case 'Attribute':
        this.expr(e.value);
        this.matchAttrLoc(e);
        {
          const ix = u.addName(mangle(u.privateName, e.attr));
          u.addOp(e.ctx === 'Load' ? O.LOAD_ATTR : e.ctx === 'Store' ? O.STORE_ATTR : O.DELETE_ATTR, ix);
        }
        return;
      case 'Subscript':
        this.expr(e.value);
        this.expr(e.slice);
        this.op(e.ctx === 'Load' ? O.BINARY_SUBSCR : e.ctx === 'Store' ? O.STORE_SUBSCR : O.DELETE_SUBSCR);
        return;
      case 'Starred':
        if (e.ctx === 'Store') this.error('starred assignment target must be in a list or tuple');
        this.error("can't use starred expression here");
        return;
      case 'Slice': {
        let n = 2;
        if (e.lower !== null) this.expr(e.lower);
        else this.loadConst(null);
        if (e.upper !== null) this.expr(e.upper);
        else this.loadConst(null);
        if (e.step !== null) {
          n++;
          this.expr(e.step);
        }
        this.op(O.BUILD_SLICE, n);
        return;
      }
      case 'Name':
        this.name(e.id, e.ctx);
        return;
      case 'List':
      case 'Tuple':
        if (e.ctx === 'Store') {
          this.assignmentHelper(e.elts);
        } else if (e.ctx === 'Load') {
          if (e._type === 'List') this.starunpack(e.elts, 0, O.BUILD_LIST, O.LIST_APPEND, O.LIST_EXTEND, false);
          else this.starunpack(e.elts, 0, O.BUILD_LIST, O.LIST_APPEND, O.LIST_EXTEND, true);
        } else {
          for (const x of e.elts) this.expr(x);
        }
        return;
      default:
        this.unsupported(e._type);
    }
  }

  /** ADDOP_YIELD */
  private yieldOp(): void {
    if (this.u.scope.generator && this.u.scope.coroutine) this.op(O.ASYNC_GEN_WRAP);
    this.op(O.YIELD_VALUE);
    this.op(O.RESUME, 1);
  }

  /** compiler_add_yield_from */
  private yieldFrom(isAwait: boolean): void {
    const u = this.u;
    const start = u.newBlock();
    const resume = u.newBlock();
    const exit = u.newBlock();
    u.useNext(start);
    this.jump(O.SEND, exit);
    u.useNext(resume);
    this.op(O.YIELD_VALUE);
    this.op(O.RESUME, isAwait ? 3 : 2);
    this.jump(O.JUMP_NO_INTERRUPT, start);
    u.useNext(exit);
  }

  /** unpack_helper + assignment_helper */
  private assignmentHelper(elts: Node[]): void {
    const n = elts.length;
    let seenStar = false;
    for (let i = 0; i < n; i++) {
      const elt = elts[i]!;
      if (elt._type === 'Starred' && !seenStar) {
        if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) this.error('too many expressions in star-unpacking assignment');
        this.op(O.UNPACK_EX, i + ((n - i - 1) << 8));
        seenStar = true;
      } else if (elt._type === 'Starred') {
        this.error('multiple starred expressions in assignment');
      }
    }
    if (!seenStar) this.op(O.UNPACK_SEQUENCE, n);
    for (const elt of elts) this.expr(elt._type !== 'Starred' ? elt : elt.value);
  }

  /** starunpack_helper */
  private starunpack(elts: Node[], pushed: number, build: number, add: number, extend: number, tuple: boolean): void {
    const n = elts.length;
    if (n > 2 && elts.every((x) => x._type === 'Constant')) {
      const items = elts.map((x) => x.value as PyConst);
      if (tuple && pushed === 0) {
        this.loadConst(new ConstTuple(items));
      } else {
        this.op(build, pushed);
        this.loadConst(add === O.SET_ADD ? new ConstFrozenSet(items) : new ConstTuple(items));
        this.op(extend, 1);
        if (tuple) this.op(O.LIST_TO_TUPLE);
      }
      return;
    }
    const big = n + pushed > STACK_USE_GUIDELINE;
    const seenStar = elts.some((x) => x._type === 'Starred');
    if (!seenStar && !big) {
      for (const x of elts) this.expr(x);
      this.op(tuple ? O.BUILD_TUPLE : build, n + pushed);
      return;
    }
    let built = false;
    if (big) {
      this.op(build, pushed);
      built = true;
    }
    for (let i = 0; i < n; i++) {
      const x = elts[i]!;
      if (x._type === 'Starred') {
        if (!built) {
          this.op(build, i + pushed);
          built = true;
        }
        this.expr(x.value);
        this.op(extend, 1);
      } else {
        this.expr(x);
        if (built) this.op(add, 1);
      }
    }
    if (tuple) this.op(O.LIST_TO_TUPLE);
  }

  /** compiler_subdict */
  private subdict(e: Node, begin: number, end: number): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    const keys = e.keys as (Node | null)[];
    if (n > 1 && !big && keys.slice(begin, end).every((k) => k !== null && k._type === 'Constant')) {
      for (let i = begin; i < end; i++) this.expr(e.values[i]);
      this.loadConst(new ConstTuple(keys.slice(begin, end).map((k) => k!.value as PyConst)));
      this.op(O.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) this.op(O.BUILD_MAP, 0);
    for (let i = begin; i < end; i++) {
      this.expr(keys[i]!);
      this.expr(e.values[i]);
      if (big) this.op(O.MAP_ADD, 1);
    }
    if (!big) this.op(O.BUILD_MAP, n);
  }

  /** compiler_dict */
  private dict(e: Node): void {
    const n = e.values.length;
    let haveDict = false;
    let elements = 0;
    for (let i = 0; i < n; i++) {
      if (e.keys[i] === null) {
        if (elements > 0) {
          this.subdict(e, i - elements, i);
          if (haveDict) this.op(O.DICT_UPDATE, 1);
          haveDict = true;
          elements = 0;
        }
        if (!haveDict) {
          this.op(O.BUILD_MAP, 0);
          haveDict = true;
        }
        this.expr(e.values[i]);
        this.op(O.DICT_UPDATE, 1);
      } else if (elements * 2 > STACK_USE_GUIDELINE) {
        this.subdict(e, i - elements, i + 1);
        if (haveDict) this.op(O.DICT_UPDATE, 1);
        haveDict = true;
        elements = 0;
      } else {
        elements++;
      }
    }
    if (elements > 0) {
      this.subdict(e, n - elements, n);
      if (haveDict) this.op(O.DICT_UPDATE, 1);
      haveDict = true;
    }
    if (!haveDict) this.op(O.BUILD_MAP, 0);
  }

  /** compiler_compare */
  private compare(e: Node): void {
    const u = this.u;
    this.checkCompare(e);
    this.expr(e.left);
    const n = e.ops.length - 1;
    if (n === 0) {
      this.expr(e.comparators[0]);
      this.compareOp(e.ops[0]);
      return;
    }
    const cleanup = u.newBlock();
    for (let i = 0; i < n; i++) {
      this.expr(e.comparators[i]);
      this.op(O.SWAP, 2);
      this.op(O.COPY, 2);
      this.compareOp(e.ops[i]);
      this.jump(O.JUMP_IF_FALSE_OR_POP, cleanup);
      u.nextBlock();
    }
    this.expr(e.comparators[n]);
    this.compareOp(e.ops[n]);
    const end = u.newBlock();
    this.jumpNoLine(O.JUMP, end);
    u.useNext(cleanup);
    this.op(O.SWAP, 2);
    this.op(O.POP_TOP);
    u.useNext(end);
  }

  /** validate_keywords: the same keyword twice in a call or a class header. */
  private validateKeywords(kws: Node[]): void {
    for (let i = 0; i < kws.length; i++) {
      const name = kws[i]!.arg;
      if (name === null) continue;
      for (let j = i + 1; j < kws.length; j++) {
        if (kws[j]!.arg === name) this.error(`keyword argument repeated: ${name as string}`, locOf(kws[j]!));
      }
    }
  }

  /** compiler_call (with maybe_optimize_method_call) */
  private call(e: Node): void {
    const u = this.u;
    const func = e.func as Node;
    const args = e.args as Node[];
    const kws = e.keywords as Node[];
    this.validateKeywords(kws);
    if (func._type === 'Attribute' && func.ctx === 'Load' && !this.isImportOriginated(func.value)
      && args.length + kws.length + (kws.length !== 0 ? 1 : 0) < STACK_USE_GUIDELINE
      && !args.some((a) => a._type === 'Starred') && !kws.some((k) => k.arg === null)) {
      this.expr(func.value);
      this.setLoc(func);
      this.matchAttrLoc(func);
      u.addOp(O.LOAD_METHOD, u.addName(mangle(u.privateName, func.attr)));
      for (const a of args) this.expr(a);
      if (kws.length > 0) {
        for (const k of kws) this.expr(k.value);
        this.op(O.KW_NAMES, u.addConst(new ConstTuple(kws.map((k) => k.arg as string))));
      }
      this.setLoc(e);
      this.matchAttrLoc(func);
      this.op(O.PRECALL, args.length + kws.length);
      this.op(O.CALL, args.length + kws.length);
      return;
    }
    this.checkCaller(func);
    this.setLoc(func);
    this.op(O.PUSH_NULL);
    this.setLoc(e);
    this.expr(func);
    this.callHelper(0, args, kws);
  }

  private isImportOriginated(e: Node): boolean {
    if (e._type !== 'Name') return false;
    return (this.st.top.flags(e.id) & DEF_IMPORT) !== 0;
  }

  /** compiler_call_helper */
  private callHelper(n: number, args: Node[], kws: Node[]): void {
    const u = this.u;
    const nelts = args.length;
    const nkw = kws.length;
    if (!(nelts + nkw * 2 > STACK_USE_GUIDELINE || args.some((a) => a._type === 'Starred') || kws.some((k) => k.arg === null))) {
      for (const a of args) this.expr(a);
      if (nkw > 0) {
        for (const k of kws) this.expr(k.value);
        this.op(O.KW_NAMES, u.addConst(new ConstTuple(kws.map((k) => k.arg as string))));
      }
      this.op(O.PRECALL, n + nelts + nkw);
      this.op(O.CALL, n + nelts + nkw);
      return;
    }
    if (n === 0 && nelts === 1 && args[0]!._type === 'Starred') this.expr(args[0]!.value);
    else this.starunpack(args, n, O.BUILD_LIST, O.LIST_APPEND, O.LIST_EXTEND, true);
    if (nkw > 0) {
      let haveDict = false;
      let nseen = 0;
      for (let i = 0; i < nkw; i++) {
        const k = kws[i]!;
        if (k.arg === null) {
          if (nseen > 0) {
            this.subkwargs(kws, i - nseen, i);
            if (haveDict) this.op(O.DICT_MERGE, 1);
            haveDict = true;
            nseen = 0;
          }
          if (!haveDict) {
            this.op(O.BUILD_MAP, 0);
            haveDict = true;
          }
          this.expr(k.value);
          this.op(O.DICT_MERGE, 1);
        } else {
          nseen++;
        }
      }
      if (nseen > 0) {
        this.subkwargs(kws, nkw - nseen, nkw);
        if (haveDict) this.op(O.DICT_MERGE, 1);
      }
    }
    this.op(O.CALL_FUNCTION_EX, nkw > 0 ? 1 : 0);
  }

  /** compiler_subkwargs */
  private subkwargs(kws: Node[], begin: number, end: number): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
      for (let i = begin; i < end; i++) this.expr(kws[i]!.value);
      this.loadConst(new ConstTuple(kws.slice(begin, end).map((k) => k.arg as string)));
      this.op(O.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) this.u.addOp(O.BUILD_MAP, 0, null, NO_LOC);
    for (let i = begin; i < end; i++) {
      this.loadConst(kws[i]!.arg as string);
      this.expr(kws[i]!.value);
      if (big) this.u.addOp(O.MAP_ADD, 1, null, NO_LOC);
    }
    if (!big) this.op(O.BUILD_MAP, n);
  }

  /** compiler_lambda */
  private lambda(e: Node): void {
    const flags = this.defaultArguments(e.args);
    this.enterScope(e, SK.Lambda, e.lineno!);
    this.u.addConst(null);
    this.u.argcount = e.args.args.length + e.args.posonlyargs.length;
    this.u.posonlyargcount = e.args.posonlyargs.length;
    this.u.kwonlyargcount = e.args.kwonlyargs.length;
    this.expr(e.body);
    let co: CodeObject;
    if (this.u.scope.generator) {
      co = this.makeCode(false);
    } else {
      this.op(O.RETURN_VALUE);
      co = this.makeCode(true);
    }
    this.exitScope();
    this.makeClosure(co, flags);
  }

  /** compiler_comprehension */
  private comprehension(e: Node): void {
    const outerKind = this.u.kind;
    const gens = e.generators as Node[];
    this.enterScope(e, SK.Comprehension, e.lineno!);
    this.setLoc(e);
    const isAsyncGen = this.u.scope.coroutine;
    const type = e._type;
    if (isAsyncGen && type !== 'GeneratorExp' && outerKind !== SK.AsyncFunction && outerKind !== SK.Comprehension) {
      this.error('asynchronous comprehension outside of an asynchronous function');
    }
    if (type !== 'GeneratorExp') this.op(type === 'ListComp' ? O.BUILD_LIST : type === 'SetComp' ? O.BUILD_SET : O.BUILD_MAP, 0);
    this.compGenerator(gens, 0, 0, type === 'DictComp' ? e.key : e.elt, type === 'DictComp' ? e.value : null, type);
    if (type !== 'GeneratorExp') this.op(O.RETURN_VALUE);
    const co = this.makeCode(true);
    this.exitScope();
    this.makeClosure(co, 0);
    const outermost = gens[0]!;
    this.expr(outermost.iter);
    this.op(outermost.is_async !== 0 ? O.GET_AITER : O.GET_ITER);
    this.op(O.PRECALL, 0);
    this.op(O.CALL, 0);
    if (isAsyncGen && type !== 'GeneratorExp') {
      this.op(O.GET_AWAITABLE, 0);
      this.loadConst(null);
      this.yieldFrom(true);
    }
  }

  private compElement(elt: Node, val: Node | null, type: string, depth: number): void {
    switch (type) {
      case 'GeneratorExp':
        this.expr(elt);
        this.yieldOp();
        this.op(O.POP_TOP);
        break;
      case 'ListComp':
        this.expr(elt);
        this.op(O.LIST_APPEND, depth + 1);
        break;
      case 'SetComp':
        this.expr(elt);
        this.op(O.SET_ADD, depth + 1);
        break;
      default:
        this.expr(elt);
        this.expr(val!);
        this.op(O.MAP_ADD, depth + 1);
    }
  }

  /** compiler_async_comprehension_generator */
  private asyncCompGenerator(gens: Node[], genIndex: number, depth: number, elt: Node, val: Node | null, type: string): void {
    const u = this.u;
    const start = u.newBlock();
    const except = u.newBlock();
    const ifCleanup = u.newBlock();
    const gen = gens[genIndex]!;
    if (genIndex === 0) {
      u.argcount = 1;
      u.addOp(O.LOAD_FAST, 0);
    } else {
      this.expr(gen.iter);
      this.op(O.GET_AITER);
    }
    u.useNext(start);
    this.pushFBlock(FB.AsyncComprehensionGenerator, start, null);
    this.jump(O.SETUP_FINALLY, except);
    this.op(O.GET_ANEXT);
    this.loadConst(null);
    this.yieldFrom(true);
    this.op(O.POP_BLOCK);
    this.expr(gen.target);
    for (const cond of gen.ifs as Node[]) this.jumpIf(cond, ifCleanup, false);
    depth++;
    if (++genIndex < gens.length) this.compGenerator(gens, genIndex, depth, elt, val, type);
    if (genIndex >= gens.length) this.compElement(elt, val, type, depth);
    u.useNext(ifCleanup);
    this.jump(O.JUMP, start);
    this.popFBlock();
    u.useNext(except);
    this.op(O.END_ASYNC_FOR);
  }

  /** compiler_sync_comprehension_generator */
  private compGenerator(gens: Node[], genIndex: number, depth: number, elt: Node, val: Node | null, type: string): void {
    const u = this.u;
    const gen = gens[genIndex]!;
    if (gen.is_async !== 0) {
      this.asyncCompGenerator(gens, genIndex, depth, elt, val, type);
      return;
    }
    let start: ReturnType<Unit['newBlock']> | null = u.newBlock();
    const ifCleanup = u.newBlock();
    const anchor = u.newBlock();
    if (genIndex === 0) {
      u.argcount = 1;
      u.addOp(O.LOAD_FAST, 0);
    } else {
      const it = gen.iter as Node;
      const elts = it._type === 'List' || it._type === 'Tuple' ? (it.elts as Node[]) : null;
      if (elts !== null && elts.length === 1 && elts[0]!._type !== 'Starred') {
        this.expr(elts[0]!);
        start = null;
      }
      if (start !== null) {
        this.expr(it);
        this.op(O.GET_ITER);
      }
    }
    if (start !== null) {
      depth++;
      u.useNext(start);
      this.jump(O.FOR_ITER, anchor);
    }
    this.expr(gen.target);
    for (const cond of gen.ifs as Node[]) this.jumpIf(cond, ifCleanup, false);
    if (++genIndex < gens.length) this.compGenerator(gens, genIndex, depth, elt, val, type);
    if (genIndex >= gens.length) {
      switch (type) {
        case 'GeneratorExp':
          this.expr(elt);
          this.yieldOp();
          this.op(O.POP_TOP);
          break;
        case 'ListComp':
          this.expr(elt);
          this.op(O.LIST_APPEND, depth + 1);
          break;
        case 'SetComp':
          this.expr(elt);
          this.op(O.SET_ADD, depth + 1);
          break;
        default:
          this.expr(elt);
          this.expr(val!);
          this.op(O.MAP_ADD, depth + 1);
      }
    }
    u.useNext(ifCleanup);
    if (start !== null) {
      this.jump(O.JUMP, start);
      u.useNext(anchor);
    }
  }
}

/** infer_type for check_caller: the type name of a literal or display callee, else null */
function inferType(e: Node): string | null {
  switch (e._type) {
    case 'Tuple': return 'tuple';
    case 'List':
    case 'ListComp': return 'list';
    case 'Dict':
    case 'DictComp': return 'dict';
    case 'Set':
    case 'SetComp': return 'set';
    case 'GeneratorExp': return 'generator';
    case 'JoinedStr':
    case 'FormattedValue': return 'str';
    case 'Constant': {
      const v = e.value as PyConst;
      if (v === null) return 'NoneType';
      if (v === ELLIPSIS) return 'ellipsis';
      if (typeof v === 'boolean') return 'bool';
      if (typeof v === 'bigint') return 'int';
      if (typeof v === 'number') return 'float';
      if (typeof v === 'string' || v instanceof CodePointStr) return 'str';
      if (v instanceof Uint8Array) return 'bytes';
      if (v instanceof ComplexConst) return 'complex';
      if (v instanceof ConstTuple) return 'tuple';
      if (v instanceof ConstFrozenSet) return 'frozenset';
      return null;
    }
    default: return null;
  }
}

/** find_ann: does the statement list (not nested defs/classes) contain an annotated assignment? */
export function findAnn(stmts: Node[]): boolean {
  for (const s of stmts) {
    switch (s._type) {
      case 'AnnAssign':
        return true;
      case 'For':
      case 'AsyncFor':
      case 'While':
      case 'If':
        if (findAnn(s.body) || findAnn(s.orelse)) return true;
        break;
      case 'With':
      case 'AsyncWith':
        if (findAnn(s.body)) return true;
        break;
      case 'Try':
      case 'TryStar':
        for (const h of s.handlers) if (findAnn(h.body)) return true;
        if (findAnn(s.body) || findAnn(s.orelse) || findAnn(s.finalbody)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

export type { Scope };
