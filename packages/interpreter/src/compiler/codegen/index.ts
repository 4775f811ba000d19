// Entry point of the compiler back half: parse → future → symbol table → AST
// optimizer → code generator → assembler, as CPython 3.11's compile() runs them.
// Every failure (SyntaxError of the parser, the symbol table or the code
// generator) comes back as a value.

import { parse } from '../../parser/index.js';
import type { Node } from '../../ast/nodes.js';
import { buildSymbolTable } from '../symtable.js';
import { RaisedCompileError, toCompileError, type CompileError } from '../errors.js';
import type { CodeObject } from '../../bytecode/code-object.js';
import { Codegen, type CompileWarning } from './codegen.js';
export type { CompileWarning } from './codegen.js';
import { optimizeAst } from '../optimizer/ast-opt.js';
import { parseFuture } from '../future.js';
import { CO_FUTURE_ANNOTATIONS } from '../scope-flags.js';

export type CompileMode = 'exec' | 'eval' | 'single';

export type CompileResult = { ok: true; code: CodeObject; warnings: CompileWarning[] } | { ok: false; error: CompileError };

export interface CompileOptions {
  filename?: string;
  mode?: CompileMode;
  /** Python frames already on the stack (symbol table recursion budget) */
  pythonDepth?: number;
}

/** compile(source, filename, mode) of CPython 3.11, without flags and with optimize=0. */
export function compileSource(source: string, options: CompileOptions = {}): CompileResult {
  const filename = options.filename ?? '<unknown>';
  const mode = options.mode ?? 'exec';
  const r = parse(source, { filename, mode });
  if (!r.ok) return { ok: false, error: { ...r.error } as CompileError };
  return compileAst(r.tree, source, filename, mode, options.pythonDepth ?? 0);
}

/** Compile an already parsed module (the tree is folded in place by the AST optimizer). */
export function compileAst(tree: Node, source: string | null, filename: string, mode: CompileMode = 'exec', pythonDepth = 0): CompileResult {
  let future;
  try {
    future = parseFuture(tree);
  } catch (x) {
    if (x instanceof RaisedCompileError) return { ok: false, error: toCompileError(x, filename, source) };
    throw x;
  }
  // _PyAST_Compile: the AST optimizer runs before the symbol table
  optimizeAst(tree, (future.features & CO_FUTURE_ANNOTATIONS) !== 0);
  const st = buildSymbolTable(tree, { filename, source, pythonDepth, future });
  if (!st.ok) return { ok: false, error: st.error };
  try {
    const cg = new Codegen(st.table, { filename, interactive: mode === 'single' });
    const code = cg.compileModule(tree);
    return { ok: true, code, warnings: cg.warnings };
  } catch (x) {
    if (x instanceof RaisedCompileError) return { ok: false, error: toCompileError(x, filename, source) };
    if (x instanceof RangeError) {
      return { ok: false, error: { type: 'RecursionError', msg: 'maximum recursion depth exceeded during compilation', filename, lineno: 0, offset: 0, end_lineno: null, end_offset: null, text: null } };
    }
    throw x;
  }
}
