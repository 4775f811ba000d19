// The AST of pynogil: the node types and fields of CPython 3.11's `ast` module
// (Parser/Python.asdl), as plain JS objects with a `_type` tag.
//
// Representation (see docs/internals/parser.md):
//   * every node is a plain object whose first property is `_type` (the class name
//     in `ast`), followed by its fields in the order of NODE_TYPES below, followed by
//     `lineno, col_offset, end_lineno, end_col_offset` when the type has positions.
//     The parser always creates a type's properties in that order, so each node type
//     has one hidden class in V8 and the compiler's walks stay monomorphic per type.
//   * expr_context, boolop, operator, unaryop and cmpop values are strings naming the
//     singleton class ('Load', 'Add', 'NotIn', ...): they carry no data.
//   * identifiers are JS strings; optional fields absent in the source are `null`.
//   * `Constant.value` is a ConstantValue (see below).
//
// NODE_TYPES is the single source of truth for fields: dump() reads it, and so
// should any generic walker.

/** How a field's value is represented; the suffix `?` means "may be null". */
export type FieldKind =
  | 'node' // one AST node
  | 'node?' // node or null
  | 'nodes' // array of nodes
  | 'nodes?' // array whose items may be null (Dict.keys, arguments.kw_defaults)
  | 'ident' // identifier string
  | 'ident?' // identifier or null
  | 'idents' // array of identifier strings
  | 'string?' // plain string or null (Constant.kind, type_comment)
  | 'const' // ConstantValue
  | 'int' // small integer (number)
  | 'int?' // small integer or null
  | 'enum' // singleton class name (ctx, operator)
  | 'enums'; // array of singleton class names (Compare.ops)

export interface NodeTypeInfo {
  readonly fields: readonly (readonly [string, FieldKind])[];
  /** true when the node has lineno/col_offset/end_lineno/end_col_offset */
  readonly positions: boolean;
}

const P = true;
const N = false;

/** Field table of every node type of CPython 3.11's ast (Python.asdl). */
export const NODE_TYPES: Readonly<Record<string, NodeTypeInfo>> = {
  // mod
  Module: { positions: N, fields: [['body', 'nodes'], ['type_ignores', 'nodes']] },
  Interactive: { positions: N, fields: [['body', 'nodes']] },
  Expression: { positions: N, fields: [['body', 'node']] },
  FunctionType: { positions: N, fields: [['argtypes', 'nodes'], ['returns', 'node']] },
  // stmt
  FunctionDef: { positions: P, fields: [['name', 'ident'], ['args', 'node'], ['body', 'nodes'], ['decorator_list', 'nodes'], ['returns', 'node?'], ['type_comment', 'string?']] },
  AsyncFunctionDef: { positions: P, fields: [['name', 'ident'], ['args', 'node'], ['body', 'nodes'], ['decorator_list', 'nodes'], ['returns', 'node?'], ['type_comment', 'string?']] },
  ClassDef: { positions: P, fields: [['name', 'ident'], ['bases', 'nodes'], ['keywords', 'nodes'], ['body', 'nodes'], ['decorator_list', 'nodes']] },
  Return: { positions: P, fields: [['value', 'node?']] },
  Delete: { positions: P, fields: [['targets', 'nodes']] },
  Assign: { positions: P, fields: [['targets', 'nodes'], ['value', 'node'], ['type_comment', 'string?']] },
  AugAssign: { positions: P, fields: [['target', 'node'], ['op', 'enum'], ['value', 'node']] },
  AnnAssign: { positions: P, fields: [['target', 'node'], ['annotation', 'node'], ['value', 'node?'], ['simple', 'int']] },
  For: { positions: P, fields: [['target', 'node'], ['iter', 'node'], ['body', 'nodes'], ['orelse', 'nodes'], ['type_comment', 'string?']] },
  AsyncFor: { positions: P, fields: [['target', 'node'], ['iter', 'node'], ['body', 'nodes'], ['orelse', 'nodes'], ['type_comment', 'string?']] },
  While: { positions: P, fields: [['test', 'node'], ['body', 'nodes'], ['orelse', 'nodes']] },
  If: { positions: P, fields: [['test', 'node'], ['body', 'nodes'], ['orelse', 'nodes']] },
  With: { positions: P, fields: [['items', 'nodes'], ['body', 'nodes'], ['type_comment', 'string?']] },
  AsyncWith: { positions: P, fields: [['items', 'nodes'], ['body', 'nodes'], ['type_comment', 'string?']] },
  Match: { positions: P, fields: [['subject', 'node'], ['cases', 'nodes']] },
  Raise: { positions: P, fields: [['exc', 'node?'], ['cause', 'node?']] },
  Try: { positions: P, fields: [['body', 'nodes'], ['handlers', 'nodes'], ['orelse', 'nodes'], ['finalbody', 'nodes']] },
  TryStar: { positions: P, fields: [['body', 'nodes'], ['handlers', 'nodes'], ['orelse', 'nodes'], ['finalbody', 'nodes']] },
  Assert: { positions: P, fields: [['test', 'node'], ['msg', 'node?']] },
  Import: { positions: P, fields: [['names', 'nodes']] },
  ImportFrom: { positions: P, fields: [['module', 'ident?'], ['names', 'nodes'], ['level', 'int?']] },
  Global: { positions: P, fields: [['names', 'idents']] },
  Nonlocal: { positions: P, fields: [['names', 'idents']] },
  Expr: { positions: P, fields: [['value', 'node']] },
  Pass: { positions: P, fields: [] },
  Break: { positions: P, fields: [] },
  Continue: { positions: P, fields: [] },
  // expr
  BoolOp: { positions: P, fields: [['op', 'enum'], ['values', 'nodes']] },
  NamedExpr: { positions: P, fields: [['target', 'node'], ['value', 'node']] },
  BinOp: { positions: P, fields: [['left', 'node'], ['op', 'enum'], ['right', 'node']] },
  UnaryOp: { positions: P, fields: [['op', 'enum'], ['operand', 'node']] },
  Lambda: { positions: P, fields: [['args', 'node'], ['body', 'node']] },
  IfExp: { positions: P, fields: [['test', 'node'], ['body', 'node'], ['orelse', 'node']] },
  Dict: { positions: P, fields: [['keys', 'nodes?'], ['values', 'nodes']] },
  Set: { positions: P, fields: [['elts', 'nodes']] },
  ListComp: { positions: P, fields: [['elt', 'node'], ['generators', 'nodes']] },
  SetComp: { positions: P, fields: [['elt', 'node'], ['generators', 'nodes']] },
  DictComp: { positions: P, fields: [['key', 'node'], ['value', 'node'], ['generators', 'nodes']] },
  GeneratorExp: { positions: P, fields: [['elt', 'node'], ['generators', 'nodes']] },
  Await: { positions: P, fields: [['value', 'node']] },
  Yield: { positions: P, fields: [['value', 'node?']] },
  YieldFrom: { positions: P, fields: [['value', 'node']] },
  Compare: { positions: P, fields: [['left', 'node'], ['ops', 'enums'], ['comparators', 'nodes']] },
  Call: { positions: P, fields: [['func', 'node'], ['args', 'nodes'], ['keywords', 'nodes']] },
  FormattedValue: { positions: P, fields: [['value', 'node'], ['conversion', 'int'], ['format_spec', 'node?']] },
  JoinedStr: { positions: P, fields: [['values', 'nodes']] },
  Constant: { positions: P, fields: [['value', 'const'], ['kind', 'string?']] },
  Attribute: { positions: P, fields: [['value', 'node'], ['attr', 'ident'], ['ctx', 'enum']] },
  Subscript: { positions: P, fields: [['value', 'node'], ['slice', 'node'], ['ctx', 'enum']] },
  Starred: { positions: P, fields: [['value', 'node'], ['ctx', 'enum']] },
  Name: { positions: P, fields: [['id', 'ident'], ['ctx', 'enum']] },
  List: { positions: P, fields: [['elts', 'nodes'], ['ctx', 'enum']] },
  Tuple: { positions: P, fields: [['elts', 'nodes'], ['ctx', 'enum']] },
  Slice: { positions: P, fields: [['lower', 'node?'], ['upper', 'node?'], ['step', 'node?']] },
  // others
  comprehension: { positions: N, fields: [['target', 'node'], ['iter', 'node'], ['ifs', 'nodes'], ['is_async', 'int']] },
  ExceptHandler: { positions: P, fields: [['type', 'node?'], ['name', 'ident?'], ['body', 'nodes']] },
  arguments: { positions: N, fields: [['posonlyargs', 'nodes'], ['args', 'nodes'], ['vararg', 'node?'], ['kwonlyargs', 'nodes'], ['kw_defaults', 'nodes?'], ['kwarg', 'node?'], ['defaults', 'nodes']] },
  arg: { positions: P, fields: [['arg', 'ident'], ['annotation', 'node?'], ['type_comment', 'string?']] },
  keyword: { positions: P, fields: [['arg', 'ident?'], ['value', 'node']] },
  alias: { positions: P, fields: [['name', 'ident'], ['asname', 'ident?']] },
  withitem: { positions: N, fields: [['context_expr', 'node'], ['optional_vars', 'node?']] },
  match_case: { positions: N, fields: [['pattern', 'node'], ['guard', 'node?'], ['body', 'nodes']] },
  // pattern
  MatchValue: { positions: P, fields: [['value', 'node']] },
  MatchSingleton: { positions: P, fields: [['value', 'const']] },
  MatchSequence: { positions: P, fields: [['patterns', 'nodes']] },
  MatchMapping: { positions: P, fields: [['keys', 'nodes'], ['patterns', 'nodes'], ['rest', 'ident?']] },
  MatchClass: { positions: P, fields: [['cls', 'node'], ['patterns', 'nodes'], ['kwd_attrs', 'idents'], ['kwd_patterns', 'nodes']] },
  MatchStar: { positions: P, fields: [['name', 'ident?']] },
  MatchAs: { positions: P, fields: [['pattern', 'node?'], ['name', 'ident?']] },
  MatchOr: { positions: P, fields: [['patterns', 'nodes']] },
  TypeIgnore: { positions: N, fields: [['lineno', 'int'], ['tag', 'string?']] },
};

/** The complex literal `<imag>j` (CPython's Constant of type complex, real part 0). */
export class ComplexConst {
  constructor(readonly real: number, readonly imag: number) {}
}

/**
 * A str that a JS string cannot hold: Python code points listed one by one. Only
 * used when a literal's escapes produce a high surrogate directly followed by a
 * low one ('\ud800\udc00' is TWO code points in Python, but one astral character
 * once in a JS string). Every other str constant is a plain JS string.
 */
export class CodePointStr {
  constructor(readonly codePoints: readonly number[]) {}
}

/** The `...` singleton. */
export const ELLIPSIS: unique symbol = Symbol('Ellipsis');

/**
 * The value of a Constant node.
 *   null → None, boolean → True/False, bigint → int, number → float,
 *   string → str (UTF-16; may hold lone surrogates from `\ud800` escapes),
 *   CodePointStr → str with an escaped surrogate pair (see the class),
 *   Uint8Array → bytes, ComplexConst → complex, ELLIPSIS → Ellipsis.
 */
export type ConstantValue = null | boolean | bigint | number | string | CodePointStr | Uint8Array | ComplexConst | typeof ELLIPSIS;

export type ExprContext = 'Load' | 'Store' | 'Del';

/**
 * One AST node. Fields are reached by name (`node.body`, `node.left`); the typed
 * view is deliberately loose (fields as `any`) so that one interface serves all
 * node types listed in NODE_TYPES, and so that the compiler can switch on `_type`.
 */
export interface Node {
  _type: string;
  lineno?: number;
  col_offset?: number;
  end_lineno?: number;
  end_col_offset?: number;
  [field: string]: any;
}

/** Source span shared by nodes with positions. */
export interface Span {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}
