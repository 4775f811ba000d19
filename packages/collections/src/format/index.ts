// The formatting layer of @pynogil/collections: format(value, spec),
// printf-style `%` formatting of str and bytes, and str.format's field
// parser and driver. Pure functions over JS values; Python-level behaviour
// of arbitrary objects is reached through `FormatHooks`. Design notes:
// docs/internals/format.md.

export { HostExc, isFmtError, fmtError, fmtArg, type FmtError, type FormatArg, type FormatHooks } from './hooks.js';
export { parseFormatSpec, type FormatSpec } from './spec.js';
export { formatInt, formatBool, formatFloatSpec, formatComplex, formatStr, complexRepr } from './format-builtin.js';
export { printfStr, printfBytes } from './printf.js';
export { reprArg, strArg, asciiArg, bytesValueRepr, asciiEscape } from './repr.js';
export { formatValue } from './format-value.js';
export {
  MarkupIterator, parseFormatString, strFormat, strFormatMap, fieldNameSplit,
  type MarkupChunk, type FieldStep, type FormatCallArgs,
} from './format-string.js';
