// Future statements (Python reference §7.11; CPython's Python/future.c): the
// `from __future__ import ...` statements at the top of a module select compiler
// features before the symbol table is built. Only two change anything in 3.11:
// `annotations` (PEP 563: annotations are kept as strings, so the symbol table
// visits them in a separate annotation block and they are not uses of the enclosing
// scope) and `barry_as_FLUFL`; the others are accepted for compatibility.
//
// Errors raised here: "not a chance" (braces), "future feature X is not defined",
// and "from __future__ imports must occur at the beginning of the file" for a
// future import that follows another import on the same line after `;`. A future
// import on a later line is rejected by the code generator, which compares its
// line with `lineno` below (compiler_from_import).

import type { Node } from '../ast/nodes.js';
import { RaisedCompileError } from './errors.js';
import { CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL } from './scope-flags.js';

export interface FutureFeatures {
  /** CO_FUTURE_* bits */
  features: number;
  /** line of the last future statement of the prologue, 0 when none */
  lineno: number;
}

const ACCEPTED = new Set(['nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function', 'unicode_literals', 'generator_stop']);

/** Is `s` a docstring statement (an expression statement holding a str constant)? */
function isDocstring(s: Node): boolean {
  return s._type === 'Expr' && s.value._type === 'Constant' && typeof s.value.value === 'string';
}

function checkFeatures(ff: FutureFeatures, s: Node): void {
  for (const alias of s.names as Node[]) {
    const feature = alias.name as string;
    if (ACCEPTED.has(feature)) continue;
    if (feature === 'annotations') ff.features |= CO_FUTURE_ANNOTATIONS;
    else if (feature === 'barry_as_FLUFL') ff.features |= CO_FUTURE_BARRY_AS_BDFL;
    else if (feature === 'braces') throw new RaisedCompileError('SyntaxError', 'not a chance', s.lineno!, s.col_offset! + 1, s.lineno!, null);
    else throw new RaisedCompileError('SyntaxError', `future feature ${feature} is not defined`, s.lineno!, s.col_offset! + 1, s.lineno!, null);
  }
}

/** The future features of module `mod` (future_parse); throws RaisedCompileError. */
export function parseFuture(mod: Node): FutureFeatures {
  const ff: FutureFeatures = { features: 0, lineno: 0 };
  if (mod._type !== 'Module' && mod._type !== 'Interactive') return ff;
  const body = mod.body as Node[];
  let i = mod._type === 'Module' && body.length > 0 && isDocstring(body[0]!) ? 1 : 0;
  let done = false;
  let prevLine = 0;
  for (; i < body.length; i++) {
    const s = body[i]!;
    if (done && s.lineno! > prevLine) break;
    prevLine = s.lineno!;
    if (s._type === 'ImportFrom' && s.module === '__future__') {
      // (future.c passes the 0-based column here, unlike its other errors)
      if (done) throw new RaisedCompileError('SyntaxError', 'from __future__ imports must occur at the beginning of the file', s.lineno!, s.col_offset!, s.lineno!, null);
      checkFeatures(ff, s);
      ff.lineno = s.lineno!;
    } else {
      done = true;
    }
  }
  return ff;
}
