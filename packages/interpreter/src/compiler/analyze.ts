// Scope resolution (CPython 3.11's analyze_block and helpers in Python/symtable.c,
// reimplemented): after the walk of symtable.ts, decide for every name of every
// block whether it is LOCAL, CELL, FREE, GLOBAL_EXPLICIT or GLOBAL_IMPLICIT, and
// derive what the code generator needs from each block: co_varnames,
// co_cellvars, co_freevars (orderings of compile.c's dictbytype and
// compute_localsplus_info), co_qualname (compiler_set_qualname), co_name,
// co_firstlineno and the scope-related code flags (compute_code_flags).
//
// The rules, in short: a name bound in a function is local to it; a name used but
// not bound is free if an enclosing *function* binds it (class bodies are skipped:
// their names are not visible in nested blocks), global otherwise; a local that
// some nested block uses freely becomes a cell; a method that uses `__class__` (or
// `super`) makes the class body create the `__class__` cell; a free name that the
// class body also binds is marked DEF_FREE_CLASS (the class then loads it with
// LOAD_CLASSDEREF). Errors found here (nonlocal without binding, nonlocal and
// global, nonlocal at module level) are reported at the first directive naming
// the symbol.

import type { Node } from '../ast/nodes.js';
import type { Scope } from './scope.js';
import { mangle } from './mangle.js';
import { RaisedCompileError } from './errors.js';
import {
  DEF_GLOBAL, DEF_NONLOCAL, DEF_BOUND, DEF_FREE_CLASS, SCOPE_OFFSET,
  LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL, scopeOf,
  FunctionBlock, ClassBlock, ModuleBlock,
  CO_OPTIMIZED, CO_NEWLOCALS, CO_NESTED, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR, CO_VARARGS, CO_VARKEYWORDS,
} from './scope-flags.js';

/** Resolve every block under `top` and fill its code-generator fields; throws RaisedCompileError. */
export function analyze(top: Scope): void {
  analyzeBlock(top, null, new Set(), new Set());
  finishBlock(top, null);
}

function errorAtDirective(ste: Scope, name: string, msg: string): RaisedCompileError {
  const d = ste.directives.get(name);
  if (d === undefined) return new RaisedCompileError('SystemError', 'BUG: internal directive bookkeeping broken', 0, 0, null, null);
  return new RaisedCompileError('SyntaxError', msg, d[0], d[1] + 1, d[2], d[3] + 1);
}

/** analyze_name: the scope of one name of `ste` */
function analyzeName(ste: Scope, scopes: Map<string, number>, name: string, flags: number,
  bound: Set<string> | null, local: Set<string>, free: Set<string>, global: Set<string>): void {
  if ((flags & DEF_GLOBAL) !== 0) {
    if ((flags & DEF_NONLOCAL) !== 0) throw errorAtDirective(ste, name, `name '${name}' is nonlocal and global`);
    scopes.set(name, GLOBAL_EXPLICIT);
    global.add(name);
    if (bound !== null) bound.delete(name);
    return;
  }
  if ((flags & DEF_NONLOCAL) !== 0) {
    if (bound === null) throw errorAtDirective(ste, name, 'nonlocal declaration not allowed at module level');
    if (!bound.has(name)) throw errorAtDirective(ste, name, `no binding for nonlocal '${name}' found`);
    scopes.set(name, FREE);
    ste.hasFree = true;
    free.add(name);
    return;
  }
  if ((flags & DEF_BOUND) !== 0) {
    scopes.set(name, LOCAL);
    local.add(name);
    global.delete(name);
    return;
  }
  if (bound !== null && bound.has(name)) {
    scopes.set(name, FREE);
    ste.hasFree = true;
    free.add(name);
    return;
  }
  if (global.has(name)) {
    scopes.set(name, GLOBAL_IMPLICIT);
    return;
  }
  if (ste.nested) ste.hasFree = true;
  scopes.set(name, GLOBAL_IMPLICIT);
}

function addAll(dst: Set<string>, src: Iterable<string>): void {
  for (const x of src) dst.add(x);
}

/** analyze_block */
function analyzeBlock(ste: Scope, bound: Set<string> | null, free: Set<string>, global: Set<string>): void {
  const local = new Set<string>();
  const scopes = new Map<string, number>();
  const newGlobal = new Set<string>();
  const newFree = new Set<string>();
  const newBound = new Set<string>();
  const isClass = ste.type === ClassBlock;
  if (isClass) {
    // a class body's own names are invisible to nested blocks
    addAll(newGlobal, global);
    if (bound !== null) addAll(newBound, bound);
  }
  for (const [name, flags] of ste.symbols) analyzeName(ste, scopes, name, flags, bound, local, free, global);
  if (!isClass) {
    if (ste.type === FunctionBlock) addAll(newBound, local);
    if (bound !== null) addAll(newBound, bound);
    addAll(newGlobal, global);
  } else {
    newBound.add('__class__');
  }
  const allFree = new Set<string>();
  for (const child of ste.children) {
    // analyze_child_block: each child works on copies
    const childFree = new Set(newFree);
    analyzeBlock(child, new Set(newBound), childFree, new Set(newGlobal));
    addAll(allFree, childFree);
    if (child.hasFree || child.childFree) ste.childFree = true;
  }
  addAll(newFree, allFree);
  if (ste.type === FunctionBlock) {
    // analyze_cells: locals used freely below become cells
    for (const [name, scope] of scopes) {
      if (scope === LOCAL && newFree.has(name)) {
        scopes.set(name, CELL);
        newFree.delete(name);
      }
    }
  } else if (isClass) {
    if (newFree.delete('__class__')) ste.needsClassClosure = true;
  }
  updateSymbols(ste.symbols, scopes, bound, newFree, isClass);
  addAll(free, newFree);
}

/** update_symbols: store the scopes; add names free in children (not yet resolved) as FREE */
function updateSymbols(symbols: Map<string, number>, scopes: Map<string, number>, bound: Set<string> | null,
  free: Set<string>, isClass: boolean): void {
  for (const [name, flags] of symbols) symbols.set(name, flags | (scopes.get(name)! << SCOPE_OFFSET));
  for (const name of free) {
    const v = symbols.get(name);
    if (v !== undefined) {
      // a method's free variable that the class body binds or declares global
      if (isClass && (v & (DEF_BOUND | DEF_GLOBAL)) !== 0) symbols.set(name, v | DEF_FREE_CLASS);
      continue;
    }
    if (bound !== null && !bound.has(name)) continue; // a global
    symbols.set(name, FREE << SCOPE_OFFSET);
  }
}

/** Order of str comparison in CPython: by code point (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if ((x >= 0xd800 && x <= 0xdfff) || (y >= 0xd800 && y <= 0xdfff)) {
      return (a.codePointAt(i) ?? x) - (b.codePointAt(i) ?? y);
    }
    return x - y;
  }
  return a.length - b.length;
}

const COMPREHENSION_NAMES = ['', '<listcomp>', '<dictcomp>', '<setcomp>', '<genexpr>'];

function codeNameOf(ste: Scope): string {
  if (ste.type === ModuleBlock) return '<module>';
  if (ste.comprehension !== 0) return COMPREHENSION_NAMES[ste.comprehension]!;
  if (ste.node._type === 'Lambda') return '<lambda>';
  return ste.name;
}

function firstLinenoOf(ste: Scope): number {
  if (ste.type === ModuleBlock) return 1;
  const n: Node = ste.node;
  const decorators = n.decorator_list as Node[] | undefined;
  if (decorators !== undefined && decorators.length > 0) return decorators[0]!.lineno!;
  return ste.lineno;
}

/** compiler_set_qualname */
function qualnameOf(ste: Scope, parent: Scope | null): string {
  const name = ste.codeName;
  if (parent === null || parent.type === ModuleBlock) return name;
  const t = ste.node._type;
  if (t === 'FunctionDef' || t === 'AsyncFunctionDef' || t === 'ClassDef') {
    if (scopeOf(parent.flags(mangle(parent.privateName, name))) === GLOBAL_EXPLICIT) return name;
  }
  const parentIsFunction = parent.type === FunctionBlock && parent.comprehension === 0;
  return parent.qualname + (parentIsFunction ? '.<locals>.' : '.') + name;
}

/** Fill the code-generator fields of `ste` and its descendants. */
function finishBlock(ste: Scope, parent: Scope | null): void {
  ste.codeName = codeNameOf(ste);
  ste.firstLineno = firstLinenoOf(ste);
  if (ste.compiled) ste.qualname = qualnameOf(ste, parent);
  if (ste.type === FunctionBlock) {
    const symbols = ste.symbols;
    // co_varnames: parameters, then fast locals in order of first emission
    const seen = new Set<string>(ste.params);
    const varnames = ste.params.slice();
    const ev = ste.events!;
    for (let i = 0; i < ev.length; i++) {
      const name = ev[i]!;
      if (seen.has(name)) continue;
      seen.add(name);
      if (scopeOf(symbols.get(name) ?? 0) === LOCAL) varnames.push(name);
    }
    ste.varnames = varnames;
    ste.events = null;
    // co_cellvars: cell parameters in parameter order, then the other cells sorted
    const cells: string[] = [];
    const frees: string[] = [];
    for (const [name, flags] of symbols) {
      const scope = scopeOf(flags);
      if (scope === CELL) cells.push(name);
      else if (scope === FREE || (flags & DEF_FREE_CLASS) !== 0) frees.push(name);
    }
    cells.sort(compareCodePoints);
    frees.sort(compareCodePoints);
    const paramCells = ste.params.filter((p) => scopeOf(symbols.get(p)!) === CELL);
    ste.cellvars = paramCells.length === 0 ? cells : paramCells.concat(cells.filter((c) => !paramCells.includes(c)));
    ste.freevars = frees;
    let flags = CO_OPTIMIZED | CO_NEWLOCALS;
    if (ste.nested) flags |= CO_NESTED;
    if (ste.generator) flags |= ste.coroutine ? CO_ASYNC_GENERATOR : CO_GENERATOR;
    else if (ste.coroutine) flags |= CO_COROUTINE;
    if (ste.varargs) flags |= CO_VARARGS;
    if (ste.varkeywords) flags |= CO_VARKEYWORDS;
    ste.codeFlags = flags;
  } else {
    const frees: string[] = [];
    for (const [name, flags] of ste.symbols) {
      if (scopeOf(flags) === FREE || (flags & DEF_FREE_CLASS) !== 0) frees.push(name);
    }
    ste.freevars = frees.sort(compareCodePoints);
    ste.cellvars = ste.needsClassClosure ? ['__class__'] : [];
  }
  for (const child of ste.children) finishBlock(child, ste.compiled ? ste : parent);
}
