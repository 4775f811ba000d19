// The Python 3.11 tokenizer (Language Reference chapter 2, "Lexical analysis";
// behaviour and error messages follow CPython's Parser/tokenizer.c, tok_get).
//
// One pass over the source string with charCodeAt; the only strings allocated are
// token values (one slice each). Errors are returned as values (PySyntaxError),
// never thrown. Newlines are normalized first (\r\n and a lone \r become \n, as
// CPython's translate_newlines does), so every offset refers to result.source.
//
// Two modes:
//   * parser mode (default): ENDMARKER NAME NUMBER STRING NEWLINE INDENT DEDENT OP,
//     plus ERRORTOKEN for a character CPython hands the parser as a lone OP that no
//     grammar rule accepts ('$', '?', '!', '`'), so the parser reports
//     "invalid syntax" at it as CPython does.
//   * compat mode: also COMMENT and NL, with the positions Python's `tokenize`
//     module gives (used by the differential tests).

import {
  codePointLength,
  hex4,
  isIdentifierContinue,
  isIdentifierStart,
  isPotentialIdentifierChar,
  isPrintable,
  utf8Length,
} from './chars.js';
import { makeSyntaxError, type LexWarning, type PySyntaxError, type SyntaxErrorType } from './errors.js';
import { TokenKind, type Token } from './token.js';
import { encodeSurrogateEscaped, firstUtf8Fault, isEscapedByte, replaceEscapes, utf8FaultMessage } from './utf8.js';

export interface TokenizeOptions {
  /** Produce COMMENT and NL tokens as Python's `tokenize` module does. */
  readonly compat?: boolean;
}

export interface TokenizeResult {
  /** The source after newline normalization; token offsets index this string. */
  readonly source: string;
  /** The tokens up to the error (if any), ending with ENDMARKER when error is null. */
  readonly tokens: Token[];
  readonly error: PySyntaxError | null;
  readonly warnings: LexWarning[];
}

/** CPython's MAXINDENT (indentation stack depth) and MAXLEVEL (bracket nesting). */
const MAXINDENT = 100;
const MAXLEVEL = 200;

const NL = 10;
const EOF = -1;

/** Replace \r\n and lone \r by \n (CPython's translate_newlines). */
export function normalizeNewlines(source: string): string {
  if (source.indexOf('\r') < 0) return source;
  return source.replace(/\r\n?/g, '\n');
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** 1 for the ASCII characters of names (a-z, A-Z, 0-9, _). */
const IDENT_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  IDENT_CHAR[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0;
}

function radixDigit(c: number, base: number): boolean {
  return base === 16 ? isHexDigit(c) : c >= 48 && c < 48 + base;
}

/**
 * Length of the operator or delimiter at src[i] (1, 2 or 3), 0 if the character
 * is none. Follows the exact-token tables of CPython's Parser/token.c
 * (PyToken_OneChar/TwoChars/ThreeChars). '.' and '...' are handled by the caller.
 */
function operatorLength(c: number, c2: number, c3: number): number {
  switch (c) {
    case 40: case 41: case 91: case 93: case 123: case 125: // ( ) [ ] { }
    case 44: case 59: case 126: // , ; ~
      return 1;
    case 58: // : :=
      return c2 === 61 ? 2 : 1;
    case 43: case 37: case 38: case 64: case 94: case 124: // + % & @ ^ |
      return c2 === 61 ? 2 : 1;
    case 61: // = ==
      return c2 === 61 ? 2 : 1;
    case 45: // - -= ->
      return c2 === 61 || c2 === 62 ? 2 : 1;
    case 42: // * ** *= **=
      if (c2 === 42) return c3 === 61 ? 3 : 2;
      return c2 === 61 ? 2 : 1;
    case 47: // / // /= //=
      if (c2 === 47) return c3 === 61 ? 3 : 2;
      return c2 === 61 ? 2 : 1;
    case 60: // < << <= <> <<=
      if (c2 === 60) return c3 === 61 ? 3 : 2;
      return c2 === 61 || c2 === 62 ? 2 : 1;
    case 62: // > >> >= >>=
      if (c2 === 62) return c3 === 61 ? 3 : 2;
      return c2 === 61 ? 2 : 1;
    case 33: // != (a lone '!' is not an operator in 3.11)
      return c2 === 61 ? 2 : 0;
    default:
      return 0;
  }
}

/** Tokenize a whole source string. See TokenizeResult. */
export function tokenize(source: string, options?: TokenizeOptions): TokenizeResult {
  const t = new Scanner(normalizeNewlines(source), options?.compat === true);
  t.run();
  return { source: t.src, tokens: t.tokens, error: t.error, warnings: t.warnings };
}

class Scanner {
  readonly src: string;
  readonly n: number;
  readonly compat: boolean;
  readonly tokens: Token[] = [];
  readonly warnings: LexWarning[] = [];
  error: PySyntaxError | null = null;

  /** Current line number and the offset where the current line starts. */
  lineno = 1;
  lineStart = 0;
  /** Incremental UTF-8 column cursor: utf8 bytes of src[bcLine, bcPos) is bcBytes;
   * valid while bcLine === lineStart. */
  private bcPos = 0;
  private bcBytes = 0;
  private bcLine = 0;

  /** Indentation stack (tab size 8) and the alternate one (tab size 1). */
  private readonly indents: number[] = [0];
  private readonly altIndents: number[] = [0];
  /** Open brackets: char code, line number, UTF-8 column, line start offset. */
  private readonly parenChar: number[] = [];
  private readonly parenLine: number[] = [];
  private readonly parenCol: number[] = [];
  private readonly parenLineStart: number[] = [];

  constructor(src: string, compat: boolean) {
    this.src = src;
    this.n = src.length;
    this.compat = compat;
  }

  // ---- positions -------------------------------------------------------------

  /** UTF-8 byte column of offset p on the current line (p >= lineStart). */
  private col(p: number): number {
    if (p < this.bcPos || this.bcLine !== this.lineStart) {
      this.bcLine = this.bcPos = this.lineStart;
      this.bcBytes = 0;
    }
    let bytes = this.bcBytes;
    const src = this.src;
    for (let i = this.bcPos; i < p; i++) {
      const c = src.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        const d = i + 1 < p ? src.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          bytes += 4;
          i++;
        } else bytes += 3;
      } else bytes += 3;
    }
    this.bcPos = p;
    this.bcBytes = bytes;
    return bytes;
  }

  /** A single-line token of ASCII characters: its end column follows from its
   * length, and the column cursor moves to its end without rescanning. */
  private pushAscii(kind: TokenKind, value: string, lineno: number, col: number, start: number, end: number): void {
    const endCol = col + (end - start);
    this.bcPos = end;
    this.bcBytes = endCol;
    this.tokens.push({ kind, value, lineno, col, endLineno: lineno, endCol, start, end });
  }

  private push(kind: TokenKind, value: string, lineno: number, col: number, start: number, end: number): void {
    this.tokens.push({ kind, value, lineno, col, endLineno: this.lineno, endCol: this.col(end), start, end });
  }

  /** Text of the line starting at ls, without its newline. */
  lineText(ls: number): string {
    const e = this.src.indexOf('\n', ls);
    return this.src.slice(ls, e < 0 ? this.n : e);
  }

  /** Text of the line starting at ls, with its newline (CPython adds one at EOF). */
  private lineTextNl(ls: number): string {
    return this.lineText(ls) + '\n';
  }

  /**
   * A tokenizer error as CPython's syntaxerror()/_syntaxerror_range() makes it: the
   * offset counts the characters between the line start and `cur`; the text is the
   * line without its newline.
   */
  private errorAtCur(msg: string, cur: number, type: SyntaxErrorType = 'SyntaxError'): null {
    const off = codePointLength(this.src, this.lineStart, cur);
    this.error = makeSyntaxError(type, msg, this.lineno, off, this.lineno, off, this.lineText(this.lineStart));
    return null;
  }

  private warn(msg: string, cur: number): void {
    this.warnings.push({
      category: 'SyntaxWarning',
      msg,
      lineno: this.lineno,
      offset: codePointLength(this.src, this.lineStart, cur),
    });
  }

  /** Code unit at p; past the end, a virtual '\n' (CPython appends one), then EOF. */
  private at(p: number): number {
    if (p < this.n) return this.src.charCodeAt(p);
    return p === this.n && this.n > 0 && this.src.charCodeAt(this.n - 1) !== NL ? NL : EOF;
  }

  // ---- main loop (tok_get) -----------------------------------------------------

  run(): void {
    const src = this.src;
    const n = this.n;
    if (src.indexOf('\0') >= 0) {
      this.error = makeSyntaxError('SyntaxError', 'source code string cannot contain null bytes', null, null, null, null, null);
      return;
    }
    let i = 0;
    let atBol = true;
    let blankLine = false;
    for (;;) {
      if (atBol) {
        atBol = false;
        let col = 0;
        let alt = 0;
        let c = 0;
        for (;;) {
          c = i < n ? src.charCodeAt(i) : EOF;
          if (c === 32) {
            col++;
            alt++;
          } else if (c === 9) {
            col = ((col >> 3) + 1) << 3;
            alt++;
          } else if (c === 12) {
            col = alt = 0;
          } else break;
          i++;
        }
        blankLine = c === 35 || c === NL || (c === EOF && i > this.lineStart);
        if (!blankLine && this.parenChar.length === 0) {
          if (!this.indentation(col, alt, i)) return;
        }
      }
      // skip spaces, tabs and form feeds between tokens
      let c = i < n ? src.charCodeAt(i) : EOF;
      while (c === 32 || c === 9 || c === 12) c = ++i < n ? src.charCodeAt(i) : EOF;

      if (c === 35) {
        // comment: to the end of the line
        let e = src.indexOf('\n', i);
        if (e < 0) e = n;
        if (this.compat) this.push(TokenKind.COMMENT, src.slice(i, e), this.lineno, this.col(i), i, e);
        i = e;
        c = i < n ? NL : EOF;
      }

      if (c === EOF) {
        if (i > this.lineStart && !(this.parenChar.length === 0 && this.onlyWhitespace(this.lineStart, i))) {
          // last line without a newline: CPython appends one (a last line of
          // nothing but whitespace produces no token, as in tokenize.py)
          if (blankLine || this.parenChar.length > 0) {
            if (this.compat) this.push(TokenKind.NL, '', this.lineno, this.col(i), i, i);
          } else {
            this.tokens.push({ kind: TokenKind.NEWLINE, value: '', lineno: this.lineno, col: this.col(i), endLineno: this.lineno, endCol: this.col(i) + 1, start: i, end: i });
          }
          this.lineno++;
          this.lineStart = i;
        }
        this.endOfFile(i);
        return;
      }

      if (c === NL) {
        const kind = blankLine || this.parenChar.length > 0 ? TokenKind.NL : TokenKind.NEWLINE;
        if (kind === TokenKind.NEWLINE || this.compat) this.push(kind, '\n', this.lineno, this.col(i), i, i + 1);
        i++;
        this.lineno++;
        this.lineStart = i;
        atBol = true;
        continue;
      }

      const start = i;
      const lineno = this.lineno;
      const col = this.col(i);

      // names and string prefixes
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128) {
        let p = i;
        // string prefix: combinations of b, r, u, f (CPython's saw_b/saw_r/saw_u/saw_f)
        let sawB = false, sawR = false, sawU = false, sawF = false;
        let q = c;
        for (;;) {
          if (!(sawB || sawU || sawF) && (q === 98 || q === 66)) sawB = true;
          else if (!(sawB || sawU || sawR || sawF) && (q === 117 || q === 85)) sawU = true;
          else if (!(sawR || sawU) && (q === 114 || q === 82)) sawR = true;
          else if (!(sawF || sawB || sawU) && (q === 102 || q === 70)) sawF = true;
          else break;
          q = ++p < n ? src.charCodeAt(p) : EOF;
          if (q === 34 || q === 39) {
            const e = this.string(start, p, q);
            if (e < 0) return;
            this.push(TokenKind.STRING, src.slice(start, e), lineno, col, start, e);
            i = e;
            break;
          }
        }
        if (i !== start) continue;
        p = i + 1;
        let nonAscii = c >= 128;
        // charCodeAt past the end is NaN: neither a name character nor >= 128
        for (;;) {
          const d = src.charCodeAt(p);
          if (d < 128) {
            if (IDENT_CHAR[d] === 0) break;
          } else if (d >= 128) nonAscii = true;
          else break;
          p++;
        }
        if (nonAscii && !this.verifyIdentifier(start, p)) return;
        if (nonAscii) this.push(TokenKind.NAME, src.slice(start, p), lineno, col, start, p);
        else this.pushAscii(TokenKind.NAME, src.slice(start, p), lineno, col, start, p);
        i = p;
        continue;
      }

      // numbers, '.', '...'
      if (isDigit(c) || c === 46) {
        if (c === 46) {
          const c2 = i + 1 < n ? src.charCodeAt(i + 1) : EOF;
          if (!isDigit(c2)) {
            const len = c2 === 46 && i + 2 < n && src.charCodeAt(i + 2) === 46 ? 3 : 1;
            this.pushAscii(TokenKind.OP, len === 3 ? '...' : '.', lineno, col, i, i + len);
            i += len;
            continue;
          }
        }
        const e = this.number(i);
        if (e < 0) return;
        this.pushAscii(TokenKind.NUMBER, src.slice(start, e), lineno, col, start, e);
        i = e;
        continue;
      }

      // strings without prefix
      if (c === 34 || c === 39) {
        const e = this.string(start, i, c);
        if (e < 0) return;
        this.push(TokenKind.STRING, src.slice(start, e), lineno, col, start, e);
        i = e;
        continue;
      }

      // explicit line joining
      if (c === 92) {
        const c2 = this.at(i + 1);
        if (c2 !== NL) {
          this.lineContinuationError(i + 1);
          return;
        }
        if (i + 2 >= n && this.parenChar.length > 0) {
          // EOF inside brackets: the unclosed-bracket error (CPython's E_EOF with
          // a nonzero level); the line counter stands on the backslash's line
          this.lineno++;
          this.endOfFile(n);
          return;
        }
        if (i + 2 >= n) {
          // "unexpected EOF while parsing": CPython reports the whole line
          const line = this.lineTextNl(this.lineStart);
          const off = codePointLength(line, 0, line.length);
          this.error = makeSyntaxError('SyntaxError', 'unexpected EOF while parsing', this.lineno, off, this.lineno, -1, line);
          return;
        }
        i += 2;
        this.lineno++;
        this.lineStart = i;
        continue;
      }

      const c2 = i + 1 < n ? src.charCodeAt(i + 1) : EOF;
      const c3 = i + 2 < n ? src.charCodeAt(i + 2) : EOF;
      const len = operatorLength(c, c2, c3);
      if (len > 0) {
        if (len === 1) {
          if (c === 40 || c === 91 || c === 123) {
            if (this.parenChar.length >= MAXLEVEL) {
              this.errorAtCur('too many nested parentheses', i + 1);
              return;
            }
            this.parenChar.push(c);
            this.parenLine.push(lineno);
            this.parenCol.push(col);
            this.parenLineStart.push(this.lineStart);
          } else if (c === 41 || c === 93 || c === 125) {
            if (!this.closeBracket(c, i)) return;
          }
        }
        this.pushAscii(TokenKind.OP, src.slice(i, i + len), lineno, col, i, i + len);
        i += len;
        continue;
      }

      // anything else: a printable ASCII character that is not a token ('$', '?',
      // '!', '`') or a non-printable one (an error in CPython 3.11)
      if (!isPrintable(c)) {
        this.errorAtCur(`invalid non-printable character U+${hex4(c)}`, i + 1);
        return;
      }
      this.push(TokenKind.ERRORTOKEN, src.slice(i, i + 1), lineno, col, i, i + 1);
      i++;
    }
  }

  /** src[from, to) holds nothing but spaces, tabs and form feeds. */
  private onlyWhitespace(from: number, to: number): boolean {
    for (let k = from; k < to; k++) {
      const c = this.src.charCodeAt(k);
      if (c !== 32 && c !== 9 && c !== 12) return false;
    }
    return true;
  }

  /** Indentation processing at the start of a logical line; false on error. */
  private indentation(col: number, alt: number, first: number): boolean {
    const ind = this.indents;
    const altInd = this.altIndents;
    let top = ind.length - 1;
    if (col === ind[top]) {
      if (alt !== altInd[top]) return this.tabError();
      return true;
    }
    if (col > ind[top]!) {
      if (top + 1 >= MAXINDENT) {
        const line = this.lineTextNl(this.lineStart);
        this.error = makeSyntaxError('IndentationError', 'too many levels of indentation', this.lineno, 1, this.lineno, 0, line);
        return false;
      }
      if (alt <= altInd[top]!) return this.tabError();
      ind.push(col);
      altInd.push(alt);
      this.tokens.push({
        kind: TokenKind.INDENT, value: '', lineno: this.lineno, col: 0,
        endLineno: this.lineno, endCol: this.col(first), start: this.lineStart, end: first,
      });
      return true;
    }
    let dedents = 0;
    while (top > 0 && col < ind[top]!) {
      top--;
      dedents++;
    }
    if (col !== ind[top]) {
      // IndentationError raised by the parser with the position of the error token:
      // the whole line (with its newline) before the caret.
      const line = this.lineTextNl(this.lineStart);
      const off = codePointLength(line, 0, line.length);
      this.error = makeSyntaxError('IndentationError', 'unindent does not match any outer indentation level', this.lineno, off, this.lineno, -1, line);
      return false;
    }
    if (alt !== altInd[top]) return this.tabError();
    ind.length = top + 1;
    altInd.length = top + 1;
    const c = this.col(first);
    for (let k = 0; k < dedents; k++) {
      this.tokens.push({ kind: TokenKind.DEDENT, value: '', lineno: this.lineno, col: c, endLineno: this.lineno, endCol: c, start: first, end: first });
    }
    return true;
  }

  private tabError(): false {
    const line = this.lineTextNl(this.lineStart);
    this.error = makeSyntaxError('TabError', 'inconsistent use of tabs and spaces in indentation', this.lineno, 1, this.lineno, 0, line);
    return false;
  }

  private lineContinuationError(cur: number): void {
    // CPython (pegen's tokenizer_error, E_LINECONT) reports the character after the
    // backslash, counted from the start of the line.
    const line = this.lineTextNl(this.lineStart);
    const off = codePointLength(this.src, this.lineStart, cur) + 1;
    this.error = makeSyntaxError('SyntaxError', 'unexpected character after line continuation character', this.lineno, off, this.lineno, 0, line);
  }

  private closeBracket(c: number, i: number): boolean {
    const depth = this.parenChar.length;
    const ch = String.fromCharCode(c);
    if (depth === 0) {
      this.errorAtCur(`unmatched '${ch}'`, i + 1);
      return false;
    }
    const open = this.parenChar[depth - 1]!;
    if (!((open === 40 && c === 41) || (open === 91 && c === 93) || (open === 123 && c === 125))) {
      const line = this.parenLine[depth - 1]!;
      const o = String.fromCharCode(open);
      this.errorAtCur(
        line !== this.lineno
          ? `closing parenthesis '${ch}' does not match opening parenthesis '${o}' on line ${line}`
          : `closing parenthesis '${ch}' does not match opening parenthesis '${o}'`,
        i + 1,
      );
      return false;
    }
    this.parenChar.pop();
    this.parenLine.pop();
    this.parenCol.pop();
    this.parenLineStart.pop();
    return true;
  }

  private endOfFile(i: number): void {
    const depth = this.parenChar.length;
    if (depth > 0) {
      // raise_unclosed_parentheses_error: the innermost open bracket
      const ls = this.parenLineStart[depth - 1]!;
      // CPython attaches the line with its newline when it is the tokenizer's
      // current (last) line, without it otherwise
      const text = this.lineText(ls);
      const line = this.parenLine[depth - 1] === this.lineno - 1 ? text + '\n' : text;
      const bytes = this.parenCol[depth - 1]!;
      let p = ls;
      let b = 0;
      while (b < bytes) {
        b += utf8Length(this.src, p, p + 1);
        p++;
      }
      const off = codePointLength(this.src, ls, p) + 1;
      this.error = makeSyntaxError(
        'SyntaxError', `'${String.fromCharCode(this.parenChar[depth - 1]!)}' was never closed`,
        this.parenLine[depth - 1]!, off, this.parenLine[depth - 1]!, 0, line,
      );
      return;
    }
    for (let k = this.indents.length - 1; k > 0; k--) {
      this.tokens.push({ kind: TokenKind.DEDENT, value: '', lineno: this.lineno, col: 0, endLineno: this.lineno, endCol: 0, start: i, end: i });
    }
    this.indents.length = 1;
    this.altIndents.length = 1;
    this.tokens.push({ kind: TokenKind.ENDMARKER, value: '', lineno: this.lineno, col: 0, endLineno: this.lineno, endCol: 0, start: i, end: i });
  }

  // ---- names -------------------------------------------------------------------

  /** verify_identifier: every code point XID (first XID_Start or '_'). */
  private verifyIdentifier(start: number, end: number): boolean {
    const src = this.src;
    let first = true;
    for (let p = start; p < end;) {
      const cp = src.codePointAt(p)!;
      const w = cp > 0xffff ? 2 : 1;
      const ok = first ? isIdentifierStart(cp) : isIdentifierContinue(cp);
      if (!ok && isEscapedByte(cp)) {
        // an undecodable source byte (decodeSource's surrogate escape): CPython's
        // verify_identifier fails to decode the name's bytes
        const fault = firstUtf8Fault(encodeSurrogateEscaped(src, start, end));
        const line = replaceEscapes(this.lineText(this.lineStart)) + '\n';
        const off = codePointLength(src, this.lineStart, start) + 1;
        this.error = makeSyntaxError('SyntaxError', utf8FaultMessage(fault!), this.lineno, off, this.lineno, -1, line);
        return false;
      }
      if (!ok) {
        // CPython points just past the offending character
        this.errorAtCur(
          isPrintable(cp)
            ? `invalid character '${String.fromCodePoint(cp)}' (U+${hex4(cp)})`
            : `invalid non-printable character U+${hex4(cp)}`,
          p + w,
        );
        return false;
      }
      first = false;
      p += w;
    }
    return true;
  }

  // ---- numbers (tok_get's number branch) --------------------------------------

  /** tok_decimal_tail: c (already consumed at p-1) is a digit; returns the offset
   * just past the first non-digit read, or -1 on error. */
  private decimalTail(p: number): number {
    for (;;) {
      let c: number;
      do {
        c = this.at(p++);
      } while (isDigit(c));
      if (c !== 95) return p;
      c = this.at(p++);
      if (!isDigit(c)) {
        this.errorAtCur('invalid decimal literal', p - 1);
        return -1;
      }
    }
  }

  /**
   * verify_end_of_number: c was read at p-1. Returns true if the number may end
   * there (possibly with a SyntaxWarning for `1if`), false after setting an error.
   */
  private verifyEndOfNumber(p: number, c: number, kind: string): boolean {
    let r = false;
    if (c === 97) r = this.lookahead(p, 'nd');
    else if (c === 101) r = this.lookahead(p, 'lse');
    else if (c === 102) r = this.lookahead(p, 'or');
    else if (c === 105) {
      const c2 = this.at(p);
      r = c2 === 102 || c2 === 110 || c2 === 115;
    } else if (c === 111) r = this.lookahead(p, 'r');
    else if (c === 110) r = this.lookahead(p, 'ot');
    if (r) {
      this.warn(`invalid ${kind} literal`, p - 1);
      return true;
    }
    // only ASCII: a non-ASCII character ends the number and starts a name
    if (c !== EOF && c < 128 && isPotentialIdentifierChar(c)) {
      this.errorAtCur(`invalid ${kind} literal`, p - 1);
      return false;
    }
    return true;
  }

  private lookahead(p: number, rest: string): boolean {
    for (let k = 0; k < rest.length; k++) if (this.at(p + k) !== rest.charCodeAt(k)) return false;
    const c = this.at(p + rest.length);
    return c === EOF || !isPotentialIdentifierChar(c);
  }

  /** Scan a number starting at i; returns its end offset or -1 on error. */
  private number(i: number): number {
    let p = i;
    let c = this.at(p++);
    if (c === 46) {
      // '.' followed by a digit
      c = this.at(p++);
      return this.fraction(p, c);
    }
    if (c === 48) {
      c = this.at(p++);
      if (c === 120 || c === 88) return this.radix(p, 16, 'hexadecimal');
      if (c === 111 || c === 79) return this.radix(p, 8, 'octal');
      if (c === 98 || c === 66) return this.radix(p, 2, 'binary');
      let nonzero = false;
      for (;;) {
        if (c === 95) {
          c = this.at(p++);
          if (!isDigit(c)) {
            this.errorAtCur('invalid decimal literal', p - 1);
            return -1;
          }
        }
        if (c !== 48) break;
        c = this.at(p++);
      }
      const zerosEnd = p;
      if (isDigit(c)) {
        nonzero = true;
        p = this.decimalTail(p);
        if (p < 0) return -1;
        c = this.at(p - 1);
      }
      if (c === 46) {
        c = this.at(p++);
        return this.fraction(p, c);
      }
      if (c === 101 || c === 69) return this.exponent(p, c);
      if (c === 106 || c === 74) return this.imaginary(p);
      if (nonzero) {
        const off = codePointLength(this.src, this.lineStart, i) + 1;
        const end = codePointLength(this.src, this.lineStart, zerosEnd);
        this.error = makeSyntaxError(
          'SyntaxError',
          'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
          this.lineno, off, this.lineno, end, this.lineText(this.lineStart),
        );
        return -1;
      }
      if (!this.verifyEndOfNumber(p, c, 'decimal')) return -1;
      return p - 1;
    }
    // decimal
    p = this.decimalTail(p);
    if (p < 0) return -1;
    c = this.at(p - 1);
    if (c === 46) {
      c = this.at(p++);
      return this.fraction(p, c);
    }
    return this.afterFraction(p, c);
  }

  /** c (read at p-1) is the first character after the '.'. */
  private fraction(p: number, c: number): number {
    if (isDigit(c)) {
      p = this.decimalTail(p);
      if (p < 0) return -1;
      c = this.at(p - 1);
    }
    return this.afterFraction(p, c);
  }

  private afterFraction(p: number, c: number): number {
    if (c === 101 || c === 69) return this.exponent(p, c);
    if (c === 106 || c === 74) return this.imaginary(p);
    if (!this.verifyEndOfNumber(p, c, 'decimal')) return -1;
    return p - 1;
  }

  /** e is the 'e'/'E' read at p-1. */
  private exponent(p: number, e: number): number {
    let c = this.at(p++);
    if (c === 43 || c === 45) {
      c = this.at(p++);
      if (!isDigit(c)) {
        this.errorAtCur('invalid decimal literal', p - 1);
        return -1;
      }
    } else if (!isDigit(c)) {
      // the number ends before the 'e' unless 'e' starts "else"
      if (!this.verifyEndOfNumber(p - 1, e, 'decimal')) return -1;
      return p - 2;
    }
    p = this.decimalTail(p);
    if (p < 0) return -1;
    c = this.at(p - 1);
    if (c === 106 || c === 74) return this.imaginary(p);
    if (!this.verifyEndOfNumber(p, c, 'decimal')) return -1;
    return p - 1;
  }

  /** The 'j' was read at p-1. */
  private imaginary(p: number): number {
    const c = this.at(p++);
    if (!this.verifyEndOfNumber(p, c, 'imaginary')) return -1;
    return p - 1;
  }

  /** 0x / 0o / 0b literals; the prefix letter was read at p-1. */
  private radix(p: number, base: 16 | 8 | 2, kind: string): number {
    let c = this.at(p++);
    do {
      if (c === 95) c = this.at(p++);
      if (!radixDigit(c, base)) {
        if (base !== 16 && isDigit(c)) {
          this.errorAtCur(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`, p);
          return -1;
        }
        this.errorAtCur(`invalid ${kind} literal`, p - 1);
        return -1;
      }
      do {
        c = this.at(p++);
      } while (radixDigit(c, base));
    } while (c === 95);
    if (base !== 16 && isDigit(c)) {
      this.errorAtCur(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`, p);
      return -1;
    }
    if (!this.verifyEndOfNumber(p, c, kind)) return -1;
    return p - 1;
  }

  // ---- strings -------------------------------------------------------------------

  /**
   * Scan a string literal whose opening quote q is at qpos (token starts at start,
   * prefix included). Returns the end offset, or -1 after setting the error.
   * Newlines inside a triple-quoted string (or after a backslash) advance lineno.
   */
  private string(start: number, qpos: number, q: number): number {
    const src = this.src;
    const n = this.n;
    const firstLine = this.lineno;
    const firstLineStart = this.lineStart;
    let p = qpos + 1;
    let quoteSize = 1;
    if (p < n && src.charCodeAt(p) === q) {
      if (p + 1 < n && src.charCodeAt(p + 1) === q) {
        quoteSize = 3;
        p += 2;
      } else {
        return p + 1; // empty string
      }
    }
    let endQuote = 0;
    while (endQuote !== quoteSize) {
      const c = p < n ? src.charCodeAt(p) : EOF;
      p++;
      if (c === EOF || (quoteSize === 1 && c === NL)) {
        // report from the start of the token, on its first line; CPython's line
        // counter has not moved past a final newline
        const detected = c === EOF && this.n > 0 && src.charCodeAt(this.n - 1) === NL ? this.lineno - 1 : this.lineno;
        this.lineno = firstLine;
        this.lineStart = firstLineStart;
        this.errorAtCur(
          quoteSize === 3
            ? `unterminated triple-quoted string literal (detected at line ${detected})`
            : `unterminated string literal (detected at line ${detected})`,
          start + 1,
        );
        return -1;
      }
      if (c === q) {
        endQuote++;
      } else {
        endQuote = 0;
        if (c === NL) {
          this.lineno++;
          this.lineStart = p;
        } else if (c === 92) {
          if (p < n) {
            if (src.charCodeAt(p) === NL) {
              this.lineno++;
              this.lineStart = p + 1;
            }
            p++;
          }
        }
      }
    }
    return p;
  }
}
