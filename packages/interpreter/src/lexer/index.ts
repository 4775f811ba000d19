// Public surface of the tokenizer (src/lexer). The parser imports from here.
export { TokenKind, type Token } from './token.js';
export { tokenize, normalizeNewlines, type TokenizeOptions, type TokenizeResult } from './tokenizer.js';
export { makeSyntaxError, formatSyntaxError, type PySyntaxError, type LexWarning, type SyntaxErrorType } from './errors.js';
export { identifierName, normalizeIdentifier } from './names.js';
