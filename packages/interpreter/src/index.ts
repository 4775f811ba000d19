// @pynogil/interpreter — public entry point. What is here today: the tokenizer, the
// parser with CPython 3.11's AST and SyntaxErrors, and the printing of uncaught
// syntax errors. The compiler and eval loop come next (see the root README).
export {
  TokenKind, tokenize, normalizeNewlines, decodeSource, identifierName, normalizeIdentifier,
  decodeStringLiteral, splitFString, parseIntLiteral, parseFloatLiteral, parseNumberLiteral, lookupUnicodeName,
} from './lexer/index.js';
export type {
  Token, TokenizeOptions, TokenizeResult, DecodeResult, LexWarning, DecodeStringResult, SplitFStringResult,
  FStringPiece, FStringLiteral, FStringField, NumberValue,
  PySyntaxError as TokenizerError,
} from './lexer/index.js';
export { parse } from './parser/index.js';
export type { ParseMode, ParseOptions, ParseResult, PySyntaxError } from './parser/index.js';
export { NODE_TYPES, dump, ComplexConst, CodePointStr, ELLIPSIS, reprConstant, reprStr } from './ast/index.js';
export type { Node, NodeTypeInfo, FieldKind, ConstantValue, DumpOptions, ExprContext, Span } from './ast/index.js';
export { formatUncaughtSyntaxError, syntaxErrorFromLexError } from './diagnostics/syntax-error-report.js';
export type { SyntaxErrorReportOptions } from './diagnostics/syntax-error-report.js';
export * as compiler from './compiler/index.js';
// The bytecode compiler: CPython 3.11's bytecode (docs/internals/bytecode.md, codegen.md).
export { compileSource, compileAst } from './compiler/codegen/index.js';
export type { CompileWarning, CompileMode, CompileResult, CompileOptions } from './compiler/codegen/index.js';
export { CodeObject, ConstTuple, ConstFrozenSet } from './bytecode/code-object.js';
export type { PyConst } from './bytecode/code-object.js';
export { dis } from './bytecode/dis.js';
