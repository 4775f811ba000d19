// Public surface of the tokenizer (src/lexer). The parser imports from here.
export { TokenKind, type Token } from './token.js';
export { tokenize, normalizeNewlines, type TokenizeOptions, type TokenizeResult } from './tokenizer.js';
export { makeSyntaxError, formatSyntaxError, type PySyntaxError, type LexWarning, type SyntaxErrorType } from './errors.js';
export { identifierName, normalizeIdentifier } from './names.js';
export { decodeSource, type DecodeResult } from './encoding.js';
export {
  decodeStringLiteral, decodeUnicodeEscapes, stringParts, splitFString,
  parseIntLiteral, parseFloatLiteral, parseNumberLiteral,
  type DecodeStringResult, type StringParts, type FStringPiece, type FStringLiteral, type FStringField,
  type SplitFStringResult, type NumberValue,
} from './literals.js';
export { lookupUnicodeName } from './unicode-names-lookup.js';
