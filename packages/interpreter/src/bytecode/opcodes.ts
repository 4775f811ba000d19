// The opcode table of pynogil's bytecode, which is CPython 3.11's bytecode
// (docs/internals/bytecode.md). This file is the single source of truth: the
// code generator, the assembler, the disassembler and (later) the eval loop read
// the numbers, argument kinds, inline-cache sizes, jump kinds and stack effects
// from here.
//
// Facts follow Lib/opcode.py of 3.11 (opmap, HAVE_ARGUMENT = 90,
// _inline_cache_entries, hasjrel, hasconst, hasname, haslocal, hasfree,
// hascompare) and the stack effects of Python/compile.c's stack_effect() (checked
// against dis.stack_effect in test/codegen/opcodes.test.ts). Pseudo-instructions
// (numbers >= 256) only exist in the code generator's flow graph and are replaced
// before assembly: SETUP_* / POP_BLOCK become NOPs (the exception table records
// them), JUMP / POP_JUMP_IF_* become the FORWARD or BACKWARD real opcode.

/** How an instruction's argument is interpreted (dis's argrepr column). */
export type ArgKind = 'none' | 'plain' | 'const' | 'name' | 'local' | 'free' | 'jrel' | 'cmp';

export interface OpcodeInfo {
  readonly name: string;
  readonly code: number;
  /** number of CACHE code units following the instruction (opcode._inline_cache_entries) */
  readonly caches: number;
  readonly arg: ArgKind;
  /** 'fwd' / 'back' relative jumps; 'none' otherwise */
  readonly jump: 'none' | 'fwd' | 'back';
  /**
   * Net stack effect (pushes - pops) given the oparg and whether the jump is taken
   * (jump = true: the effect on the branch edge; for non-jumps it is ignored).
   */
  readonly effect: (oparg: number, jump: boolean) => number;
}

const TABLE: OpcodeInfo[] = [];

function op(name: string, code: number, caches: number, arg: ArgKind, effect: number | ((oparg: number, jump: boolean) => number), jump: 'none' | 'fwd' | 'back' = 'none'): number {
  TABLE.push({ name, code, caches, arg, jump, effect: typeof effect === 'number' ? () => effect : effect });
  return code;
}

const jumpOrPop = (_a: number, j: boolean): number => (j ? 0 : -1);

export const CACHE = op('CACHE', 0, 0, 'none', 0);
export const POP_TOP = op('POP_TOP', 1, 0, 'none', -1);
export const PUSH_NULL = op('PUSH_NULL', 2, 0, 'none', 1);
export const NOP = op('NOP', 9, 0, 'none', 0);
export const UNARY_POSITIVE = op('UNARY_POSITIVE', 10, 0, 'none', 0);
export const UNARY_NEGATIVE = op('UNARY_NEGATIVE', 11, 0, 'none', 0);
export const UNARY_NOT = op('UNARY_NOT', 12, 0, 'none', 0);
export const UNARY_INVERT = op('UNARY_INVERT', 15, 0, 'none', 0);
export const BINARY_SUBSCR = op('BINARY_SUBSCR', 25, 4, 'none', -1);
export const GET_LEN = op('GET_LEN', 30, 0, 'none', 1);
export const MATCH_MAPPING = op('MATCH_MAPPING', 31, 0, 'none', 1);
export const MATCH_SEQUENCE = op('MATCH_SEQUENCE', 32, 0, 'none', 1);
export const MATCH_KEYS = op('MATCH_KEYS', 33, 0, 'none', 1);
export const PUSH_EXC_INFO = op('PUSH_EXC_INFO', 35, 0, 'none', 1);
export const CHECK_EXC_MATCH = op('CHECK_EXC_MATCH', 36, 0, 'none', 0);
export const CHECK_EG_MATCH = op('CHECK_EG_MATCH', 37, 0, 'none', 0);
export const WITH_EXCEPT_START = op('WITH_EXCEPT_START', 49, 0, 'none', 1);
export const GET_AITER = op('GET_AITER', 50, 0, 'none', 0);
export const GET_ANEXT = op('GET_ANEXT', 51, 0, 'none', 1);
export const BEFORE_ASYNC_WITH = op('BEFORE_ASYNC_WITH', 52, 0, 'none', 1);
export const BEFORE_WITH = op('BEFORE_WITH', 53, 0, 'none', 1);
export const END_ASYNC_FOR = op('END_ASYNC_FOR', 54, 0, 'none', -2);
export const STORE_SUBSCR = op('STORE_SUBSCR', 60, 1, 'none', -3);
export const DELETE_SUBSCR = op('DELETE_SUBSCR', 61, 0, 'none', -2);
export const GET_ITER = op('GET_ITER', 68, 0, 'none', 0);
export const GET_YIELD_FROM_ITER = op('GET_YIELD_FROM_ITER', 69, 0, 'none', 0);
export const PRINT_EXPR = op('PRINT_EXPR', 70, 0, 'none', -1);
export const LOAD_BUILD_CLASS = op('LOAD_BUILD_CLASS', 71, 0, 'none', 1);
export const LOAD_ASSERTION_ERROR = op('LOAD_ASSERTION_ERROR', 74, 0, 'none', 1);
export const RETURN_GENERATOR = op('RETURN_GENERATOR', 75, 0, 'none', 0);
export const LIST_TO_TUPLE = op('LIST_TO_TUPLE', 82, 0, 'none', 0);
export const RETURN_VALUE = op('RETURN_VALUE', 83, 0, 'none', -1);
export const IMPORT_STAR = op('IMPORT_STAR', 84, 0, 'none', -1);
export const SETUP_ANNOTATIONS = op('SETUP_ANNOTATIONS', 85, 0, 'none', 0);
export const YIELD_VALUE = op('YIELD_VALUE', 86, 0, 'none', 0);
export const ASYNC_GEN_WRAP = op('ASYNC_GEN_WRAP', 87, 0, 'none', 0);
export const PREP_RERAISE_STAR = op('PREP_RERAISE_STAR', 88, 0, 'none', -1);
export const POP_EXCEPT = op('POP_EXCEPT', 89, 0, 'none', -1);
/** opcodes >= HAVE_ARGUMENT use their oparg */
export const HAVE_ARGUMENT = 90;
export const STORE_NAME = op('STORE_NAME', 90, 0, 'name', -1);
export const DELETE_NAME = op('DELETE_NAME', 91, 0, 'name', 0);
export const UNPACK_SEQUENCE = op('UNPACK_SEQUENCE', 92, 1, 'plain', (a) => a - 1);
export const FOR_ITER = op('FOR_ITER', 93, 0, 'jrel', (_a, j) => (j ? -1 : 1), 'fwd');
export const UNPACK_EX = op('UNPACK_EX', 94, 0, 'plain', (a) => (a & 0xff) + (a >> 8));
export const STORE_ATTR = op('STORE_ATTR', 95, 4, 'name', -2);
export const DELETE_ATTR = op('DELETE_ATTR', 96, 0, 'name', -1);
export const STORE_GLOBAL = op('STORE_GLOBAL', 97, 0, 'name', -1);
export const DELETE_GLOBAL = op('DELETE_GLOBAL', 98, 0, 'name', 0);
export const SWAP = op('SWAP', 99, 0, 'plain', 0);
export const LOAD_CONST = op('LOAD_CONST', 100, 0, 'const', 1);
export const LOAD_NAME = op('LOAD_NAME', 101, 0, 'name', 1);
export const BUILD_TUPLE = op('BUILD_TUPLE', 102, 0, 'plain', (a) => 1 - a);
export const BUILD_LIST = op('BUILD_LIST', 103, 0, 'plain', (a) => 1 - a);
export const BUILD_SET = op('BUILD_SET', 104, 0, 'plain', (a) => 1 - a);
export const BUILD_MAP = op('BUILD_MAP', 105, 0, 'plain', (a) => 1 - 2 * a);
export const LOAD_ATTR = op('LOAD_ATTR', 106, 4, 'name', 0);
export const COMPARE_OP = op('COMPARE_OP', 107, 2, 'cmp', -1);
export const IMPORT_NAME = op('IMPORT_NAME', 108, 0, 'name', -1);
export const IMPORT_FROM = op('IMPORT_FROM', 109, 0, 'name', 1);
export const JUMP_FORWARD = op('JUMP_FORWARD', 110, 0, 'jrel', 0, 'fwd');
export const JUMP_IF_FALSE_OR_POP = op('JUMP_IF_FALSE_OR_POP', 111, 0, 'jrel', jumpOrPop, 'fwd');
export const JUMP_IF_TRUE_OR_POP = op('JUMP_IF_TRUE_OR_POP', 112, 0, 'jrel', jumpOrPop, 'fwd');
export const POP_JUMP_FORWARD_IF_FALSE = op('POP_JUMP_FORWARD_IF_FALSE', 114, 0, 'jrel', -1, 'fwd');
export const POP_JUMP_FORWARD_IF_TRUE = op('POP_JUMP_FORWARD_IF_TRUE', 115, 0, 'jrel', -1, 'fwd');
export const LOAD_GLOBAL = op('LOAD_GLOBAL', 116, 5, 'name', (a) => (a & 1) + 1);
export const IS_OP = op('IS_OP', 117, 0, 'plain', -1);
export const CONTAINS_OP = op('CONTAINS_OP', 118, 0, 'plain', -1);
export const RERAISE = op('RERAISE', 119, 0, 'plain', -1);
export const COPY = op('COPY', 120, 0, 'plain', 1);
export const BINARY_OP = op('BINARY_OP', 122, 1, 'plain', -1);
export const SEND = op('SEND', 123, 0, 'jrel', (_a, j) => (j ? -1 : 0), 'fwd');
export const LOAD_FAST = op('LOAD_FAST', 124, 0, 'local', 1);
export const STORE_FAST = op('STORE_FAST', 125, 0, 'local', -1);
export const DELETE_FAST = op('DELETE_FAST', 126, 0, 'local', 0);
export const POP_JUMP_FORWARD_IF_NOT_NONE = op('POP_JUMP_FORWARD_IF_NOT_NONE', 128, 0, 'jrel', -1, 'fwd');
export const POP_JUMP_FORWARD_IF_NONE = op('POP_JUMP_FORWARD_IF_NONE', 129, 0, 'jrel', -1, 'fwd');
export const RAISE_VARARGS = op('RAISE_VARARGS', 130, 0, 'plain', (a) => -a);
export const GET_AWAITABLE = op('GET_AWAITABLE', 131, 0, 'plain', 0);
export const MAKE_FUNCTION = op('MAKE_FUNCTION', 132, 0, 'plain', (a) => -(a & 1) - ((a >> 1) & 1) - ((a >> 2) & 1) - ((a >> 3) & 1));
export const BUILD_SLICE = op('BUILD_SLICE', 133, 0, 'plain', (a) => (a === 3 ? -2 : -1));
export const JUMP_BACKWARD_NO_INTERRUPT = op('JUMP_BACKWARD_NO_INTERRUPT', 134, 0, 'jrel', 0, 'back');
export const MAKE_CELL = op('MAKE_CELL', 135, 0, 'free', 0);
export const LOAD_CLOSURE = op('LOAD_CLOSURE', 136, 0, 'free', 1);
export const LOAD_DEREF = op('LOAD_DEREF', 137, 0, 'free', 1);
export const STORE_DEREF = op('STORE_DEREF', 138, 0, 'free', -1);
export const DELETE_DEREF = op('DELETE_DEREF', 139, 0, 'free', 0);
export const JUMP_BACKWARD = op('JUMP_BACKWARD', 140, 0, 'jrel', 0, 'back');
export const CALL_FUNCTION_EX = op('CALL_FUNCTION_EX', 142, 0, 'plain', (a) => -2 - (a & 1));
export const EXTENDED_ARG = op('EXTENDED_ARG', 144, 0, 'plain', 0);
export const LIST_APPEND = op('LIST_APPEND', 145, 0, 'plain', -1);
export const SET_ADD = op('SET_ADD', 146, 0, 'plain', -1);
export const MAP_ADD = op('MAP_ADD', 147, 0, 'plain', -2);
export const LOAD_CLASSDEREF = op('LOAD_CLASSDEREF', 148, 0, 'free', 1);
export const COPY_FREE_VARS = op('COPY_FREE_VARS', 149, 0, 'plain', 0);
export const RESUME = op('RESUME', 151, 0, 'plain', 0);
export const MATCH_CLASS = op('MATCH_CLASS', 152, 0, 'plain', -2);
export const FORMAT_VALUE = op('FORMAT_VALUE', 155, 0, 'plain', (a) => ((a & 0x04) === 0x04 ? -1 : 0));
export const BUILD_CONST_KEY_MAP = op('BUILD_CONST_KEY_MAP', 156, 0, 'plain', (a) => -a);
export const BUILD_STRING = op('BUILD_STRING', 157, 0, 'plain', (a) => 1 - a);
export const LOAD_METHOD = op('LOAD_METHOD', 160, 10, 'name', 1);
export const LIST_EXTEND = op('LIST_EXTEND', 162, 0, 'plain', -1);
export const SET_UPDATE = op('SET_UPDATE', 163, 0, 'plain', -1);
export const DICT_MERGE = op('DICT_MERGE', 164, 0, 'plain', -1);
export const DICT_UPDATE = op('DICT_UPDATE', 165, 0, 'plain', -1);
export const PRECALL = op('PRECALL', 166, 1, 'plain', (a) => -a);
export const CALL = op('CALL', 171, 4, 'plain', -1);
export const KW_NAMES = op('KW_NAMES', 172, 0, 'const', 0);
export const POP_JUMP_BACKWARD_IF_NOT_NONE = op('POP_JUMP_BACKWARD_IF_NOT_NONE', 173, 0, 'jrel', -1, 'back');
export const POP_JUMP_BACKWARD_IF_NONE = op('POP_JUMP_BACKWARD_IF_NONE', 174, 0, 'jrel', -1, 'back');
export const POP_JUMP_BACKWARD_IF_FALSE = op('POP_JUMP_BACKWARD_IF_FALSE', 175, 0, 'jrel', -1, 'back');
export const POP_JUMP_BACKWARD_IF_TRUE = op('POP_JUMP_BACKWARD_IF_TRUE', 176, 0, 'jrel', -1, 'back');

/** Number of real opcodes in the table (checked against opcode.opmap). */
export const REAL_OPCODE_COUNT = TABLE.length;

// ---- pseudo-instructions (flow graph only; never in co_code) ------------------
export const SETUP_FINALLY = op('SETUP_FINALLY', 256, 0, 'plain', (_a, j) => (j ? 1 : 0));
export const SETUP_CLEANUP = op('SETUP_CLEANUP', 257, 0, 'plain', (_a, j) => (j ? 2 : 0));
export const SETUP_WITH = op('SETUP_WITH', 258, 0, 'plain', (_a, j) => (j ? 1 : 0));
export const POP_BLOCK = op('POP_BLOCK', 259, 0, 'none', 0);
export const JUMP = op('JUMP', 260, 0, 'plain', 0);
export const JUMP_NO_INTERRUPT = op('JUMP_NO_INTERRUPT', 261, 0, 'plain', 0);
export const POP_JUMP_IF_FALSE = op('POP_JUMP_IF_FALSE', 262, 0, 'plain', -1);
export const POP_JUMP_IF_TRUE = op('POP_JUMP_IF_TRUE', 263, 0, 'plain', -1);
export const POP_JUMP_IF_NONE = op('POP_JUMP_IF_NONE', 264, 0, 'plain', -1);
export const POP_JUMP_IF_NOT_NONE = op('POP_JUMP_IF_NOT_NONE', 265, 0, 'plain', -1);

const BY_CODE: (OpcodeInfo | undefined)[] = [];
for (const info of TABLE) BY_CODE[info.code] = info;

/** The table entry of `code` (real or pseudo). */
export function opInfo(code: number): OpcodeInfo {
  const i = BY_CODE[code];
  if (i === undefined) throw new Error(`unknown opcode ${code}`); // internal bug: codes come from this table
  return i;
}

/** The real opcodes, in numeric order (as opcode.opmap sorted by value). */
export function realOpcodes(): readonly OpcodeInfo[] {
  return TABLE.slice(0, REAL_OPCODE_COUNT);
}

export function stackEffect(code: number, oparg: number, jump: boolean): number {
  return opInfo(code).effect(oparg, jump);
}

/** Jumps of the flow graph: real relative jumps and the pseudo jumps (not SETUP_*). */
export function isJump(code: number): boolean {
  return (code >= JUMP && code <= POP_JUMP_IF_NOT_NONE) || (code < 256 && opInfo(code).jump !== 'none');
}

export function isBlockPush(code: number): boolean {
  return code === SETUP_FINALLY || code === SETUP_CLEANUP || code === SETUP_WITH;
}

export function isUnconditionalJump(code: number): boolean {
  return code === JUMP || code === JUMP_NO_INTERRUPT || code === JUMP_FORWARD || code === JUMP_BACKWARD || code === JUMP_BACKWARD_NO_INTERRUPT;
}

export function isScopeExit(code: number): boolean {
  return code === RETURN_VALUE || code === RAISE_VARARGS || code === RERAISE;
}

/** COMPARE_OP's oparg → operator (Lib/opcode.py cmp_op). */
export const CMP_OP = ['<', '<=', '==', '!=', '>', '>='] as const;

/** BINARY_OP's oparg → operator symbol (opcode._nb_ops). */
export const NB_OPS = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^',
  '+=', '&=', '//=', '<<=', '@=', '*=', '%=', '|=', '**=', '>>=', '-=', '/=', '^='] as const;
