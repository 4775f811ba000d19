// One compilation unit (CPython 3.11's `struct compiler_unit`): the code object
// being built for one block of the symbol table — its flow graph, constant and
// name tables, the current source location, and the frame-block stack used to
// unwind loops, try/finally and with statements on break/continue/return.

import type { Node } from '../../ast/nodes.js';
import type { Scope } from '../scope.js';
import type { PyConst } from '../../bytecode/code-object.js';
import { Block, Instr, NO_LOC, type Loc } from './cfg.js';
import { constKey } from './consts.js';
import { isScopeExit, isJump } from '../../bytecode/opcodes.js';

export const FB = {
  WhileLoop: 0, ForLoop: 1, TryExcept: 2, FinallyTry: 3, FinallyEnd: 4, With: 5, AsyncWith: 6, HandlerCleanup: 7,
  PopValue: 8, ExceptionHandler: 9, ExceptionGroupHandler: 10, AsyncComprehensionGenerator: 11,
} as const;
export type FBlockKind = (typeof FB)[keyof typeof FB];

export interface FBlock {
  kind: FBlockKind;
  block: Block | null;
  exit: Block | null;
  /** finally body (FinallyTry), with statement (With), handler name (HandlerCleanup) */
  datum: any;
}

/** COMPILER_SCOPE_* of compile.c */
export const SK = { Module: 0, Class: 1, Function: 2, AsyncFunction: 3, Lambda: 4, Comprehension: 5 } as const;
export type ScopeKind = (typeof SK)[keyof typeof SK];

export class Unit {
  readonly blocks: Block[] = [];
  readonly entry: Block;
  cur: Block;
  readonly consts: PyConst[] = [];
  private readonly constIndex = new Map<string, number>();
  readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  /** co_varnames (and cell) slots by name */
  readonly localsPlus = new Map<string, number>();
  /** localsplus slot of each cell variable */
  readonly cellIndex = new Map<string, number>();
  /** localsplus slot of each free variable */
  readonly freeIndex = new Map<string, number>();
  loc: Loc;
  readonly fblocks: FBlock[] = [];
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  privateName: string | null;

  constructor(readonly scope: Scope, readonly kind: ScopeKind, readonly firstLineno: number, readonly node: Node) {
    this.entry = this.newBlock();
    this.cur = this.entry;
    this.loc = { line: firstLineno, endLine: firstLineno, col: 0, endCol: 0 };
    this.privateName = scope.privateName;
    let i = 0;
    for (const v of scope.varnames) this.localsPlus.set(v, i++);
    for (const c of scope.cellvars) {
      if (!this.localsPlus.has(c)) this.localsPlus.set(c, i++);
      this.cellIndex.set(c, this.localsPlus.get(c)!);
    }
    // a class's `__class__` can be both a cell and a free variable: separate slots
    for (const f of scope.freevars) this.freeIndex.set(f, i++);
  }

  newBlock(): Block {
    const b = new Block(this.blocks.length);
    this.blocks.push(b);
    return b;
  }

  /** compiler_use_next_block */
  useNext(b: Block): void {
    this.cur.next = b;
    this.cur = b;
  }

  /** NEXT_BLOCK */
  nextBlock(): void {
    this.useNext(this.newBlock());
  }

  addOp(op: number, arg = 0, target: Block | null = null, loc: Loc = this.loc): void {
    const last = this.cur.last();
    // a jump or scope exit ends its block (normalize_basic_block's invariant)
    if (last !== null && (isJump(last.op) || isScopeExit(last.op))) this.nextBlock();
    this.cur.instrs.push(new Instr(op, arg, target, loc));
  }

  addOpNoLine(op: number, arg = 0, target: Block | null = null): void {
    this.addOp(op, arg, target, NO_LOC);
  }

  addConst(c: PyConst): number {
    const k = constKey(c);
    let i = this.constIndex.get(k);
    if (i === undefined) {
      i = this.consts.length;
      this.consts.push(c);
      this.constIndex.set(k, i);
    }
    return i;
  }

  addName(n: string): number {
    let i = this.nameIndex.get(n);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(n);
      this.nameIndex.set(n, i);
    }
    return i;
  }
}
