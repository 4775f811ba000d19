// The compiler's front half: future statements and the symbol table. The code
// generator (next) consumes SymbolTable.blocks: for each def/class/lambda/
// comprehension node its Scope, with resolved scopes and the co_varnames,
// co_cellvars, co_freevars, qualname and flags of the code object to build.
export { buildSymbolTable } from './symtable.js';
export type { SymbolTable, SymtableOptions, SymtableResult } from './symtable.js';
export { Scope } from './scope.js';
export { parseFuture } from './future.js';
export type { FutureFeatures } from './future.js';
export type { CompileError } from './errors.js';
export { mangle } from './mangle.js';
export { compareCodePoints } from './analyze.js';
export * from './scope-flags.js';
