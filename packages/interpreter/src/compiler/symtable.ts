// The symbol table pass (CPython 3.11's Python/symtable.c is the specification of
// behaviour; this is an independent implementation): one walk over the AST of a
// module records, for every block (module, class, function, lambda, comprehension,
// generator expression, annotation block), what it does with each name — the DEF_*
// and USE flags of scope-flags.ts — and raises the compile-time scope errors
// (global/nonlocal misuse, duplicate parameters, walrus restrictions in
// comprehensions, `import *` outside a module, yield in comprehensions, yield,
// await and walrus in annotation blocks). analyze.ts then resolves scopes.
//
// The walk visits children in the order symtable.c does, because that order is
// observable: it decides which error is reported first, whether `global x` comes
// "after" a use of x, and the order of the symbol dictionaries. The code generator
// emits in a different order (values before targets, decorators before a def's
// name, finally bodies inlined at each return, ...). Where the two differ, the walk still visits in
// symtable order but permutes the slices it appended to the block's `events` log
// (names of future fast-local instructions) into emission order, so co_varnames
// comes out of the same single walk.
//
// Errors travel as a thrown RaisedCompileError inside the walk and leave
// buildSymbolTable() as a value.

import type { Node } from '../ast/nodes.js';
import { mangle } from './mangle.js';
import { Scope } from './scope.js';
import { RaisedCompileError, toCompileError, type CompileError } from './errors.js';
import { parseFuture, type FutureFeatures } from './future.js';
import { analyze } from './analyze.js';
import {
  DEF_GLOBAL, DEF_LOCAL, DEF_PARAM, DEF_NONLOCAL, USE, DEF_IMPORT, DEF_ANNOT, DEF_COMP_ITER,
  FunctionBlock, ClassBlock, ModuleBlock, AnnotationBlock, type BlockType,
  ListComprehension, SetComprehension, DictComprehension, GeneratorExpression, type ComprehensionKind,
  CO_FUTURE_ANNOTATIONS,
} from './scope-flags.js';

export interface SymtableOptions {
  /** SyntaxError.filename; default '<unknown>' */
  filename?: string;
  /** the source text, to fill SyntaxError.text */
  source?: string | null;
  /** future features already parsed (otherwise parsed from `mod`) */
  future?: FutureFeatures;
  /** sys.getrecursionlimit() (default 1000); the walk allows 3x that many nested nodes */
  recursionLimit?: number;
  /** Python frames already on the stack of the thread that compiles (default 0) */
  pythonDepth?: number;
}

/** The symbol table of one module, ready for the code generator. */
export interface SymbolTable {
  top: Scope;
  future: FutureFeatures;
  /** the block opened by each Module / FunctionDef / AsyncFunctionDef / ClassDef / Lambda / comprehension node */
  blocks: Map<Node, Scope>;
}

export type SymtableResult = { ok: true; table: SymbolTable } | { ok: false; error: CompileError };

/** CPython's COMPILER_STACK_FRAME_SCALE: compile-time recursion budget per Python frame. */
const STACK_FRAME_SCALE = 3;

/** Build and analyse the symbol table of `mod` (a Module, Interactive or Expression node). */
export function buildSymbolTable(mod: Node, options: SymtableOptions = {}): SymtableResult {
  const filename = options.filename ?? '<unknown>';
  const source = options.source ?? null;
  try {
    const future = options.future ?? parseFuture(mod);
    const b = new Builder(future, options.recursionLimit ?? 1000, options.pythonDepth ?? 0);
    const top = b.build(mod);
    analyze(top);
    return { ok: true, table: { top, future, blocks: b.blocks } };
  } catch (x) {
    if (x instanceof RaisedCompileError) return { ok: false, error: toCompileError(x, filename, source) };
    if (x instanceof RangeError) {
      // the JS stack ran out before our own depth limit: same report as CPython's limit
      return { ok: false, error: { type: 'RecursionError', msg: 'maximum recursion depth exceeded during compilation', filename, lineno: 0, offset: 0, end_lineno: null, end_offset: null, text: null } };
    }
    // anything else is a bug of this pass; still a value, never a raw JS exception
    return { ok: false, error: { type: 'SystemError', msg: `internal symtable error: ${String(x)}`, filename, lineno: 0, offset: 0, end_lineno: null, end_offset: null, text: null } };
  }
}

function syntaxError(msg: string, n: Node): RaisedCompileError {
  return new RaisedCompileError('SyntaxError', msg, n.lineno!, n.col_offset! + 1, n.end_lineno!, n.end_col_offset! + 1);
}

/**
 * Reorder `ev[bounds[0] .. bounds[k])`, made of the slices [bounds[i], bounds[i+1]),
 * so that the slices come in `order`. Used to turn symtable visiting order into the
 * code generator's emission order.
 */
function permute(ev: string[], bounds: readonly number[], order: readonly number[]): void {
  const start = bounds[0]!;
  const end = bounds[bounds.length - 1]!;
  if (end - start < 2) return;
  const copy = ev.slice(start, end);
  let w = start;
  for (const i of order) {
    for (let j = bounds[i]! - start, e = bounds[i + 1]! - start; j < e; j++) ev[w++] = copy[j]!;
  }
}

const COMPREHENSION: Readonly<Record<string, readonly [string, ComprehensionKind]>> = {
  ListComp: ['listcomp', ListComprehension],
  SetComp: ['setcomp', SetComprehension],
  DictComp: ['dictcomp', DictComprehension],
  GeneratorExp: ['genexpr', GeneratorExpression],
};

/** A loop (marker null) or a try-finally (marker: its placeholder in the events log). */
interface FBlock {
  marker: string | null;
}

class Builder {
  readonly blocks = new Map<Node, Scope>();
  private readonly stack: Scope[] = [];
  private cur!: Scope;
  /** the module's symbols (st_global) */
  private global!: Map<string, number>;
  /** the name of the innermost enclosing class (st_private) */
  private private: string | null = null;
  private readonly futureAnnotations: boolean;
  private depth: number;
  private readonly limit: number;
  /** > 0 while visiting code the code generator never compiles (annotations in functions) */
  private uncompiled = 0;
  /** pattern captures of the current match case, stored after the whole pattern is matched */
  private captures: string[] | null = null;
  /**
   * Per open block, the enclosing loops and try-finally statements (the code
   * generator's frame blocks): a `return`, `break` or `continue` makes it emit the
   * bodies of the `finally` clauses it leaves at that point (compiler_unwind_fblock).
   * The walk logs a marker there and splices the finally body's names in once
   * it has been visited. Only tracked in function blocks.
   */
  private readonly fblocks: FBlock[][] = [];
  private markerCount = 0;

  constructor(future: FutureFeatures, recursionLimit: number, pythonDepth: number) {
    this.futureAnnotations = (future.features & CO_FUTURE_ANNOTATIONS) !== 0;
    this.depth = pythonDepth * STACK_FRAME_SCALE;
    this.limit = recursionLimit * STACK_FRAME_SCALE;
  }

  build(mod: Node): Scope {
    const top = this.enterBlock('top', ModuleBlock, mod, 0, 0, -1, -1);
    switch (mod._type) {
      case 'Module':
      case 'Interactive':
        this.visitStmts(mod.body);
        break;
      case 'Expression':
        this.visitExpr(mod.body);
        break;
      default:
        break; // FunctionType: nothing to resolve
    }
    this.exitBlock();
    return top;
  }

  // ---- blocks -------------------------------------------------------------

  private enterBlock(name: string, type: BlockType, node: Node, lineno: number, col: number, endLineno: number, endCol: number): Scope {
    const prev = this.stack.length > 0 ? this.cur : null;
    const ste = new Scope(type, name, node, lineno, col, endLineno, endCol, prev);
    ste.privateName = this.private;
    ste.compiled = type !== AnnotationBlock && this.uncompiled === 0 && (prev === null || prev.compiled);
    if (prev !== null) {
      // CPython 3.11 walks annotation blocks (for their errors) but does not link
      // them: their names neither appear in nor affect any other block
      if (type !== AnnotationBlock) prev.children.push(ste);
      ste.compIterExpr = prev.compIterExpr;
    }
    this.stack.push(ste);
    this.fblocks.push([]);
    this.cur = ste;
    if (type === ModuleBlock) this.global = ste.symbols;
    if (type !== AnnotationBlock) this.blocks.set(node, ste);
    return ste;
  }

  private exitBlock(): void {
    this.stack.pop();
    this.fblocks.pop();
    if (this.stack.length > 0) this.cur = this.stack[this.stack.length - 1]!;
  }

  // ---- definitions ----------------------------------------------------------

  /** symtable_add_def_helper: record `flag` for `name` in block `ste`; returns the mangled name */
  private addDefIn(ste: Scope, name: string, flag: number, n: Node): string {
    const mangled = mangle(this.private, name);
    const old = ste.symbols.get(mangled);
    let val: number;
    if (old !== undefined) {
      if ((flag & DEF_PARAM) !== 0 && (old & DEF_PARAM) !== 0) {
        throw syntaxError(`duplicate argument '${name}' in function definition`, n);
      }
      val = old | flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      if ((val & (DEF_GLOBAL | DEF_NONLOCAL)) !== 0) {
        throw syntaxError(`comprehension inner loop cannot rebind assignment expression target '${name}'`, n);
      }
      val |= DEF_COMP_ITER;
    }
    ste.symbols.set(mangled, val);
    if ((flag & DEF_PARAM) !== 0) {
      ste.params.push(mangled);
    } else if ((flag & DEF_GLOBAL) !== 0) {
      this.global.set(mangled, flag | (this.global.get(mangled) ?? 0));
    }
    return mangled;
  }

  private addDef(name: string, flag: number, n: Node): string {
    return this.addDefIn(this.cur, name, flag, n);
  }

  /** note a fast-local instruction the code generator will emit for `mangled` here */
  private log(mangled: string): void {
    const ev = this.cur.events;
    if (ev !== null) ev.push(mangled);
  }

  private mark(): number {
    const ev = this.cur.events;
    return ev === null ? 0 : ev.length;
  }

  private reorder(bounds: readonly number[], order: readonly number[]): void {
    const ev = this.cur.events;
    if (ev !== null) permute(ev, bounds, order);
  }

  private recordDirective(name: string, n: Node): void {
    const mangled = mangle(this.private, name);
    if (!this.cur.directives.has(mangled)) {
      this.cur.directives.set(mangled, [n.lineno!, n.col_offset!, n.end_lineno!, n.end_col_offset!]);
    }
  }

  private enter(): void {
    if (++this.depth > this.limit) {
      throw new RaisedCompileError('RecursionError', 'maximum recursion depth exceeded during compilation', 0, 0, null, null);
    }
  }

  // ---- statements ----------------------------------------------------------

  private visitStmts(body: Node[]): void {
    for (let i = 0; i < body.length; i++) this.visitStmt(body[i]!);
  }

  private visitExprs(list: (Node | null)[]): void {
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      if (e !== null && e !== undefined) this.visitExpr(e);
    }
  }

  private visitStmt(s: Node): void {
    this.enter();
    switch (s._type) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        this.visitFunctionDef(s);
        break;
      case 'ClassDef': {
        const m0 = this.mark();
        const name = this.addDef(s.name, DEF_LOCAL, s);
        this.log(name);
        const m1 = this.mark();
        this.visitExprs(s.bases);
        for (const k of s.keywords as Node[]) this.visitExpr(k.value);
        const m2 = this.mark();
        this.visitExprs(s.decorator_list);
        // emitted: decorators, (body), bases and keywords, store name
        this.reorder([m0, m1, m2, this.mark()], [2, 1, 0]);
        this.enterBlock(s.name, ClassBlock, s, s.lineno!, s.col_offset!, s.end_lineno!, s.end_col_offset!);
        const saved = this.private;
        this.private = s.name;
        this.cur.privateName = s.name;
        this.visitStmts(s.body);
        this.private = saved;
        this.exitBlock();
        break;
      }
      case 'Return':
        if (s.value !== null) {
          this.visitExpr(s.value);
          this.cur.returnsValue = true;
        }
        this.unwind(false);
        break;
      case 'Break':
      case 'Continue':
        this.unwind(true);
        break;
      case 'Delete':
        this.visitExprs(s.targets);
        break;
      case 'Assign': {
        const m0 = this.mark();
        this.visitExprs(s.targets);
        const m1 = this.mark();
        this.visitExpr(s.value);
        this.reorder([m0, m1, this.mark()], [1, 0]);
        break;
      }
      case 'AnnAssign':
        this.visitAnnAssign(s);
        break;
      case 'AugAssign':
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case 'For':
      case 'AsyncFor': {
        const m0 = this.mark();
        this.visitExpr(s.target);
        const m1 = this.mark();
        this.visitExpr(s.iter);
        this.reorder([m0, m1, this.mark()], [1, 0]);
        this.visitLoopBody(s.body);
        this.visitStmts(s.orelse);
        break;
      }
      case 'While':
        this.visitExpr(s.test);
        this.visitLoopBody(s.body);
        this.visitStmts(s.orelse);
        break;
      case 'If':
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case 'Match':
        this.visitExpr(s.subject);
        for (const c of s.cases as Node[]) {
          const saved = this.captures;
          const captures: string[] = [];
          this.captures = captures;
          this.visitPattern(c.pattern);
          this.captures = saved;
          for (const name of captures) this.log(name);
          if (c.guard !== null) this.visitExpr(c.guard);
          this.visitStmts(c.body);
        }
        break;
      case 'Raise':
        if (s.exc !== null) {
          this.visitExpr(s.exc);
          if (s.cause !== null) this.visitExpr(s.cause);
        }
        break;
      case 'Try':
      case 'TryStar': {
        const ev = this.cur.events;
        const hasFinally = ev !== null && s.finalbody.length > 0;
        const fb: FBlock = { marker: hasFinally ? '\u0000finally' + this.markerCount++ : null };
        const fbs = this.fblocks[this.fblocks.length - 1]!;
        const start = this.mark();
        if (hasFinally) fbs.push(fb);
        // body, else, handlers: the code generator's order too (compiler_try_except)
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        for (const h of s.handlers as Node[]) {
          if (h.type !== null) this.visitExpr(h.type);
          if (h.name !== null) this.log(this.addDef(h.name, DEF_LOCAL, h));
          this.visitStmts(h.body);
        }
        if (hasFinally) fbs.pop();
        const f0 = this.mark();
        this.visitStmts(s.finalbody);
        if (hasFinally) {
          // the finally body is first emitted at the first return/break/continue leaving it
          const at = ev.indexOf(fb.marker!, start);
          if (at >= 0 && at < f0) ev.splice(at, 1, ...ev.slice(f0));
        }
        break;
      }
      case 'Assert':
        this.visitExpr(s.test);
        if (s.msg !== null) this.visitExpr(s.msg);
        break;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names as Node[]) this.visitAlias(a);
        break;
      case 'Global':
      case 'Nonlocal':
        this.visitDeclaration(s, s._type === 'Global');
        break;
      case 'Expr':
        this.visitExpr(s.value);
        break;
      case 'With':
      case 'AsyncWith':
        for (const item of s.items as Node[]) {
          this.visitExpr(item.context_expr);
          if (item.optional_vars !== null) this.visitExpr(item.optional_vars);
        }
        this.visitStmts(s.body);
        break;
      default:
        break; // Pass, Break, Continue
    }
    this.depth--;
  }

  private visitLoopBody(body: Node[]): void {
    const fbs = this.fblocks[this.fblocks.length - 1]!;
    fbs.push({ marker: null });
    this.visitStmts(body);
    fbs.pop();
  }

  /** log the finally bodies a return (or break/continue, up to the loop) runs on its way out */
  private unwind(toLoop: boolean): void {
    const ev = this.cur.events;
    if (ev === null) return;
    const fbs = this.fblocks[this.fblocks.length - 1]!;
    for (let i = fbs.length - 1; i >= 0; i--) {
      const m = fbs[i]!.marker;
      if (m === null) {
        if (toLoop) return;
      } else {
        ev.push(m);
      }
    }
  }

  private visitFunctionDef(s: Node): void {
    const args = s.args as Node;
    const m0 = this.mark();
    this.log(this.addDef(s.name, DEF_LOCAL, s));
    const m1 = this.mark();
    this.visitExprs(args.defaults);
    this.visitExprs(args.kw_defaults);
    const m2 = this.mark();
    this.visitAnnotations(s, args, s.returns);
    const m3 = this.mark();
    this.visitExprs(s.decorator_list);
    // emitted: decorators, defaults, annotations, (body), store name
    this.reorder([m0, m1, m2, m3, this.mark()], [3, 1, 2, 0]);
    this.enterBlock(s.name, FunctionBlock, s, s.lineno!, s.col_offset!, s.end_lineno!, s.end_col_offset!);
    if (s._type === 'AsyncFunctionDef') this.cur.coroutine = true;
    this.visitArguments(args);
    this.visitStmts(s.body);
    this.exitBlock();
  }

  /** symtable_visit_annotations: parameter and return annotations of a def */
  private visitAnnotations(s: Node, args: Node, returns: Node | null): void {
    if (this.futureAnnotations) {
      this.enterBlock('_annotation', AnnotationBlock, s, s.lineno!, s.col_offset!, s.end_lineno!, s.end_col_offset!);
    }
    const b0 = this.mark();
    this.visitArgAnnotations(args.posonlyargs);
    const b1 = this.mark();
    this.visitArgAnnotations(args.args);
    const b2 = this.mark();
    if (args.vararg !== null && args.vararg.annotation !== null) this.visitExpr(args.vararg.annotation);
    const b3 = this.mark();
    if (args.kwarg !== null && args.kwarg.annotation !== null) this.visitExpr(args.kwarg.annotation);
    const b4 = this.mark();
    this.visitArgAnnotations(args.kwonlyargs);
    // emitted (compiler_visit_annotations): args, posonly, vararg, kwonly, kwarg
    this.reorder([b0, b1, b2, b3, b4, this.mark()], [1, 0, 2, 4, 3]);
    if (this.futureAnnotations) this.exitBlock();
    if (returns !== null) this.visitAnnotation(returns);
  }

  private visitArgAnnotations(list: Node[]): void {
    for (const a of list) if (a.annotation !== null) this.visitExpr(a.annotation);
  }

  /** symtable_visit_annotation: one annotation, in its own block under PEP 563 */
  private visitAnnotation(annotation: Node): void {
    if (this.futureAnnotations) {
      this.enterBlock('_annotation', AnnotationBlock, annotation, annotation.lineno!, annotation.col_offset!, annotation.end_lineno!, annotation.end_col_offset!);
      this.visitExpr(annotation);
      this.exitBlock();
    } else {
      this.visitExpr(annotation);
    }
  }

  private visitAnnAssign(s: Node): void {
    const target = s.target as Node;
    const m0 = this.mark();
    if (target._type === 'Name') {
      const cur = this.cur.flags(mangle(this.private, target.id));
      if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) !== 0 && this.cur.symbols !== this.global && s.simple) {
        const kind = (cur & DEF_GLOBAL) !== 0 ? 'global' : 'nonlocal';
        throw syntaxError(`annotated name '${target.id}' can't be ${kind}`, s);
      }
      let name: string | null = null;
      if (s.simple) name = this.addDef(target.id, DEF_ANNOT | DEF_LOCAL, target);
      if (s.value !== null) name = this.addDef(target.id, DEF_LOCAL, target);
      // a bare `x: T` emits nothing for x
      if (s.value !== null && name !== null) this.log(name);
    } else {
      this.visitExpr(target);
    }
    const m1 = this.mark();
    if (this.cur.type === FunctionBlock) {
      // annotations in a function body are never evaluated (compiler_annassign)
      const ev = this.cur.events;
      this.cur.events = null;
      this.uncompiled++;
      this.visitAnnotation(s.annotation);
      this.uncompiled--;
      this.cur.events = ev;
    } else {
      this.visitAnnotation(s.annotation);
    }
    if (s.value !== null) {
      this.visitExpr(s.value);
      // emitted: value, then the target
      this.reorder([m0, m1, this.mark()], [1, 0]);
    }
  }

  private visitDeclaration(s: Node, isGlobal: boolean): void {
    const what = isGlobal ? 'global' : 'nonlocal';
    for (const name of s.names as string[]) {
      const cur = this.cur.flags(mangle(this.private, name));
      if ((cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) !== 0) {
        let msg: string;
        if ((cur & DEF_PARAM) !== 0) msg = `name '${name}' is parameter and ${what}`;
        else if ((cur & USE) !== 0) msg = `name '${name}' is used prior to ${what} declaration`;
        else if ((cur & DEF_ANNOT) !== 0) msg = `annotated name '${name}' can't be ${what}`;
        else msg = `name '${name}' is assigned to before ${what} declaration`;
        throw syntaxError(msg, s);
      }
      this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
      this.recordDirective(name, s);
    }
  }

  private visitAlias(a: Node): void {
    const name: string = a.asname ?? a.name;
    if (name === '*') {
      if (this.cur.type !== ModuleBlock) throw syntaxError('import * only allowed at module level', a);
      return;
    }
    const dot = name.indexOf('.');
    const store = dot >= 0 ? name.slice(0, dot) : name;
    this.log(this.addDef(store, DEF_IMPORT, a));
  }

  private visitArguments(a: Node): void {
    for (const p of a.posonlyargs as Node[]) this.addDef(p.arg, DEF_PARAM, p);
    for (const p of a.args as Node[]) this.addDef(p.arg, DEF_PARAM, p);
    for (const p of a.kwonlyargs as Node[]) this.addDef(p.arg, DEF_PARAM, p);
    if (a.vararg !== null) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg !== null) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  // ---- expressions ----------------------------------------------------------

  private visitExpr(e: Node): void {
    this.enter();
    switch (e._type) {
      case 'Name': {
        const load = e.ctx === 'Load';
        this.log(this.addDef(e.id, load ? USE : DEF_LOCAL, e));
        // super() needs the __class__ cell
        if (load && this.cur.type === FunctionBlock && e.id === 'super') this.addDef('__class__', USE, e);
        break;
      }
      case 'Attribute':
      case 'Starred':
      case 'UnaryOp':
      case 'Await':
        if (e._type === 'Await') this.checkAnnotationBlock('await expression', e);
        this.visitExpr(e._type === 'UnaryOp' ? e.operand : e.value);
        if (e._type === 'Await') this.cur.coroutine = true;
        break;
      case 'Constant':
        break;
      case 'Call':
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        for (const k of e.keywords as Node[]) this.visitExpr(k.value);
        break;
      case 'BinOp':
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case 'Subscript':
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case 'Tuple':
      case 'List':
      case 'Set':
        this.visitExprs(e.elts);
        break;
      case 'BoolOp':
      case 'JoinedStr':
        this.visitExprs(e.values);
        break;
      case 'Compare':
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        break;
      case 'FormattedValue':
        this.visitExpr(e.value);
        if (e.format_spec !== null) this.visitExpr(e.format_spec);
        break;
      case 'IfExp':
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case 'Slice':
        if (e.lower !== null) this.visitExpr(e.lower);
        if (e.upper !== null) this.visitExpr(e.upper);
        if (e.step !== null) this.visitExpr(e.step);
        break;
      case 'Dict':
        this.visitDict(e);
        break;
      case 'Lambda': {
        const args = e.args as Node;
        this.visitExprs(args.defaults);
        this.visitExprs(args.kw_defaults);
        this.enterBlock('lambda', FunctionBlock, e, e.lineno!, e.col_offset!, e.end_lineno!, e.end_col_offset!);
        this.visitArguments(args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      }
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        this.visitComprehension(e, e.elt, null);
        break;
      case 'DictComp':
        this.visitComprehension(e, e.key, e.value);
        break;
      case 'NamedExpr':
        this.checkAnnotationBlock('named expression', e);
        this.visitNamedExpr(e);
        break;
      case 'Yield':
      case 'YieldFrom':
        this.checkAnnotationBlock('yield expression', e);
        if (e.value !== null) this.visitExpr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension !== 0) throw this.yieldInComprehension(e);
        break;
      default:
        break;
    }
    this.depth--;
  }

  private checkAnnotationBlock(what: string, e: Node): void {
    if (this.cur.type === AnnotationBlock) throw syntaxError(`'${what}' can not be used within an annotation`, e);
  }

  private yieldInComprehension(e: Node): RaisedCompileError {
    const kind = this.cur.comprehension;
    const msg = kind === ListComprehension ? "'yield' inside list comprehension"
      : kind === SetComprehension ? "'yield' inside set comprehension"
        : kind === DictComprehension ? "'yield' inside dict comprehension"
          : "'yield' inside generator expression";
    return syntaxError(msg, e);
  }

  private visitDict(e: Node): void {
    const keys = e.keys as (Node | null)[];
    const values = e.values as Node[];
    const ev = this.cur.events;
    if (ev === null) {
      this.visitExprs(keys);
      this.visitExprs(values);
      return;
    }
    // symtable: all keys, then all values; emitted: key0 value0 key1 value1 ...
    const bounds: number[] = [ev.length];
    for (const k of keys) {
      if (k !== null) this.visitExpr(k);
      bounds.push(ev.length);
    }
    for (const v of values) {
      this.visitExpr(v);
      bounds.push(ev.length);
    }
    if (bounds[bounds.length - 1]! - bounds[0]! < 2) return;
    const n = keys.length;
    const order: number[] = [];
    for (let i = 0; i < n; i++) order.push(i, n + i);
    permute(ev, bounds, order);
  }

  /** symtable_handle_namedexpr */
  private visitNamedExpr(e: Node): void {
    if (this.cur.compIterExpr > 0) {
      throw syntaxError('assignment expression cannot be used in a comprehension iterable expression', e);
    }
    if (this.cur.comprehension !== 0) this.extendNamedExprScope(e.target);
    this.visitExpr(e.value);
    this.visitExpr(e.target);
  }

  /**
   * symtable_extend_namedexpr_scope: a walrus in a comprehension binds in the
   * nearest enclosing function (as nonlocal, or global if declared so there) or in
   * the module (as global); never in a class body.
   */
  private extendNamedExprScope(target: Node): void {
    const name = target.id as string;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const ste = this.stack[i]!;
      if (ste.comprehension !== 0) {
        if ((ste.flags(name) & DEF_COMP_ITER) !== 0) {
          throw syntaxError(`assignment expression cannot rebind comprehension iteration variable '${name}'`, target);
        }
        continue;
      }
      if (ste.type === FunctionBlock) {
        this.addDef(name, (ste.flags(name) & DEF_GLOBAL) !== 0 ? DEF_GLOBAL : DEF_NONLOCAL, target);
        this.recordDirective(name, target);
        this.addDefIn(ste, name, DEF_LOCAL, target);
        return;
      }
      if (ste.type === ModuleBlock) {
        this.addDef(name, DEF_GLOBAL, target);
        this.recordDirective(name, target);
        this.addDefIn(ste, name, DEF_GLOBAL, target);
        return;
      }
      if (ste.type === ClassBlock) {
        throw syntaxError('assignment expression within a comprehension cannot be used in a class body', target);
      }
    }
  }

  /** symtable_handle_comprehension */
  private visitComprehension(e: Node, elt: Node, value: Node | null): void {
    const [scopeName, kind] = COMPREHENSION[e._type]!;
    const isGenerator = kind === GeneratorExpression;
    const generators = e.generators as Node[];
    const outermost = generators[0]!;
    // the first iterable is evaluated in the enclosing block
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    const ste = this.enterBlock(scopeName, FunctionBlock, e, e.lineno!, e.col_offset!, e.end_lineno!, e.end_col_offset!);
    ste.comprehension = kind;
    if (outermost.is_async) ste.coroutine = true;
    // the first iterator arrives as the implicit parameter `.0`
    this.addDef('.0', DEF_PARAM, e);
    ste.compIterTarget = true;
    this.visitExpr(outermost.target);
    ste.compIterTarget = false;
    this.visitExprs(outermost.ifs);
    for (let i = 1; i < generators.length; i++) {
      const g = generators[i]!;
      const m0 = this.mark();
      ste.compIterTarget = true;
      this.visitExpr(g.target);
      ste.compIterTarget = false;
      const m1 = this.mark();
      ste.compIterExpr++;
      this.visitExpr(g.iter);
      ste.compIterExpr--;
      // emitted: iterable, then target
      this.reorder([m0, m1, this.mark()], [1, 0]);
      this.visitExprs(g.ifs);
      if (g.is_async) ste.coroutine = true;
    }
    const m0 = this.mark();
    if (value !== null) this.visitExpr(value);
    const m1 = this.mark();
    this.visitExpr(elt);
    // emitted: key, then value
    if (value !== null) this.reorder([m0, m1, this.mark()], [1, 0]);
    ste.generator = isGenerator;
    const isAsync = ste.coroutine && !isGenerator;
    this.exitBlock();
    // an async list/set/dict comprehension makes its enclosing block a coroutine
    if (isAsync) this.cur.coroutine = true;
  }

  // ---- patterns ------------------------------------------------------------

  private capture(name: string, p: Node): void {
    const mangled = this.addDef(name, DEF_LOCAL, p);
    if (this.captures !== null) this.captures.push(mangled);
  }

  private visitPattern(p: Node): void {
    this.enter();
    switch (p._type) {
      case 'MatchValue':
        this.visitExpr(p.value);
        break;
      case 'MatchSequence':
      case 'MatchOr':
        for (const q of p.patterns as Node[]) this.visitPattern(q);
        break;
      case 'MatchStar':
        if (p.name !== null) this.capture(p.name, p);
        break;
      case 'MatchMapping':
        this.visitExprs(p.keys);
        for (const q of p.patterns as Node[]) this.visitPattern(q);
        if (p.rest !== null) this.capture(p.rest, p);
        break;
      case 'MatchClass':
        this.visitExpr(p.cls);
        for (const q of p.patterns as Node[]) this.visitPattern(q);
        for (const q of p.kwd_patterns as Node[]) this.visitPattern(q);
        break;
      case 'MatchAs':
        if (p.pattern !== null) this.visitPattern(p.pattern);
        if (p.name !== null) this.capture(p.name, p);
        break;
      default:
        break; // MatchSingleton
    }
    this.depth--;
  }
}
