// How an uncaught SyntaxError (IndentationError, TabError) is printed on stderr,
// byte for byte as CPython 3.11 prints it (Python/pythonrun.c, print_exception and
// print_error_text):
//
//     File "<filename>", line <lineno>
//       <source line, leading blanks stripped>
//       <spaces>^^^^
//   <Type>: <msg>
//
// The caret line is CPython's, quirks included (measured against python3 3.11.7):
//   * the C code positions the caret by counting the offset against the UTF-8
//     *bytes* of the line. SyntaxError.offset counts characters when the source came
//     from a string (`-c`, compile()), so on a line with non-ASCII text before the
//     error the caret sits to the left of where it should; when the source came
//     from a file or stdin, CPython's file tokenizer reports offsets that are
//     UTF-8 byte positions, and the caret lands right. `offsetsInBytes` selects the
//     second behaviour;
//   * IndentationError (and TabError) print one caret, whatever end_offset says;
//   * an error spanning several lines is underlined to the end of its first line;
//     end_offset is capped at the line's byte length + 1;
//   * no caret when the offset falls inside the stripped indentation;
//   * from a file, only the error's own physical line is shown, where a string
//     source shows the whole multi-line text of the token.

import type { PySyntaxError } from '../parser/index.js';
import type { PySyntaxError as LexSyntaxError } from '../lexer/index.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 byte length of `s`. */
function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

/** 1-based character offset on `text` → 1-based UTF-8 byte offset (offsets ≤ 0
 *  are left as they are). */
function charToByteOffset(text: string, offset: number): number {
  if (offset <= 0) return offset;
  // offsets count code points; walk code points, not UTF-16 units.
  const cps = Array.from(text);
  const prefix = cps.slice(0, Math.min(offset - 1, cps.length)).join('');
  return utf8Length(prefix) + 1 + Math.max(0, offset - 1 - cps.length);
}

/** The lines CPython writes for the source text and caret of a syntax error
 *  (print_exception + print_error_text of Python/pythonrun.c, 3.11). */
function errorTextLines(e: PySyntaxError, offsetsInBytes: boolean): string {
  let textIn = e.text!;
  if (offsetsInBytes) {
    // The file tokenizer's text is the one physical line the error is on, even
    // when the token that ends there began lines earlier (a triple-quoted string).
    const interior = textIn.lastIndexOf('\n', textIn.length - 2);
    if (interior >= 0) textIn = textIn.slice(interior + 1);
  }
  const lineSize = utf8Length(textIn);
  let offsetIn = e.offset;
  let endOffset = e.end_offset;
  if (offsetsInBytes) {
    offsetIn = charToByteOffset(textIn, offsetIn);
    if (endOffset > 0) endOffset = charToByteOffset(textIn, endOffset);
  }
  if (e.type === 'IndentationError' || e.type === 'TabError') endOffset = -1;
  if (e.end_lineno > e.lineno) endOffset = lineSize;
  if (endOffset > lineSize + 1) endOffset = lineSize + 1;
  const caretRepetitions = endOffset > 0 && endOffset > offsetIn ? endOffset - offsetIn : 1;

  // From here on, the C code works on the UTF-8 bytes of the line.
  let bytes = encoder.encode(textIn);
  let offset = offsetIn - 1;
  let start = 0;
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0c)) {
    start++;
    offset--;
  }
  bytes = bytes.subarray(start);
  let len = bytes.length;
  if (len > 0 && bytes[len - 1] === 0x0a) len--;
  if (offset > len) offset = len;
  // Skip past newlines embedded in the text that lie before the offset.
  for (;;) {
    const nl = bytes.indexOf(0x0a);
    if (nl < 0 || nl >= offset) break;
    const inl = nl + 1;
    bytes = bytes.subarray(inl);
    len -= inl;
    offset -= inl;
  }
  let out = '    ' + decoder.decode(bytes);
  if (bytes[len] !== 0x0a) out += '\n';
  if (offset < 0) return out;
  return out + '    ' + ' '.repeat(offset) + '^'.repeat(caretRepetitions) + '\n';
}

export interface SyntaxErrorReportOptions {
  /** The source came from a file or stdin (CPython's file tokenizer): offsets are
   *  shown as UTF-8 byte positions. False for `-c` and compile() of a string. */
  offsetsInBytes: boolean;
}

/** The complete stderr text CPython 3.11 prints for an uncaught syntax error. */
export function formatUncaughtSyntaxError(e: PySyntaxError, options: SyntaxErrorReportOptions): string {
  let out = `  File "${e.filename}", line ${e.lineno}\n`;
  if (e.text !== null && e.text !== undefined) out += errorTextLines(e, options.offsetsInBytes);
  return out + `${e.type}: ${e.msg}\n`;
}

/** The tokenizer's error record (from decodeSource) as a SyntaxError value. */
export function syntaxErrorFromLexError(e: LexSyntaxError, filename: string): PySyntaxError {
  return {
    type: e.type, msg: e.msg, filename, lineno: e.lineno ?? 0, offset: e.offset ?? 0,
    end_lineno: e.endLineno ?? 0, end_offset: e.endOffset ?? 0, text: e.text,
  };
}
