// str(), repr() and ascii() of a `FormatArg`: the builtin types are
// rendered here (int_repr with the digit limit, float_repr, complex_repr,
// unicode_repr, bytes_repr, tuplerepr), everything else goes to the hooks.
// Used by printf-style '%s %r %a' and by str.format's '!s !r !a'.

import { floatRepr } from '../numeric/float-format.js';
import { DEFAULT_MAX_STR_DIGITS, intToStr } from '../numeric/int-str.js';
import { pyStrRepr } from '../numeric/text.js';
import { complexRepr } from './format-builtin.js';
import { isFmtError, type FmtError, type FormatArg, type FormatHooks } from './hooks.js';

/** repr() of bytes (bytes_repr): b'...' with \t \n \r \\ and \xhh escapes. */
export function bytesValueRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 39) hasSingle = true;
    else if (c === 34) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 34 : 39;
  let out = 'b' + String.fromCharCode(quote);
  for (const c of b) {
    if (c === quote || c === 92) out += '\\' + String.fromCharCode(c);
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 32 || c >= 127) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}

/** Escape every non-ASCII code point of a repr (what ascii() adds to repr()). */
export function asciiEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out;
}

/** The interpreter's sys.get_int_max_str_digits() (CPython's default when not given). */
export function maxStrDigits(hooks: FormatHooks | null): number {
  return hooks?.intMaxStrDigits ?? DEFAULT_MAX_STR_DIGITS;
}

/** repr(a). */
export function reprArg(a: FormatArg, hooks: FormatHooks): string | FmtError {
  switch (a.t) {
    case 'int': return intToStr(a.v, maxStrDigits(hooks));
    case 'bool': return a.v ? 'True' : 'False';
    case 'float': return floatRepr(a.v);
    case 'complex': return complexRepr(a.re, a.im);
    case 'str': return pyStrRepr(a.v);
    case 'bytes': return bytesValueRepr(a.v);
    case 'tuple': {
      const parts: string[] = [];
      for (const item of a.items) {
        const r = reprArg(item, hooks);
        if (isFmtError(r)) return r;
        parts.push(r);
      }
      return parts.length === 1 ? '(' + parts[0]! + ',)' : '(' + parts.join(', ') + ')';
    }
    case 'obj': return hooks.repr(a.ref);
  }
}

/** str(a). */
export function strArg(a: FormatArg, hooks: FormatHooks): string | FmtError {
  switch (a.t) {
    case 'str': return a.v;
    case 'obj': return hooks.str(a.ref);
    default: return reprArg(a, hooks);
  }
}

/** ascii(a). */
export function asciiArg(a: FormatArg, hooks: FormatHooks): string | FmtError {
  if (a.t === 'obj') return hooks.ascii(a.ref);
  const r = reprArg(a, hooks);
  return isFmtError(r) ? r : asciiEscape(r);
}

/** type(a).__name__ for error messages. */
export function typeNameOf(a: FormatArg): string {
  switch (a.t) {
    case 'obj': return a.type;
    default: return a.t;
  }
}

