// The assembler: the flow-graph passes that run after code generation and the
// encoding of co_code, co_linetable and co_exceptiontable. The behaviour follows
// CPython 3.11's assemble() in Python/compile.c, pass by pass and in the same
// order (each function names the C function it follows), because every pass is
// observable in the bytecode: which NOPs survive, which exits are duplicated,
// where cold blocks go, which locations instructions inherit.

import {
  NOP, LOAD_CONST, RETURN_VALUE, RETURN_GENERATOR, POP_TOP, MAKE_CELL, COPY_FREE_VARS, BUILD_TUPLE,
  UNPACK_SEQUENCE, SWAP, STORE_FAST, PUSH_NULL, LOAD_GLOBAL, IS_OP, KW_NAMES, EXTENDED_ARG, CACHE,
  JUMP, JUMP_NO_INTERRUPT, JUMP_FORWARD, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT,
  POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
  POP_JUMP_FORWARD_IF_FALSE, POP_JUMP_FORWARD_IF_TRUE, POP_JUMP_FORWARD_IF_NONE, POP_JUMP_FORWARD_IF_NOT_NONE,
  POP_JUMP_BACKWARD_IF_FALSE, POP_JUMP_BACKWARD_IF_TRUE, POP_JUMP_BACKWARD_IF_NONE, POP_JUMP_BACKWARD_IF_NOT_NONE,
  JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, SETUP_CLEANUP, SETUP_WITH, POP_BLOCK,
  isJump, isBlockPush, isUnconditionalJump, isScopeExit, stackEffect, opInfo, HAVE_ARGUMENT,
} from '../../bytecode/opcodes.js';
import type { PyConst } from '../../bytecode/code-object.js';
import { ConstTuple } from '../../bytecode/code-object.js';
import { Block, Instr, NO_LOC, hasTarget, type Loc } from './cfg.js';
import { constTruth } from './consts.js';

const MAX_COPY_SIZE = 4;
/**
 * 3.12 moves exception handlers and the code only they reach to the end of the
 * code object (push_cold_blocks_to_end); 3.11 keeps the layout order — the
 * differential tests show python3 3.11.7 laying out code after a try statement
 * behind its handlers. Kept behind this switch for the 3.12 port.
 */
const PUSH_COLD_BLOCKS = false;
const CO_GENERATOR = 0x20;
const CO_COROUTINE = 0x80;
const CO_ASYNC_GENERATOR = 0x200;

export interface AssembleInput {
  entry: Block;
  newBlock: () => Block;
  consts: PyConst[];
  /** adds (or finds) a constant; returns its index */
  addConst: (c: PyConst) => number;
  firstLineno: number;
  flags: number;
  /** localsplus indices of the cell variables */
  cellIndices: number[];
  nfreevars: number;
  /** every block of the unit in allocation order (CPython's b_list, reversed) */
  allBlocks: () => Block[];
}

export interface Assembled {
  code: Uint8Array;
  linetable: Uint8Array;
  exceptiontable: Uint8Array;
  stacksize: number;
  consts: PyConst[];
}

export function assemble(inp: AssembleInput): Assembled {
  const entry = inp.entry;
  for (let b: Block | null = entry; b !== null; b = b.next) normalizeBasicBlock(b);
  // u_blocks order (b_list): most recently allocated block first
  for (const b of inp.allBlocks().slice().reverse()) extendBlock(b);
  insertPrefixInstructions(inp);
  optimizeCfg(inp);
  duplicateExitsWithoutLineno(inp);
  const consts = trimUnusedConsts(entry, inp.consts);
  propagateLineNumbers(entry);
  guaranteeLinenoForExits(entry, inp.firstLineno);
  const stacksize = stackdepth(entry, inp.flags);
  labelExceptionTargets(entry);
  for (let b: Block | null = entry; b !== null; b = b.next) {
    for (const i of b.instrs) if (isBlockPush(i.op) || i.op === POP_BLOCK) i.op = NOP;
  }
  if (PUSH_COLD_BLOCKS) pushColdBlocksToEnd(entry, inp.newBlock);
  for (let b: Block | null = entry; b !== null; b = b.next) cleanBasicBlock(b);
  normalizeJumps(entry);
  assembleJumpOffsets(entry);
  return {
    code: emitCode(entry),
    linetable: emitLinetable(entry, inp.firstLineno),
    exceptiontable: emitExceptionTable(entry),
    stacksize,
    consts,
  };
}

// ---- helpers ------------------------------------------------------------------

/** normalize_basic_block: skip empty blocks in jump targets */
function normalizeBasicBlock(b: Block): void {
  for (const i of b.instrs) {
    if (isJump(i.op)) {
      while (i.target!.instrs.length === 0) i.target = i.target!.next;
    }
  }
}

/** extend_block: a block ending in an unconditional jump to a small exit block gets a copy of it */
function extendBlock(b: Block): void {
  const last = b.last();
  if (last === null) return;
  if (last.op !== JUMP && last.op !== JUMP_FORWARD && last.op !== JUMP_BACKWARD) return;
  const t = last.target!;
  if (isExitWithoutLineno(t) && t.instrs.length <= MAX_COPY_SIZE) {
    last.op = NOP;
    for (const i of t.instrs) b.instrs.push(i.clone());
  }
}

/** insert_prefix_instructions: COPY_FREE_VARS, MAKE_CELLs, RETURN_GENERATOR + POP_TOP */
function insertPrefixInstructions(inp: AssembleInput): void {
  const pre: Instr[] = [];
  if (inp.nfreevars > 0) pre.push(new Instr(COPY_FREE_VARS, inp.nfreevars, null, NO_LOC));
  for (const ix of [...inp.cellIndices].sort((a, b) => a - b)) pre.push(new Instr(MAKE_CELL, ix, null, NO_LOC));
  if ((inp.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) !== 0) {
    const loc: Loc = { line: inp.firstLineno, endLine: inp.firstLineno, col: -1, endCol: -1 };
    pre.push(new Instr(RETURN_GENERATOR, 0, null, loc), new Instr(POP_TOP, 0, null, loc));
  }
  inp.entry.instrs.unshift(...pre);
}

function firstNonEmpty(b: Block): Block {
  let t = b;
  while (t.instrs.length === 0) t = t.next!;
  return t;
}

/** jump_thread */
function jumpThread(inst: Instr, target: Instr, op: number): number {
  if (inst.loc.line === target.loc.line && inst.target !== target.target) {
    inst.target = target.target;
    inst.op = op;
    return 1;
  }
  return 0;
}

const NOP_INSTR = new Instr(NOP, 0, null, NO_LOC);

/** optimize_basic_block: peephole rules inside one block */
function optimizeBasicBlock(b: Block, inp: AssembleInput): void {
  const ins = b.instrs;
  for (let i = 0; i < ins.length; i++) {
    const inst = ins[i]!;
    const oparg = inst.arg;
    const nextop = i + 1 < ins.length ? ins[i + 1]!.op : 0;
    let target: Instr;
    if (hasTarget(inst)) {
      inst.target = firstNonEmpty(inst.target!);
      target = inst.target.instrs[0]!;
    } else {
      target = NOP_INSTR;
    }
    switch (inst.op) {
      case LOAD_CONST: {
        if (nextop === POP_JUMP_IF_FALSE || nextop === POP_JUMP_IF_TRUE) {
          const isTrue = constTruth(inp.consts[oparg]!);
          inst.op = NOP;
          const jumpIfTrue = nextop === POP_JUMP_IF_TRUE;
          ins[i + 1]!.op = isTrue === jumpIfTrue ? JUMP : NOP;
        } else if (nextop === JUMP_IF_FALSE_OR_POP || nextop === JUMP_IF_TRUE_OR_POP) {
          const isTrue = constTruth(inp.consts[oparg]!);
          const jumpIfTrue = nextop === JUMP_IF_TRUE_OR_POP;
          if (isTrue === jumpIfTrue) {
            ins[i + 1]!.op = JUMP;
          } else {
            inst.op = NOP;
            ins[i + 1]!.op = NOP;
          }
        } else if (nextop === IS_OP) {
          const jumpOp = i + 2 < ins.length ? ins[i + 2]!.op : 0;
          if (inp.consts[oparg] === null && (jumpOp === POP_JUMP_IF_FALSE || jumpOp === POP_JUMP_IF_TRUE)) {
            const nextarg = ins[i + 1]!.arg;
            inst.op = NOP;
            ins[i + 1]!.op = NOP;
            ins[i + 2]!.op = (nextarg ^ (jumpOp === POP_JUMP_IF_FALSE ? 1 : 0)) !== 0 ? POP_JUMP_IF_NOT_NONE : POP_JUMP_IF_NONE;
          }
        }
        break;
      }
      case BUILD_TUPLE:
        if (nextop === UNPACK_SEQUENCE && oparg === ins[i + 1]!.arg) {
          if (oparg === 1) {
            inst.op = NOP;
            ins[i + 1]!.op = NOP;
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            inst.op = NOP;
            ins[i + 1]!.op = SWAP;
            continue;
          }
        }
        if (i >= oparg) foldTupleOnConstants(ins, i - oparg, oparg, inp);
        break;
      case JUMP_IF_FALSE_OR_POP:
        switch (target.op) {
          case POP_JUMP_IF_FALSE:
            i -= jumpThread(inst, target, POP_JUMP_IF_FALSE);
            break;
          case JUMP:
          case JUMP_IF_FALSE_OR_POP:
            i -= jumpThread(inst, target, JUMP_IF_FALSE_OR_POP);
            break;
          case JUMP_IF_TRUE_OR_POP:
          case POP_JUMP_IF_TRUE:
            if (inst.loc.line === target.loc.line) {
              inst.op = POP_JUMP_IF_FALSE;
              inst.target = inst.target!.next;
              i--;
            }
            break;
        }
        break;
      case JUMP_IF_TRUE_OR_POP:
        switch (target.op) {
          case POP_JUMP_IF_TRUE:
            i -= jumpThread(inst, target, POP_JUMP_IF_TRUE);
            break;
          case JUMP:
          case JUMP_IF_TRUE_OR_POP:
            i -= jumpThread(inst, target, JUMP_IF_TRUE_OR_POP);
            break;
          case JUMP_IF_FALSE_OR_POP:
          case POP_JUMP_IF_FALSE:
            if (inst.loc.line === target.loc.line) {
              inst.op = POP_JUMP_IF_TRUE;
              inst.target = inst.target!.next;
              i--;
            }
            break;
        }
        break;
      case POP_JUMP_IF_NOT_NONE:
      case POP_JUMP_IF_NONE:
      case POP_JUMP_IF_FALSE:
      case POP_JUMP_IF_TRUE:
      case JUMP:
        if (target.op === JUMP) i -= jumpThread(inst, target, inst.op);
        break;
      case SWAP:
        if (oparg === 1) {
          inst.op = NOP;
          break;
        }
        i = swaptimize(ins, i);
        applyStaticSwaps(ins, i);
        break;
      case PUSH_NULL:
        if (nextop === LOAD_GLOBAL && (ins[i + 1]!.arg & 1) === 0) {
          inst.op = NOP;
          inst.arg = 0;
          ins[i + 1]!.arg |= 1;
        }
        break;
      default:
        break;
    }
  }
}

/** fold_tuple_on_constants: LOAD_CONST x n; BUILD_TUPLE n → LOAD_CONST (tuple) */
function foldTupleOnConstants(ins: Instr[], start: number, n: number, inp: AssembleInput): void {
  for (let k = 0; k < n; k++) if (ins[start + k]!.op !== LOAD_CONST) return;
  const items: PyConst[] = [];
  for (let k = 0; k < n; k++) items.push(inp.consts[ins[start + k]!.arg]!);
  const index = inp.addConst(new ConstTuple(items));
  for (let k = 0; k < n; k++) ins[start + k]!.op = NOP;
  ins[start + n]!.op = LOAD_CONST;
  ins[start + n]!.arg = index;
}

/** swaptimize: replace a run of SWAPs/NOPs with the fewest SWAPs of the same effect; returns the new index */
function swaptimize(ins: Instr[], ix: number): number {
  let depth = ins[ix]!.arg;
  let len = 0;
  let more = false;
  const limit = ins.length - ix;
  while (++len < limit) {
    const op = ins[ix + len]!.op;
    if (op === SWAP) {
      depth = Math.max(depth, ins[ix + len]!.arg);
      more = true;
    } else if (op !== NOP) {
      break;
    }
  }
  if (!more) return ix;
  const VISITED = -1;
  const stack: number[] = [];
  for (let k = 0; k < depth; k++) stack.push(k);
  for (let k = 0; k < len; k++) {
    if (ins[ix + k]!.op === SWAP) {
      const a = ins[ix + k]!.arg;
      const top = stack[0]!;
      stack[0] = stack[a - 1]!;
      stack[a - 1] = top;
    }
  }
  let current = len - 1;
  for (let k = 0; k < depth; k++) {
    if (stack[k] === VISITED || stack[k] === k) continue;
    let j = k;
    for (;;) {
      if (j !== 0) {
        ins[ix + current]!.op = SWAP;
        ins[ix + current]!.arg = j + 1;
        current--;
      }
      if (stack[j] === VISITED) break;
      const nj = stack[j]!;
      stack[j] = VISITED;
      j = nj;
    }
  }
  while (current >= 0) {
    ins[ix + current]!.op = NOP;
    current--;
  }
  return ix + len - 1;
}

function swappable(op: number): boolean {
  return op === STORE_FAST || op === POP_TOP;
}

function nextSwappable(ins: Instr[], i: number, lineno: number): number {
  while (++i < ins.length) {
    const x = ins[i]!;
    if (lineno >= 0 && x.loc.line !== lineno) return -1;
    if (x.op === NOP) continue;
    if (swappable(x.op)) return i;
    return -1;
  }
  return -1;
}

/** apply_static_swaps: swap the instructions that consume the values instead of the values */
function applyStaticSwaps(ins: Instr[], i: number): void {
  for (; i >= 0; i--) {
    const swap = ins[i]!;
    if (swap.op !== SWAP) {
      if (swap.op === NOP || swappable(swap.op)) continue;
      return;
    }
    const j = nextSwappable(ins, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = ins[j]!.loc.line;
    for (let count = swap.arg - 1; count > 0; count--) {
      k = nextSwappable(ins, k, lineno);
      if (k < 0) return;
    }
    // not safe when the two stores (or one between them) target the same local
    const storeJ = ins[j]!.op === STORE_FAST ? ins[j]!.arg : -1;
    const storeK = ins[k]!.op === STORE_FAST ? ins[k]!.arg : -1;
    if (storeJ >= 0 || storeK >= 0) {
      if (storeJ === storeK) return;
      for (let idx = j + 1; idx < k; idx++) {
        const st = ins[idx]!.op === STORE_FAST ? ins[idx]!.arg : -1;
        if (st >= 0 && (st === storeJ || st === storeK)) return;
      }
    }
    swap.op = NOP;
    const tmp = ins[j]!;
    ins[j] = ins[k]!;
    ins[k] = tmp;
  }
}

/** clean_basic_block: drop NOPs whose line is implied by a neighbour */
function cleanBasicBlock(b: Block): void {
  const ins = b.instrs;
  const out: Instr[] = [];
  let prevLineno = -1;
  for (let src = 0; src < ins.length; src++) {
    const x = ins[src]!;
    const lineno = x.loc.line;
    if (x.op === NOP) {
      if (lineno < 0) continue;
      if (prevLineno === lineno) continue;
      if (src < ins.length - 1) {
        const nextLineno = ins[src + 1]!.loc.line;
        if (nextLineno < 0) {
          ins[src + 1]!.loc = x.loc;
          continue;
        }
        if (nextLineno === lineno) continue;
      } else {
        let next: Block | null = b.next;
        while (next !== null && next.instrs.length === 0) next = next.next;
        if (next !== null && lineno === next.instrs[0]!.loc.line) continue;
      }
    }
    out.push(x);
    prevLineno = lineno;
  }
  b.instrs = out;
}

function resetVisited(entry: Block): void {
  for (let b: Block | null = entry; b !== null; b = b.next) b.visited = false;
}

/** mark_reachable: predecessor counts from the entry */
function markReachable(entry: Block): void {
  resetVisited(entry);
  const stack: Block[] = [entry];
  entry.predecessors = 1;
  while (stack.length > 0) {
    const b = stack.pop()!;
    b.visited = true;
    if (b.next !== null && !b.noFallthrough()) {
      if (!b.next.visited) stack.push(b.next);
      b.next.predecessors++;
    }
    for (const i of b.instrs) {
      if (hasTarget(i)) {
        const t = i.target!;
        if (!t.visited) stack.push(t);
        t.predecessors++;
      }
    }
  }
}

function eliminateEmptyBasicBlocks(entry: Block): void {
  for (let b: Block | null = entry; b !== null; b = b.next) {
    let next: Block | null = b.next;
    if (next !== null) {
      while (next.instrs.length === 0 && next.next !== null) next = next.next;
      b.next = next;
    }
  }
  for (let b: Block | null = entry; b !== null; b = b.next) {
    for (const i of b.instrs) if (hasTarget(i)) i.target = firstNonEmpty(i.target!);
  }
}

/** optimize_cfg */
function optimizeCfg(inp: AssembleInput): void {
  const entry = inp.entry;
  for (let b: Block | null = entry; b !== null; b = b.next) {
    optimizeBasicBlock(b, inp);
    cleanBasicBlock(b);
  }
  for (const b of inp.allBlocks().slice().reverse()) extendBlock(b);
  markReachable(entry);
  for (let b: Block | null = entry; b !== null; b = b.next) if (b.predecessors === 0) b.instrs = [];
  eliminateEmptyBasicBlocks(entry);
  for (let b: Block | null = entry; b !== null; b = b.next) cleanBasicBlock(b);
  let maybeEmpty = false;
  for (let b: Block | null = entry; b !== null; b = b.next) {
    const last = b.last();
    if (last !== null && (last.op === JUMP || last.op === JUMP_NO_INTERRUPT) && last.target === b.next) {
      last.op = NOP;
      maybeEmpty = true;
    }
  }
  if (maybeEmpty) eliminateEmptyBasicBlocks(entry);
}

function isExitWithoutLineno(b: Block): boolean {
  if (!b.exits()) return false;
  for (const i of b.instrs) if (i.loc.line >= 0) return false;
  return true;
}

/** duplicate_exits_without_lineno */
function duplicateExitsWithoutLineno(inp: AssembleInput): void {
  const entry = inp.entry;
  // u_blocks / b_list order: most recently allocated block first
  for (const b of inp.allBlocks().slice().reverse()) {
    const last = b.last();
    if (last !== null && isJump(last.op)) {
      const target = last.target!;
      if (isExitWithoutLineno(target) && target.predecessors > 1) {
        const nb = inp.newBlock();
        nb.instrs = target.instrs.map((i) => i.clone());
        nb.instrs[0]!.loc = last.loc;
        last.target = nb;
        target.predecessors--;
        nb.predecessors = 1;
        nb.next = target.next;
        target.next = nb;
      }
    }
  }
  for (let b: Block | null = entry; b !== null; b = b.next) {
    let next: Block | null = b.next;
    if (next !== null) {
      while (next.instrs.length === 0 && next.next !== null) next = next.next;
      b.next = next;
    }
  }
  for (let b: Block | null = entry; b !== null; b = b.next) {
    if (!b.noFallthrough() && b.next !== null && b.instrs.length > 0 && isExitWithoutLineno(b.next)) {
      b.next.instrs[0]!.loc = b.last()!.loc;
    }
  }
}

/** trim_unused_consts: drop trailing constants no instruction refers to (index 0 stays) */
function trimUnusedConsts(entry: Block, consts: PyConst[]): PyConst[] {
  let max = 0;
  for (let b: Block | null = entry; b !== null; b = b.next) {
    for (const i of b.instrs) if ((i.op === LOAD_CONST || i.op === KW_NAMES) && i.arg > max) max = i.arg;
  }
  return consts.slice(0, Math.min(consts.length, max + 1));
}

/** propagate_line_numbers */
function propagateLineNumbers(entry: Block): void {
  for (let b: Block | null = entry; b !== null; b = b.next) {
    if (b.instrs.length === 0) continue;
    let prev: Loc = NO_LOC;
    for (const i of b.instrs) {
      if (i.loc.line < 0) i.loc = prev;
      else prev = i.loc;
    }
    if (!b.noFallthrough() && b.next !== null && b.next.predecessors === 1) {
      if (b.next.instrs[0]!.loc.line < 0) b.next.instrs[0]!.loc = prev;
    }
    const last = b.last()!;
    if (isJump(last.op)) {
      const t = last.target!;
      if (t.predecessors === 1 && t.instrs[0]!.loc.line < 0) t.instrs[0]!.loc = prev;
    }
  }
}

/** guarantee_lineno_for_exits */
function guaranteeLinenoForExits(entry: Block, firstLineno: number): void {
  let lineno = firstLineno;
  for (let b: Block | null = entry; b !== null; b = b.next) {
    const last = b.last();
    if (last === null) continue;
    if (last.loc.line < 0) {
      if (last.op === RETURN_VALUE) {
        for (const i of b.instrs) i.loc = { line: lineno, endLine: i.loc.endLine, col: i.loc.col, endCol: i.loc.endCol };
      }
    } else {
      lineno = last.loc.line;
    }
  }
}

/** stackdepth: the maximum stack depth over all paths */
function stackdepth(entry: Block, flags: number): number {
  for (let b: Block | null = entry; b !== null; b = b.next) b.startDepth = -1;
  const stack: Block[] = [];
  let maxdepth = 0;
  const push = (b: Block, depth: number): void => {
    if (b.startDepth < depth && b.startDepth < 100) {
      b.startDepth = depth;
      stack.push(b);
    }
  };
  push(entry, (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) !== 0 ? 1 : 0);
  while (stack.length > 0) {
    const b = stack.pop()!;
    let depth = b.startDepth;
    let next: Block | null = b.next;
    for (const i of b.instrs) {
      const effect = stackEffect(i.op, i.arg, false);
      const newDepth = depth + effect;
      if (newDepth > maxdepth) maxdepth = newDepth;
      if (hasTarget(i)) {
        const td = depth + stackEffect(i.op, i.arg, true);
        if (td > maxdepth) maxdepth = td;
        push(i.target!, td);
      }
      depth = newDepth;
      if (isUnconditionalJump(i.op) || isScopeExit(i.op)) {
        next = null;
        break;
      }
    }
    if (next !== null) push(next, depth);
  }
  return maxdepth;
}

/** label_exception_targets: the handler of every instruction */
function labelExceptionTargets(entry: Block): void {
  resetVisited(entry);
  const todo: [Block, Block[]][] = [[entry, []]];
  entry.visited = true;
  while (todo.length > 0) {
    const [b, st] = todo.pop()!;
    let handler: Block | null = st.length > 0 ? st[st.length - 1]! : null;
    for (const i of b.instrs) {
      if (isBlockPush(i.op)) {
        const t = i.target!;
        if (!t.visited) {
          t.visited = true;
          todo.push([t, st.slice()]);
        }
        if (i.op === SETUP_WITH || i.op === SETUP_CLEANUP) t.preserveLasti = true;
        t.exceptHandler = true;
        st.push(t);
        handler = t;
      } else if (i.op === POP_BLOCK) {
        st.pop();
        handler = st.length > 0 ? st[st.length - 1]! : null;
      } else if (isJump(i.op)) {
        i.except = handler;
        const t = i.target!;
        if (!t.visited) {
          t.visited = true;
          todo.push([t, st.slice()]);
        }
      } else {
        i.except = handler;
      }
    }
    if (!b.noFallthrough() && b.next !== null && !b.next.visited) {
      b.next.visited = true;
      todo.push([b.next, st]);
    }
  }
}

function hasFallthrough(b: Block): boolean {
  return !b.noFallthrough();
}

/** mark_warm + mark_cold + push_cold_blocks_to_end */
function pushColdBlocksToEnd(entry: Block, newBlock: () => Block): void {
  if (entry.next === null) return;
  resetVisited(entry);
  const ws: Block[] = [entry];
  entry.visited = true;
  while (ws.length > 0) {
    const b = ws.pop()!;
    b.warm = true;
    if (b.next !== null && hasFallthrough(b) && !b.next.visited) {
      ws.push(b.next);
      b.next.visited = true;
    }
    for (const i of b.instrs) {
      if (isJump(i.op) && !i.target!.visited) {
        ws.push(i.target!);
        i.target!.visited = true;
      }
    }
  }
  resetVisited(entry);
  const cs: Block[] = [];
  for (let b: Block | null = entry; b !== null; b = b.next) {
    if (b.exceptHandler) {
      cs.push(b);
      b.visited = true;
    }
  }
  while (cs.length > 0) {
    const b = cs.pop()!;
    b.cold = true;
    if (b.next !== null && hasFallthrough(b) && !b.next.warm && !b.next.visited) {
      cs.push(b.next);
      b.next.visited = true;
    }
    for (const i of b.instrs) {
      if (isJump(i.op)) {
        const t = i.target!;
        if (!t.warm && !t.visited) {
          cs.push(t);
          t.visited = true;
        }
      }
    }
  }
  for (let b: Block | null = entry; b !== null; b = b.next) {
    if (b.cold && hasFallthrough(b) && b.next !== null && b.next.warm) {
      const j = newBlock();
      j.instrs.push(new Instr(JUMP, 0, b.next, NO_LOC));
      j.cold = true;
      j.next = b.next;
      b.next = j;
    }
  }
  let coldHead: Block | null = null;
  let coldTail: Block | null = null;
  let b: Block = entry;
  while (b.next !== null) {
    while (b.next !== null && !b.next.cold) b = b.next;
    if (b.next === null) break;
    let end: Block = b.next;
    while (end.next !== null && end.next.cold) end = end.next;
    if (coldHead === null) coldHead = b.next;
    else coldTail!.next = b.next;
    coldTail = end;
    b.next = end.next;
    end.next = null;
  }
  b.next = coldHead;
}

const FORWARD: Record<number, [number, number]> = {
  [JUMP]: [JUMP_FORWARD, JUMP_BACKWARD],
  [JUMP_NO_INTERRUPT]: [JUMP_FORWARD, JUMP_BACKWARD_NO_INTERRUPT],
  [POP_JUMP_IF_FALSE]: [POP_JUMP_FORWARD_IF_FALSE, POP_JUMP_BACKWARD_IF_FALSE],
  [POP_JUMP_IF_TRUE]: [POP_JUMP_FORWARD_IF_TRUE, POP_JUMP_BACKWARD_IF_TRUE],
  [POP_JUMP_IF_NONE]: [POP_JUMP_FORWARD_IF_NONE, POP_JUMP_BACKWARD_IF_NONE],
  [POP_JUMP_IF_NOT_NONE]: [POP_JUMP_FORWARD_IF_NOT_NONE, POP_JUMP_BACKWARD_IF_NOT_NONE],
};

/** normalize_jumps: pseudo jumps → forward/backward opcodes by layout */
function normalizeJumps(entry: Block): void {
  resetVisited(entry);
  for (let b: Block | null = entry; b !== null; b = b.next) {
    b.visited = true;
    const last = b.last();
    if (last === null || !isJump(last.op)) continue;
    const fwd = !last.target!.visited;
    const pair = FORWARD[last.op];
    if (pair !== undefined) last.op = fwd ? pair[0] : pair[1];
  }
}

/** the oparg as encoded: opcodes below HAVE_ARGUMENT always carry 0 */
function encodedArg(i: Instr): number {
  return i.op >= HAVE_ARGUMENT ? i.arg : 0;
}

function instrSize(i: Instr): number {
  const a = encodedArg(i);
  const ext = a >= 1 << 24 ? 3 : a >= 1 << 16 ? 2 : a >= 1 << 8 ? 1 : 0;
  return ext + 1 + opInfo(i.op).caches;
}

/** assemble_jump_offsets: block offsets and relative jump opargs (to a fixed point) */
function assembleJumpOffsets(entry: Block): void {
  for (;;) {
    let tot = 0;
    for (let b: Block | null = entry; b !== null; b = b.next) {
      b.offset = tot;
      for (const i of b.instrs) tot += instrSize(i);
    }
    let again = false;
    for (let b: Block | null = entry; b !== null; b = b.next) {
      let off = b.offset;
      for (const i of b.instrs) {
        const isize = instrSize(i);
        off += isize;
        if (isJump(i.op)) {
          const t = i.target!.offset;
          i.arg = t < off ? off - t : t - off;
          if (instrSize(i) !== isize) again = true;
        }
      }
    }
    if (!again) return;
  }
}

function emitCode(entry: Block): Uint8Array {
  const out: number[] = [];
  for (let b: Block | null = entry; b !== null; b = b.next) {
    for (const i of b.instrs) {
      const a = encodedArg(i);
      if (a >= 1 << 24) out.push(EXTENDED_ARG, (a >>> 24) & 255);
      if (a >= 1 << 16) out.push(EXTENDED_ARG, (a >>> 16) & 255);
      if (a >= 1 << 8) out.push(EXTENDED_ARG, (a >>> 8) & 255);
      out.push(i.op, a & 255);
      for (let k = opInfo(i.op).caches; k > 0; k--) out.push(CACHE, 0);
    }
  }
  return Uint8Array.from(out);
}

// ---- co_linetable (3.11 format) --------------------------------------------------

function writeVarint(out: number[], v: number): void {
  while (v >= 64) {
    out.push(0x40 | (v & 63));
    v >>>= 6;
  }
  out.push(v);
}

function writeSvarint(out: number[], v: number): void {
  writeVarint(out, v < 0 ? ((-v) << 1) | 1 : v << 1);
}

function emitLinetable(entry: Block, firstLineno: number): Uint8Array {
  const out: number[] = [];
  let prevLine = firstLineno;
  const entryFor = (loc: Loc, size: number): void => {
    const head = (code: number): void => {
      out.push(0x80 | (code << 3) | (size - 1));
    };
    if (loc.line < 0) {
      head(15);
      return;
    }
    const delta = loc.line - prevLine;
    const col = loc.col;
    const endCol = loc.endCol;
    if (col < 0 || endCol < 0) {
      if (loc.endLine === loc.line || loc.endLine === -1) {
        head(13);
        writeSvarint(out, delta);
        prevLine = loc.line;
        return;
      }
    } else if (loc.endLine === loc.line) {
      if (delta === 0 && col < 80 && endCol - col < 16 && endCol >= col) {
        head(col >> 3);
        out.push(((col & 7) << 4) | (endCol - col));
        return;
      }
      if (delta >= 0 && delta < 3 && col < 128 && endCol < 128) {
        head(10 + delta);
        out.push(col, endCol);
        prevLine = loc.line;
        return;
      }
    }
    head(14);
    writeSvarint(out, delta);
    writeVarint(out, loc.endLine - loc.line);
    writeVarint(out, col + 1);
    writeVarint(out, endCol + 1);
    prevLine = loc.line;
  };
  for (let b: Block | null = entry; b !== null; b = b.next) {
    for (const i of b.instrs) {
      let size = instrSize(i);
      while (size > 8) {
        entryFor(i.loc, 8);
        size -= 8;
      }
      entryFor(i.loc, size);
    }
  }
  return Uint8Array.from(out);
}

// ---- co_exceptiontable (3.11 format) ---------------------------------------------

function writeExceptVarint(out: number[], v: number, msb: number): void {
  const chunks: number[] = [];
  chunks.push(v & 63);
  v >>>= 6;
  while (v > 0) {
    chunks.push(v & 63);
    v >>>= 6;
  }
  for (let k = chunks.length - 1; k >= 0; k--) {
    let byte = chunks[k]!;
    if (k > 0) byte |= 64;
    if (k === chunks.length - 1) byte |= msb;
    out.push(byte);
  }
}

function emitExceptionTable(entry: Block): Uint8Array {
  const out: number[] = [];
  let handler: Block | null = null;
  let start = -1;
  let ioffset = 0;
  const emit = (end: number, h: Block): void => {
    let depth = h.startDepth - 1;
    if (h.preserveLasti) depth -= 1;
    writeExceptVarint(out, start, 128);
    writeExceptVarint(out, end - start, 0);
    writeExceptVarint(out, h.offset, 0);
    writeExceptVarint(out, (depth << 1) | (h.preserveLasti ? 1 : 0), 0);
  };
  for (let b: Block | null = entry; b !== null; b = b.next) {
    ioffset = b.offset;
    for (const i of b.instrs) {
      if (i.except !== handler) {
        if (handler !== null) emit(ioffset, handler);
        start = ioffset;
        handler = i.except;
      }
      ioffset += instrSize(i);
    }
  }
  if (handler !== null) emit(ioffset, handler);
  return Uint8Array.from(out);
}
