// The JS-side description of a code object, as the compiler produces it: the
// fields of CPython 3.11's PyCodeObject that Python code can observe (co_code,
// co_consts, co_names, co_varnames, co_cellvars, co_freevars, co_flags, ...).
// Fixed-shape, immutable after construction. Moving code objects into the shared
// heap (docs/internals/bytecode.md) maps each field to one heap object: bytes for
// co_code / co_linetable / co_exceptiontable, tuples of interned str for the name
// tuples, and a tuple of constants built from the tagged PyConst values below.

import type { ConstantValue } from '../ast/nodes.js';

/** A tuple constant (items are PyConst). */
export class ConstTuple {
  constructor(readonly items: readonly PyConst[]) {}
}

/** A frozenset constant (from `x in {1, 2}`); items in insertion order. */
export class ConstFrozenSet {
  constructor(readonly items: readonly PyConst[]) {}
}

/**
 * A Python constant as the compiler stores it in co_consts.
 *   null → None, boolean → bool, bigint → int, number → float, string/CodePointStr → str,
 *   Uint8Array → bytes, ComplexConst → complex, ELLIPSIS → Ellipsis,
 *   ConstTuple → tuple, ConstFrozenSet → frozenset, CodeObject → nested code.
 */
export type PyConst = ConstantValue | ConstTuple | ConstFrozenSet | CodeObject;

export class CodeObject {
  constructor(
    readonly co_name: string,
    readonly co_qualname: string,
    readonly co_filename: string,
    readonly co_firstlineno: number,
    readonly co_argcount: number,
    readonly co_posonlyargcount: number,
    readonly co_kwonlyargcount: number,
    readonly co_flags: number,
    readonly co_stacksize: number,
    /** instructions, 2 bytes each (opcode, oparg), CACHE entries as zero pairs */
    readonly co_code: Uint8Array,
    readonly co_consts: readonly PyConst[],
    readonly co_names: readonly string[],
    readonly co_varnames: readonly string[],
    readonly co_cellvars: readonly string[],
    readonly co_freevars: readonly string[],
    /** 3.11 exception table (varint entries: start, size, target, depth<<1|lasti) */
    readonly co_exceptiontable: Uint8Array,
    /** 3.11 location table (PEP 657 format, Objects/locations.md) */
    readonly co_linetable: Uint8Array,
  ) {}

  /**
   * The "fast locals" names (co_varnames, then cellvars that are not arguments,
   * then freevars) — the index space of LOAD_FAST / LOAD_DEREF / MAKE_CELL opargs.
   */
  localsPlusNames(): string[] {
    const out = this.co_varnames.slice();
    for (const c of this.co_cellvars) if (!this.co_varnames.includes(c)) out.push(c);
    for (const f of this.co_freevars) out.push(f);
    return out;
  }
}
