// The Unicode character database of CPython 3.11 (Unicode 14.0) and the str case
// and predicate methods built on it, as pure functions over code points (and JS
// strings walked by code point). See docs/internals/unicode.md.
export {
  UNICODE_VERSION, typeFlags, pushMapping, decimalValue, digitValue, numericValue, category, bidirectional,
  eastAsianWidth, mirrored, combining, MAP_UPPER, MAP_LOWER, MAP_TITLE, MAP_FOLD, F_ALPHA, F_DECIMAL, F_DIGIT,
  F_NUMERIC, F_LOWER, F_UPPER, F_TITLE, F_CASED, F_CASE_IGNORABLE, F_SPACE, F_PRINTABLE, F_XID_START,
  F_XID_CONTINUE, F_LINEBREAK,
} from './ucd.js';
export * from './case.js';
export * from './predicates.js';
export { LINE_BREAKS, WHITESPACE, isLineBreak, isWhitespace } from './whitespace.js';
export { normalize, isNormalized, isNormalForm, type NormalForm } from './normalize.js';
export { codePointsOf, stringOf, isAsciiString } from './code-points.js';
