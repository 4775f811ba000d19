// The AST package surface: node table and types, dump(), constant reprs.
export { NODE_TYPES, ComplexConst, CodePointStr, ELLIPSIS } from './nodes.js';
export type { Node, NodeTypeInfo, FieldKind, ConstantValue, ExprContext, Span } from './nodes.js';
export { dump } from './dump.js';
export type { DumpOptions } from './dump.js';
export { reprConstant, reprStr, reprBytes, reprFloat, reprComplex } from './repr.js';
