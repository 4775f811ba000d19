// Code generation for `match` statements (PEP 634), following CPython 3.11's
// compiler_match and compiler_pattern_* in Python/compile.c. Kept apart from
// codegen.ts because it is one mechanism with its own state: the pattern
// context (names captured so far, items that must stay on top of the stack, and
// the chain of "fail_pop" blocks that pop i items and fall through to the next).

import type { Node } from '../../ast/nodes.js';
import { ConstTuple, type PyConst } from '../../bytecode/code-object.js';
import * as O from '../../bytecode/opcodes.js';
import type { Block } from './cfg.js';

/** What the pattern compiler needs from the code generator. */
export interface PatternHost {
  op(op: number, arg?: number): void;
  jump(op: number, target: Block): void;
  jumpNoLine(op: number, target: Block): void;
  newBlock(): Block;
  useNext(b: Block): void;
  nextBlock(): void;
  loadConst(c: PyConst): void;
  expr(e: Node): void;
  stmts(ss: Node[]): void;
  setLoc(n: Node): void;
  storeName(name: string): void;
  jumpIf(e: Node, next: Block, cond: boolean): void;
  error(msg: string): never;
}

interface PatternContext {
  stores: string[];
  allowIrrefutable: boolean;
  failPop: Block[];
  onTop: number;
}

function isWildcard(p: Node): boolean {
  return p._type === 'MatchAs' && p.pattern === null && p.name === null;
}

function isWildcardStar(p: Node): boolean {
  return p._type === 'MatchStar' && p.name === null;
}

function pyRepr(name: string): string {
  return "'" + name + "'";
}

export class PatternCompiler {
  constructor(private readonly h: PatternHost) {}

  private ensureFailPop(pc: PatternContext, n: number): void {
    while (pc.failPop.length < n + 1) pc.failPop.push(this.h.newBlock());
  }

  private jumpToFailPop(pc: PatternContext, op: number): void {
    const pops = pc.onTop + pc.stores.length;
    this.ensureFailPop(pc, pops);
    this.h.jump(op, pc.failPop[pops]!);
    this.h.nextBlock();
  }

  private emitAndResetFailPop(pc: PatternContext): void {
    if (pc.failPop.length === 0) {
      this.h.nextBlock();
      return;
    }
    for (let k = pc.failPop.length - 1; k > 0; k--) {
      this.h.useNext(pc.failPop[k]!);
      this.h.op(O.POP_TOP);
    }
    this.h.useNext(pc.failPop[0]!);
    pc.failPop = [];
  }

  private rotate(count: number): void {
    while (count > 1) this.h.op(O.SWAP, count--);
  }

  private storeName(name: string | null, pc: PatternContext): void {
    if (name === null) {
      this.h.op(O.POP_TOP);
      return;
    }
    if (pc.stores.includes(name)) this.h.error(`multiple assignments to name ${pyRepr(name)} in pattern`);
    this.rotate(pc.onTop + pc.stores.length + 1);
    pc.stores.push(name);
  }

  private subpattern(p: Node, pc: PatternContext): void {
    const allow = pc.allowIrrefutable;
    pc.allowIrrefutable = true;
    this.pattern(p, pc);
    pc.allowIrrefutable = allow;
  }

  private pattern(p: Node, pc: PatternContext): void {
    this.h.setLoc(p);
    switch (p._type) {
      case 'MatchValue': {
        const v = p.value as Node;
        if (v._type !== 'Constant' && v._type !== 'Attribute') this.h.error('patterns may only match literals and attribute lookups');
        this.h.expr(v);
        this.h.op(O.COMPARE_OP, 2);
        this.jumpToFailPop(pc, O.POP_JUMP_IF_FALSE);
        return;
      }
      case 'MatchSingleton':
        this.h.loadConst(p.value as PyConst);
        this.h.op(O.IS_OP, 0);
        this.jumpToFailPop(pc, O.POP_JUMP_IF_FALSE);
        return;
      case 'MatchSequence':
        this.sequence(p, pc);
        return;
      case 'MatchMapping':
        this.mapping(p, pc);
        return;
      case 'MatchClass':
        this.classPattern(p, pc);
        return;
      case 'MatchStar':
        this.storeName(p.name, pc);
        return;
      case 'MatchAs':
        if (p.pattern === null) {
          if (!pc.allowIrrefutable) {
            if (p.name !== null) this.h.error(`name capture ${pyRepr(p.name)} makes remaining patterns unreachable`);
            this.h.error('wildcard makes remaining patterns unreachable');
          }
          this.storeName(p.name, pc);
          return;
        }
        pc.onTop++;
        this.h.op(O.COPY, 1);
        this.pattern(p.pattern, pc);
        pc.onTop--;
        this.storeName(p.name, pc);
        return;
      case 'MatchOr':
        this.or(p, pc);
        return;
      default:
        this.h.error(`invalid pattern ${p._type}`);
    }
  }

  private sequence(p: Node, pc: PatternContext): void {
    const pats = p.patterns as Node[];
    const size = pats.length;
    let star = -1;
    let onlyWildcard = true;
    let starWildcard = false;
    for (let i = 0; i < size; i++) {
      const q = pats[i]!;
      if (q._type === 'MatchStar') {
        if (star >= 0) this.h.error('multiple starred names in sequence pattern');
        starWildcard = isWildcardStar(q);
        onlyWildcard &&= starWildcard;
        star = i;
        continue;
      }
      onlyWildcard &&= isWildcard(q);
    }
    pc.onTop++;
    this.h.op(O.MATCH_SEQUENCE);
    this.jumpToFailPop(pc, O.POP_JUMP_IF_FALSE);
    if (star < 0) {
      this.h.op(O.GET_LEN);
      this.h.loadConst(BigInt(size));
      this.h.op(O.COMPARE_OP, 2);
      this.jumpToFailPop(pc, O.POP_JUMP_IF_FALSE);
    } else if (size > 1) {
      this.h.op(O.GET_LEN);
      this.h.loadConst(BigInt(size - 1));
      this.h.op(O.COMPARE_OP, 5);
      this.jumpToFailPop(pc, O.POP_JUMP_IF_FALSE);
    }
    pc.onTop--;
    if (onlyWildcard) {
      this.h.op(O.POP_TOP);
    } else if (starWildcard) {
      pc.onTop++;
      for (let i = 0; i < size; i++) {
        const q = pats[i]!;
        if (isWildcard(q) || i === star) continue;
        this.h.op(O.COPY, 1);
        if (i < star) {
          this.h.loadConst(BigInt(i));
        } else {
          this.h.op(O.GET_LEN);
          this.h.loadConst(BigInt(size - i));
          this.h.op(O.BINARY_OP, 10);
        }
        this.h.op(O.BINARY_SUBSCR);
        this.subpattern(q, pc);
      }
      pc.onTop--;
      this.h.op(O.POP_TOP);
    } else {
      let seen = false;
      for (let i = 0; i < size; i++) {
        const q = pats[i]!;
        if (q._type === 'MatchStar' && !seen) {
          if (i >= 1 << 8) this.h.error('too many expressions in star-unpacking sequence pattern');
          this.h.op(O.UNPACK_EX, i + ((size - i - 1) << 8));
          seen = true;
        }
      }
      if (!seen) this.h.op(O.UNPACK_SEQUENCE, size);
      pc.onTop += size;
      for (let i = 0; i < size; i++) {
        pc.onTop--;
        this.subpattern(pats[i]!, pc);
      }
    }
  }

  private mapping(p: Node, pc: PatternContext): void {
    const keys = p.keys as Node[];
    const pats = p.patterns as Node[];
    let size = keys.length;
    const rest = p.rest as string | null;
    pc.onTop++;
    this.h.op(O.MATCH_MAPPING);
    this.jumpToFailPop(pc, O.POP_JUMP_IF_FALSE);
    if (size === 0 && rest === null) {
      pc.onTop--;
      this.h.op(O.POP_TOP);
      return;
    }
    if (size > 0) {
      this.h.op(O.GET_LEN);
      this.h.loadConst(BigInt(size));
      this.h.op(O.COMPARE_OP, 5);
      this.jumpToFailPop(pc, O.POP_JUMP_IF_FALSE);
    }
    for (const key of keys) {
      if (key._type !== 'Constant' && key._type !== 'Attribute') this.h.error('mapping pattern keys may only match literals and attribute lookups');
      this.h.expr(key);
    }
    this.h.op(O.BUILD_TUPLE, size);
    this.h.op(O.MATCH_KEYS);
    pc.onTop += 2;
    this.h.op(O.COPY, 1);
    this.h.loadConst(null);
    this.h.op(O.IS_OP, 1);
    this.jumpToFailPop(pc, O.POP_JUMP_IF_FALSE);
    this.h.op(O.UNPACK_SEQUENCE, size);
    pc.onTop += size - 1;
    for (let i = 0; i < size; i++) {
      pc.onTop--;
      this.subpattern(pats[i]!, pc);
    }
    pc.onTop -= 2;
    if (rest !== null) {
      this.h.op(O.BUILD_MAP, 0);
      this.h.op(O.SWAP, 3);
      this.h.op(O.DICT_UPDATE, 2);
      this.h.op(O.UNPACK_SEQUENCE, size);
      while (size > 0) {
        this.h.op(O.COPY, 1 + size--);
        this.h.op(O.SWAP, 2);
        this.h.op(O.DELETE_SUBSCR);
      }
      this.storeName(rest, pc);
    } else {
      this.h.op(O.POP_TOP);
      this.h.op(O.POP_TOP);
    }
  }

  private classPattern(p: Node, pc: PatternContext): void {
    const pats = p.patterns as Node[];
    const attrs = p.kwd_attrs as string[];
    const kpats = p.kwd_patterns as Node[];
    const nargs = pats.length;
    const nattrs = attrs.length;
    if (nattrs > 0) {
      for (let i = 0; i < nattrs; i++) {
        this.h.setLoc(kpats[i]!);
        for (let j = i + 1; j < nattrs; j++) {
          if (attrs[i] === attrs[j]) {
            this.h.setLoc(kpats[j]!);
            this.h.error(`attribute name repeated in class pattern: ${attrs[i]!}`);
          }
        }
      }
      this.h.setLoc(p);
    }
    this.h.expr(p.cls);
    this.h.loadConst(new ConstTuple(attrs.slice()));
    this.h.op(O.MATCH_CLASS, nargs);
    this.h.op(O.COPY, 1);
    this.h.loadConst(null);
    this.h.op(O.IS_OP, 1);
    pc.onTop++;
    this.jumpToFailPop(pc, O.POP_JUMP_IF_FALSE);
    this.h.op(O.UNPACK_SEQUENCE, nargs + nattrs);
    pc.onTop += nargs + nattrs - 1;
    for (let i = 0; i < nargs + nattrs; i++) {
      pc.onTop--;
      const q = i < nargs ? pats[i]! : kpats[i - nargs]!;
      if (isWildcard(q)) {
        this.h.op(O.POP_TOP);
        continue;
      }
      this.subpattern(q, pc);
    }
  }

  private or(p: Node, pc: PatternContext): void {
    const h = this.h;
    const end = h.newBlock();
    const alts = p.patterns as Node[];
    const size = alts.length;
    const old: PatternContext = { ...pc, stores: pc.stores, failPop: pc.failPop };
    let control: string[] | null = null;
    for (let i = 0; i < size; i++) {
      const alt = alts[i]!;
      h.setLoc(alt);
      pc.stores = [];
      pc.allowIrrefutable = i === size - 1 && old.allowIrrefutable;
      pc.failPop = [];
      pc.onTop = 0;
      h.op(O.COPY, 1);
      this.pattern(alt, pc);
      const nstores = pc.stores.length;
      if (i === 0) {
        control = pc.stores;
      } else if (nstores !== control!.length) {
        h.error('alternative patterns bind different names');
      } else if (nstores > 0) {
        for (let icontrol = nstores - 1; icontrol >= 0; icontrol--) {
          const name = control![icontrol]!;
          const istores = pc.stores.indexOf(name);
          if (istores < 0) h.error('alternative patterns bind different names');
          if (icontrol !== istores) {
            let rotations = istores + 1;
            const rotated = pc.stores.slice(0, rotations);
            pc.stores.splice(0, rotations);
            pc.stores.splice(icontrol - istores, 0, ...rotated);
            while (rotations-- > 0) this.rotate(icontrol + 1);
          }
        }
      }
      h.jump(O.JUMP, end);
      this.emitAndResetFailPop(pc);
    }
    pc.stores = old.stores;
    pc.allowIrrefutable = old.allowIrrefutable;
    pc.failPop = old.failPop;
    pc.onTop = old.onTop;
    h.op(O.POP_TOP);
    this.jumpToFailPop(pc, O.JUMP);
    h.useNext(end);
    const nstores = control!.length;
    const nrots = nstores + 1 + pc.onTop + pc.stores.length;
    for (let i = 0; i < nstores; i++) {
      this.rotate(nrots);
      const name = control![i]!;
      if (pc.stores.includes(name)) h.error(`multiple assignments to name ${pyRepr(name)} in pattern`);
      pc.stores.push(name);
    }
    h.op(O.POP_TOP);
  }

  /** compiler_match_inner (the subject is already evaluated by the caller) */
  match(s: Node): void {
    const h = this.h;
    h.expr(s.subject);
    const end = h.newBlock();
    const cases = s.cases as Node[];
    const n = cases.length;
    let m = cases[n - 1]!;
    const hasDefault = isWildcard(m.pattern) && n > 1 ? 1 : 0;
    const pc: PatternContext = { stores: [], allowIrrefutable: false, failPop: [], onTop: 0 };
    for (let i = 0; i < n - hasDefault; i++) {
      m = cases[i]!;
      h.setLoc(m.pattern);
      if (i !== n - hasDefault - 1) h.op(O.COPY, 1);
      pc.stores = [];
      pc.allowIrrefutable = m.guard !== null || i === n - 1;
      pc.failPop = [];
      pc.onTop = 0;
      this.pattern(m.pattern, pc);
      for (const name of pc.stores) h.storeName(name);
      if (m.guard !== null) {
        this.ensureFailPop(pc, 0);
        h.jumpIf(m.guard, pc.failPop[0]!, false);
      }
      if (i !== n - hasDefault - 1) h.op(O.POP_TOP);
      h.stmts(m.body);
      h.jumpNoLine(O.JUMP, end);
      h.setLoc(m.pattern);
      this.emitAndResetFailPop(pc);
    }
    if (hasDefault) {
      m = cases[n - 1]!;
      h.setLoc(m.pattern);
      if (n === 1) h.op(O.POP_TOP);
      else h.op(O.NOP);
      if (m.guard !== null) h.jumpIf(m.guard, end, false);
      h.stmts(m.body);
    }
    h.useNext(end);
  }
}
