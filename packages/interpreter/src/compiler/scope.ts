// One block of the symbol table (CPython's PySTEntryObject, Include/internal/
// pycore_symtable.h): a module, class body, function, lambda, comprehension or
// generator expression, or (under `from __future__ import annotations`) an
// annotation block. symtable.ts creates and fills it in one walk over the AST;
// analyze.ts then resolves every name's scope and computes what the code
// generator needs (co_varnames, co_cellvars, co_freevars, qualname, code flags).
//
// Invariants after a successful build (buildSymbolTable):
//   * every value of `symbols` is a flag word: DEF_*/USE bits | scope << SCOPE_OFFSET,
//     and the scope bits are one of LOCAL..CELL (or only FREE << SCOPE_OFFSET for a
//     name added because a nested block uses it freely);
//   * `params` holds the parameters in CPython's order (positional-only, positional,
//     keyword-only, *args, **kwargs; `.0` for a comprehension), all mangled;
//   * varnames = params ++ the other LOCAL names of a function block in the order
//     the code generator first emits a fast-local instruction for them;
//   * cellvars = the CELL parameters in `params` order, then the other CELL names
//     sorted by code point (plus `__class__` for a class that needs it);
//     freevars = the FREE or DEF_FREE_CLASS names, sorted by code point.

import type { Node } from '../ast/nodes.js';
import { SCOPE_OFFSET, SCOPE_MASK, type BlockType, type ComprehensionKind } from './scope-flags.js';

export class Scope {
  /** name → flag word, in first-definition order (as ste_symbols) */
  readonly symbols = new Map<string, number>();
  /** parameters in definition order (ste_varnames as the symbol table leaves it) */
  readonly params: string[] = [];
  /** nested blocks in the order the symbol table walk enters them */
  readonly children: Scope[] = [];
  /** first `global`/`nonlocal` (or walrus) directive per name: [lineno, col, endLineno, endCol] */
  readonly directives = new Map<string, readonly [number, number, number, number]>();
  /** nested in a function (directly or through other blocks) */
  readonly nested: boolean;

  // filled by the walk
  generator = false;
  coroutine = false;
  comprehension: ComprehensionKind = 0;
  varargs = false;
  varkeywords = false;
  /** a `return <value>` occurs in the block */
  returnsValue = false;
  /** the class name that mangles private names in this block (st_private / u_private) */
  privateName: string | null = null;
  /** false for blocks the code generator never compiles (annotation blocks, blocks inside unevaluated annotations) */
  compiled = true;
  /** > 0 while visiting a comprehension's iterable (inherited by blocks opened there) */
  compIterExpr = 0;
  /** true while visiting a comprehension's iteration target */
  compIterTarget = false;
  /**
   * Names the code generator will emit fast-local instructions for, in emission
   * order, with repeats (function blocks only; null elsewhere). Consumed by the
   * analysis to produce `varnames`.
   */
  events: string[] | null;

  // filled by the analysis
  /** some name of this block resolved to FREE (or a global seen from a nested block) */
  hasFree = false;
  /** some nested block has free variables */
  childFree = false;
  /** a class whose methods use `__class__` or `super`: the body creates the `__class__` cell */
  needsClassClosure = false;
  /** co_varnames */
  varnames: readonly string[] = [];
  /** co_cellvars */
  cellvars: readonly string[] = [];
  /** co_freevars */
  freevars: readonly string[] = [];
  /** co_qualname ('' for blocks that are not compiled) */
  qualname = '';
  /** co_name: '<module>', the def/class name, '<lambda>', '<listcomp>', ... */
  codeName = '';
  /** co_firstlineno (the first decorator's line for a decorated def/class) */
  firstLineno = 0;
  /** the code flags this block implies (CO_OPTIMIZED ... CO_ASYNC_GENERATOR) */
  codeFlags = 0;

  constructor(
    readonly type: BlockType,
    /** 'top', the def/class name, 'lambda', 'listcomp', 'setcomp', 'dictcomp', 'genexpr' or '_annotation' */
    readonly name: string,
    /** the AST node the block belongs to (Module, FunctionDef, Lambda, ListComp, ...) */
    readonly node: Node,
    readonly lineno: number,
    readonly colOffset: number,
    readonly endLineno: number,
    readonly endColOffset: number,
    parent: Scope | null,
  ) {
    this.nested = parent !== null && (parent.nested || parent.type === 0 /* FunctionBlock */);
    this.events = type === 0 ? [] : null;
  }

  /** the flag word of `name` (already mangled), 0 when the block does not know it */
  flags(name: string): number {
    return this.symbols.get(name) ?? 0;
  }

  /** the resolved scope (LOCAL..CELL) of `name` (already mangled), 0 when unknown (→ *_NAME opcodes) */
  scopeOf(name: string): number {
    return ((this.symbols.get(name) ?? 0) >> SCOPE_OFFSET) & SCOPE_MASK;
  }
}
