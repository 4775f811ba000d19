// The code generator's flow graph: instructions with source locations, grouped in
// basic blocks (CPython 3.11's `struct instr` / `basicblock` of Python/compile.c).
// The code generator appends to the current block; the assembler (assemble.ts)
// optimizes the graph, lays it out and emits co_code.
//
// Invariants kept by the code generator:
//   * a block's jump or scope exit (RETURN_VALUE, RAISE_VARARGS, RERAISE) is its
//     last instruction (addOp opens a fresh block after one);
//   * `next` is the layout order (b_next); `created` is allocation order.

import { isJump, isBlockPush, isUnconditionalJump, isScopeExit } from '../../bytecode/opcodes.js';

/** A source span; line -1 means "no location". Columns are UTF-8 byte offsets. */
export interface Loc {
  line: number;
  endLine: number;
  col: number;
  endCol: number;
}

export const NO_LOC: Loc = Object.freeze({ line: -1, endLine: -1, col: -1, endCol: -1 });

export class Instr {
  /** the handler block active for this instruction (label_exception_targets) */
  except: Block | null = null;
  constructor(
    public op: number,
    public arg: number,
    public target: Block | null,
    public loc: Loc,
  ) {}

  clone(): Instr {
    return new Instr(this.op, this.arg, this.target, this.loc);
  }
}

export class Block {
  instrs: Instr[] = [];
  next: Block | null = null;
  predecessors = 0;
  visited = false;
  startDepth = -1;
  offset = 0;
  cold = false;
  warm = false;
  preserveLasti = false;
  exceptHandler = false;
  constructor(readonly id: number) {}

  last(): Instr | null {
    return this.instrs.length > 0 ? this.instrs[this.instrs.length - 1]! : null;
  }

  /** ends with an unconditional jump or a scope exit (no fall-through edge) */
  noFallthrough(): boolean {
    const l = this.last();
    return l !== null && (isUnconditionalJump(l.op) || isScopeExit(l.op));
  }

  exits(): boolean {
    const l = this.last();
    return l !== null && isScopeExit(l.op);
  }

  endsWithJump(): boolean {
    const l = this.last();
    return l !== null && isJump(l.op);
  }
}

export function hasTarget(i: Instr): boolean {
  return isJump(i.op) || isBlockPush(i.op);
}

export function sameLoc(a: Loc, b: Loc): boolean {
  return a.line === b.line && a.endLine === b.endLine && a.col === b.col && a.endCol === b.endCol;
}
