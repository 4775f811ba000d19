// Symbol flags, resolved scopes and block types of the symbol table pass, with the
// numeric values of CPython 3.11 (Include/internal/pycore_symtable.h), so that a
// symbol's flag word is the very integer `_symtable` reports and tests can compare
// it as is.
//
// A symbol's flag word (Scope.symbols value) is
//     bits 0..9   what the block does with the name (DEF_* and USE below)
//     bits 11..14 the resolved scope (LOCAL..CELL) << SCOPE_OFFSET, written by the
//                 analysis (analyze.ts); 0 until then.

/** `global x` in this block (or a walrus target bound in the module from a comprehension) */
export const DEF_GLOBAL = 1;
/** bound in this block: assignment, del, for/with/except target, def/class name, pattern capture */
export const DEF_LOCAL = 2;
/** a parameter of this block */
export const DEF_PARAM = 4;
/** `nonlocal x` in this block (or a walrus target in a comprehension bound in the enclosing function) */
export const DEF_NONLOCAL = 8;
/** the name is read in this block */
export const USE = 16;
/** free in this block (kept for the numeric layout; CPython 3.11 never sets it) */
export const DEF_FREE = 32;
/** free in a method of this class and also bound (or global) in the class body */
export const DEF_FREE_CLASS = 64;
/** bound by an import */
export const DEF_IMPORT = 128;
/** annotated (`x: T`) in this block */
export const DEF_ANNOT = 256;
/** an iteration variable of this comprehension */
export const DEF_COMP_ITER = 512;

export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

export const SCOPE_OFFSET = 11;
export const SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;

/** Resolved scopes (flags >> SCOPE_OFFSET & SCOPE_MASK). */
export const LOCAL = 1;
export const GLOBAL_EXPLICIT = 2;
export const GLOBAL_IMPLICIT = 3;
export const FREE = 4;
export const CELL = 5;

/** The scope bits of a flag word. */
export function scopeOf(flags: number): number {
  return (flags >> SCOPE_OFFSET) & SCOPE_MASK;
}

/** Block types (`_symtable.TYPE_*`; AnnotationBlock has no constant in `_symtable`). */
export const FunctionBlock = 0;
export const ClassBlock = 1;
export const ModuleBlock = 2;
/** the block of annotations under `from __future__ import annotations` (never compiled) */
export const AnnotationBlock = 3;
export type BlockType = typeof FunctionBlock | typeof ClassBlock | typeof ModuleBlock | typeof AnnotationBlock;

/** Kind of a comprehension scope (ste_comprehension). */
export const NoComprehension = 0;
export const ListComprehension = 1;
export const DictComprehension = 2;
export const SetComprehension = 3;
export const GeneratorExpression = 4;
export type ComprehensionKind = 0 | 1 | 2 | 3 | 4;

/** Code flags the compiler derives from a block (compute_code_flags in compile.c). */
export const CO_OPTIMIZED = 0x1;
export const CO_NEWLOCALS = 0x2;
export const CO_VARARGS = 0x4;
export const CO_VARKEYWORDS = 0x8;
export const CO_NESTED = 0x10;
export const CO_GENERATOR = 0x20;
export const CO_COROUTINE = 0x80;
export const CO_ASYNC_GENERATOR = 0x200;

/** `from __future__ import annotations` (future.ts) */
export const CO_FUTURE_ANNOTATIONS = 0x1000000;
/** `from __future__ import barry_as_FLUFL` */
export const CO_FUTURE_BARRY_AS_BDFL = 0x400000;
