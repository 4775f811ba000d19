// printf-style formatting: `str % args` and `bytes % args` (Library
// Reference, "printf-style String Formatting" and "printf-style Bytes
// Formatting"; CPython 3.11 PyUnicode_Format in Objects/unicodeobject.c and
// _PyBytes_FormatEx in Objects/bytesobject.c).
//
// One engine serves both: a bytes format string is handled as a string of
// code units 0..255 (latin-1) and converted back at the end. The rules
// reproduced here, including their quirks:
//   * `args` that is not a tuple is a single argument; a mapping argument
//     (any type with __getitem__ except tuple and str — and, for bytes,
//     bytes, bytearray) enables `%(key)` and disables the "not all
//     arguments converted" check (so `'abc' % [1]` is 'abc');
//   * after `%(key)` the looked-up value is the argument source for the
//     following specs until the next key;
//   * `%%` is a literal only right after '%'; the argument of a spec is
//     fetched before its conversion character is checked;
//   * one length modifier h, l or L is skipped.

import { PyExc } from '../numeric/errors.js';
import type { FloatFormatType } from '../numeric/float-format.js';
import { formatFloatAnyPrecision } from './format-builtin.js';
import { floatToInt } from '../numeric/float-ops.js';
import { intToFloat } from '../numeric/int-ops.js';
import { intToStr, intToBaseString } from '../numeric/int-str.js';
import type { PyInt } from '../numeric/pyint.js';
import { isFmtError, type FmtError, type FormatArg, type FormatHooks } from './hooks.js';
import { MAX_RESULT_LENGTH, memoryError } from './number-layout.js';
import { asciiArg, maxStrDigits, reprArg, strArg, typeNameOf } from './repr.js';
import { cpLength, cpPrefix } from './text.js';

const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

const SSIZE_MAX = 9223372036854775807n;
const INT_MAX = 2147483647n;

type Mode = 'str' | 'bytes';

/** The argument source: the whole right operand, a tuple of it, or a `%(key)` value. */
interface ArgState {
  args: FormatArg;
  arglen: number;
  argidx: number;
}

function startArgs(args: FormatArg): ArgState {
  return args.t === 'tuple' ? { args, arglen: args.items.length, argidx: 0 } : { args, arglen: -1, argidx: -2 };
}

function nextArg(st: ArgState): FormatArg | PyExc {
  if (st.argidx < st.arglen) {
    const i = st.argidx++;
    if (st.arglen < 0) return st.args;
    return (st.args as { items: readonly FormatArg[] }).items[i]!;
  }
  return new PyExc('TypeError', 'not enough arguments for format string');
}

function isMappingArg(a: FormatArg, mode: Mode, hooks: FormatHooks): boolean {
  switch (a.t) {
    case 'tuple': return false;
    case 'str': return false;
    case 'bytes': return mode === 'str';
    case 'obj': return hooks.isMapping(a.ref, mode === 'bytes');
    default: return false;
  }
}

/** `fmt % args` for a str `fmt`. */
export function printfStr(fmt: string, args: FormatArg, hooks: FormatHooks): string | FmtError {
  return printf(fmt, args, hooks, 'str');
}

/** `fmt % args` for a bytes `fmt`. */
export function printfBytes(fmt: Uint8Array, args: FormatArg, hooks: FormatHooks): Uint8Array | FmtError {
  let s = '';
  for (let i = 0; i < fmt.length; i += 8192) s += String.fromCharCode(...fmt.subarray(i, i + 8192));
  const r = printf(s, args, hooks, 'bytes');
  if (isFmtError(r)) return r;
  const out = new Uint8Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = r.charCodeAt(i);
  return out;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/**
 * The value of a '*' argument: a Py_ssize_t for the width, a C int for
 * the precision (CPython 3.11 converts them differently).
 */
function starArg(v: FormatArg, cInt: boolean): number | PyExc {
  if (v.t === 'bool') return v.v ? 1 : 0;
  if (v.t !== 'int') return new PyExc('TypeError', '* wants int');
  const n = v.v;
  if (cInt) {
    if (n > 2147483647 || n < -2147483648) return new PyExc('OverflowError', 'Python int too large to convert to C int');
    return Number(n);
  }
  if (typeof n === 'bigint' && (n > SSIZE_MAX || n < -SSIZE_MAX - 1n)) {
    return new PyExc('OverflowError', 'Python int too large to convert to C ssize_t');
  }
  return typeof n === 'bigint' ? (n > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER) : n;
}

function printf(fmt: string, args: FormatArg, hooks: FormatHooks, mode: Mode): string | FmtError {
  const st = startArgs(args);
  const dict = isMappingArg(args, mode, hooks) ? args : null;
  const n = fmt.length;
  let out = '';
  let i = 0;
  while (i < n) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out += fmt.slice(i);
      break;
    }
    if (pct > i) out += fmt.slice(i, pct);
    i = pct + 1;
    if (fmt.charCodeAt(i) === 37) {
      out += '%';
      i++;
      continue;
    }
    // %(key)
    if (fmt.charCodeAt(i) === 40) {
      if (dict === null) return new PyExc('TypeError', 'format requires a mapping');
      i++;
      const keyStart = i;
      let depth = 1;
      while (depth > 0 && i < n) {
        const c = fmt.charCodeAt(i);
        if (c === 41) depth--;
        else if (c === 40) depth++;
        i++;
      }
      if (depth > 0) return new PyExc('ValueError', 'incomplete format key');
      const keyText = fmt.slice(keyStart, i - 1);
      const key: FormatArg = mode === 'str'
        ? { t: 'str', v: keyText }
        : { t: 'bytes', v: Uint8Array.from(keyText, (ch) => ch.charCodeAt(0)) };
      const v = hooks.getitem(dict, key);
      if (isFmtError(v)) return v;
      st.args = v;
      st.arglen = -1;
      st.argidx = -2;
    }
    let flags = 0;
    for (; i < n; i++) {
      const c = fmt.charCodeAt(i);
      if (c === 45) flags |= F_LJUST;
      else if (c === 43) flags |= F_SIGN;
      else if (c === 32) flags |= F_BLANK;
      else if (c === 35) flags |= F_ALT;
      else if (c === 48) flags |= F_ZERO;
      else break;
    }
    let width = -1;
    let afterDigits = false; // the conversion character directly follows width/precision digits
    if (fmt.charCodeAt(i) === 42) {
      const v = nextArg(st);
      if (v instanceof PyExc) return v;
      const w = starArg(v, false);
      if (w instanceof PyExc) return w;
      width = w;
      if (width < 0) {
        flags |= F_LJUST;
        width = -width;
      }
      i++;
    } else {
      const start = i;
      const w = readDigits(fmt, i, SSIZE_MAX, 2 ** 63);
      i = digitsEnd;
      if (w < 0) return new PyExc('ValueError', 'width too big');
      if (i > start) width = w;
      afterDigits = i > start;
    }
    let prec = -1;
    if (fmt.charCodeAt(i) === 46) {
      i++;
      afterDigits = false;
      if (fmt.charCodeAt(i) === 42) {
        const v = nextArg(st);
        if (v instanceof PyExc) return v;
        const p = starArg(v, true);
        if (p instanceof PyExc) return p;
        prec = p < 0 ? 0 : p;
        i++;
      } else {
        const precStart = i;
        const p = readDigits(fmt, i, INT_MAX, 2147483647);
        i = digitsEnd;
        if (p < 0) return new PyExc('ValueError', 'precision too big');
        prec = p;
        afterDigits = i > precStart;
      }
    }
    if (i < n) {
      const c = fmt[i];
      if (c === 'h' || c === 'l' || c === 'L') {
        i++;
        afterDigits = false;
      }
    }
    if (i >= n) return new PyExc('ValueError', 'incomplete format');
    const chIndex = i;
    const cp = fmt.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    const v = nextArg(st);
    if (v instanceof PyExc) return v;
    const piece = convert(ch, v, flags, width, prec, hooks, mode);
    if (isFmtError(piece)) {
      if (piece === UNSUPPORTED) {
        // str: printable ASCII (31..126) as is, else '?'. bytes: the byte as a
        // character, except that for bytes >= 0x80 CPython's message formatting
        // fails with OverflowError
        // (CPython reads the character as a signed char unless it came out of
        // a width/precision digit loop, which reads it unsigned.)
        if (mode === 'bytes' && cp >= 128 && !afterDigits) {
          return new PyExc('OverflowError', 'character argument not in range(0x110000)');
        }
        const shown = mode === 'bytes' || (cp >= 31 && cp <= 126) ? ch : '?';
        const index = mode === 'str' ? cpLength(fmt.slice(0, chIndex)) : chIndex;
        return new PyExc('ValueError', `unsupported format character '${shown}' (0x${cp.toString(16)}) at index ${index}`);
      }
      return piece;
    }
    out += piece;
  }
  if (st.argidx < st.arglen && dict === null) {
    return new PyExc('TypeError', `not all arguments converted during ${mode === 'str' ? 'string' : 'bytes'} formatting`);
  }
  return out;
}

/** Where the last `readDigits` stopped. */
let digitsEnd = 0;

/**
 * The ASCII digits of `fmt` from `i` (0 if none), -1 if the value exceeds
 * `limit` (CPython's overflow check); sets `digitsEnd`. Values above 2**53
 * are returned as Number.MAX_SAFE_INTEGER (only ever used as "too big to
 * allocate"). Plain numbers for the usual one or two digits; BigInt only
 * past 15 digits.
 */
function readDigits(fmt: string, i: number, limit: bigint, limitNum: number): number {
  let v = 0;
  const start = i;
  for (; i < fmt.length; i++) {
    const d = fmt.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  digitsEnd = i;
  if (i - start <= 15) return v > limitNum ? -1 : v;
  let big = 0n;
  for (let k = start; k < i; k++) {
    big = big * 10n + BigInt(fmt.charCodeAt(k) - 48);
    if (big > limit) return -1;
  }
  return big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
}

/** Marker returned by `convert` for an unknown conversion character. */
const UNSUPPORTED = new PyExc('ValueError', 'unsupported format character');

/** Pad a text conversion (s r a c b) with spaces; the '0' flag does not apply. */
function padText(s: string, width: number, flags: number, len: number): string | PyExc {
  if (width <= len) return s;
  if (width > MAX_RESULT_LENGTH) return memoryError();
  const pad = ' '.repeat(width - len);
  return flags & F_LJUST ? s + pad : pad + s;
}

/**
 * Lay out a number: `body` is the unsigned text, `negative` its sign,
 * `prefix` the '#' prefix of o/x/X.
 */
function padNumber(negative: boolean, prefix: string, body: string, width: number, flags: number): string | PyExc {
  const sign = negative ? '-' : flags & F_SIGN ? '+' : flags & F_BLANK ? ' ' : '';
  const len = sign.length + prefix.length + body.length;
  if (width <= len) return sign + prefix + body;
  if (width > MAX_RESULT_LENGTH) return memoryError();
  const pad = width - len;
  if (flags & F_LJUST) return sign + prefix + body + ' '.repeat(pad);
  if (flags & F_ZERO) return sign + prefix + '0'.repeat(pad) + body;
  return ' '.repeat(pad) + sign + prefix + body;
}

function wrongInt(ch: string, a: FormatArg, mode: Mode): PyExc {
  // bytes formatting reports '%i' as '%d'
  if (mode === 'bytes' && ch === 'i') ch = 'd';
  const what = ch === 'o' || ch === 'x' || ch === 'X' ? 'an integer is required' : 'a real number is required';
  return new PyExc('TypeError', `%${ch} format: ${what}, not ${typeNameOf(a)}`);
}

/** The int value for %d %i %u (PyNumber_Long) or %o %x %X (PyNumber_Index). */
function intValue(ch: string, a: FormatArg, hooks: FormatHooks, mode: Mode): PyInt | FmtError {
  const indexOnly = ch === 'o' || ch === 'x' || ch === 'X';
  switch (a.t) {
    case 'int': return a.v;
    case 'bool': return a.v ? 1 : 0;
    case 'float': return indexOnly ? wrongInt(ch, a, mode) : floatToInt(a.v);
    case 'obj': {
      if (!hooks.isNumber(a.ref)) return wrongInt(ch, a, mode);
      const r = indexOnly ? hooks.index(a.ref) : hooks.int(a.ref);
      if (r === null || (r instanceof PyExc && r.type === 'TypeError')) return wrongInt(ch, a, mode);
      return r;
    }
    default: return wrongInt(ch, a, mode);
  }
}

function floatValue(a: FormatArg, hooks: FormatHooks, mode: Mode): number | FmtError {
  const what = mode === 'str' ? 'must be real number' : 'float argument required';
  switch (a.t) {
    case 'float': return a.v;
    case 'int': return intToFloat(a.v);
    case 'bool': return a.v ? 1 : 0;
    case 'obj': {
      const r = hooks.float(a.ref);
      if (r === null) return new PyExc('TypeError', `${what}, not ${a.type}`);
      return r;
    }
    default: return new PyExc('TypeError', `${what}, not ${typeNameOf(a)}`);
  }
}

function convert(ch: string, a: FormatArg, flags: number, width: number, prec: number, hooks: FormatHooks, mode: Mode): string | FmtError {
  switch (ch) {
    case 's': case 'r': case 'a': case 'b': {
      let s: string | FmtError;
      if (mode === 'bytes') {
        if (ch === 'r' || ch === 'a') s = asciiArg(a, hooks);
        else s = bytesText(a, hooks);
      } else if (ch === 'b') {
        return UNSUPPORTED;
      } else {
        s = ch === 's' ? strArg(a, hooks) : ch === 'r' ? reprArg(a, hooks) : asciiArg(a, hooks);
      }
      if (isFmtError(s)) return s;
      if (mode === 'bytes') {
        if (prec >= 0 && prec < s.length) s = s.slice(0, prec);
        return padText(s, width, flags, s.length);
      }
      if (prec >= 0) s = cpPrefix(s, prec);
      return padText(s, width, flags, cpLength(s));
    }
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
      const v = intValue(ch, a, hooks, mode);
      if (isFmtError(v)) return v;
      const negative = v < 0;
      const mag: PyInt = negative ? -v : v;
      let digits: string | PyExc;
      let prefix = '';
      if (ch === 'o') {
        digits = intToBaseString(mag, 8);
        prefix = '0o';
      } else if (ch === 'x' || ch === 'X') {
        digits = intToBaseString(mag, 16);
        if (ch === 'X' && !(digits instanceof PyExc)) digits = digits.toUpperCase();
        prefix = ch === 'x' ? '0x' : '0X';
      } else {
        digits = intToStr(mag, maxStrDigits(hooks));
      }
      if (digits instanceof PyExc) return digits;
      if (prec > digits.length) {
        if (prec > MAX_RESULT_LENGTH) return memoryError();
        digits = '0'.repeat(prec - digits.length) + digits;
      }
      return padNumber(negative, flags & F_ALT ? prefix : '', digits, width, flags);
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
      const x = floatValue(a, hooks, mode);
      if (isFmtError(x)) return x;
      const p = prec < 0 ? 6 : prec;
      if (p > MAX_RESULT_LENGTH) return memoryError();
      const s = formatFloatAnyPrecision(x, ch as FloatFormatType, p, (flags & F_ALT) !== 0);
      const negative = s.charCodeAt(0) === 45;
      return padNumber(negative, '', negative ? s.slice(1) : s, width, flags);
    }
    case 'c': {
      const c = mode === 'str' ? charStr(a, hooks) : charBytes(a, hooks);
      if (isFmtError(c)) return c;
      return padText(c, width, flags, 1);
    }
    default:
      return UNSUPPORTED;
  }
}

/** The bytes of an argument for b'%s' / b'%b' (buffer protocol or __bytes__). */
function bytesText(a: FormatArg, hooks: FormatHooks): string | FmtError {
  if (a.t === 'bytes') return latin1(a.v);
  if (a.t === 'obj') {
    const b = hooks.bytes(a.ref);
    if (b === null) return bytesRequired(a);
    if (isFmtError(b)) return b;
    return latin1(b);
  }
  return bytesRequired(a);
}

function bytesRequired(a: FormatArg): PyExc {
  return new PyExc(
    'TypeError',
    `%b requires a bytes-like object, or an object that implements __bytes__, not '${typeNameOf(a)}'`,
  );
}

/** '%c' of a str format: an int in range(0x110000) or a str of length 1. */
function charStr(a: FormatArg, hooks: FormatHooks): string | FmtError {
  const bad = (): PyExc => new PyExc('TypeError', '%c requires int or char');
  let v: PyInt;
  switch (a.t) {
    case 'str':
      return cpLength(a.v) === 1 ? a.v : bad();
    case 'int': v = a.v; break;
    case 'bool': v = a.v ? 1 : 0; break;
    case 'obj': {
      const r = hooks.index(a.ref);
      if (r === null || (r instanceof PyExc && r.type === 'TypeError')) return bad();
      if (isFmtError(r)) return r;
      v = r;
      break;
    }
    default: return bad();
  }
  if (v < 0 || v > 0x10ffff) return new PyExc('OverflowError', '%c arg not in range(0x110000)');
  return String.fromCodePoint(Number(v));
}

/** '%c' of a bytes format: an int in range(256) or a bytes of length 1. */
function charBytes(a: FormatArg, hooks: FormatHooks): string | FmtError {
  const bad = (): PyExc => new PyExc('TypeError', '%c requires an integer in range(256) or a single byte');
  let v: PyInt;
  switch (a.t) {
    case 'bytes':
      return a.v.length === 1 ? String.fromCharCode(a.v[0]!) : bad();
    case 'int': v = a.v; break;
    case 'bool': v = a.v ? 1 : 0; break;
    case 'obj': {
      const r = hooks.index(a.ref);
      if (r === null || (r instanceof PyExc && r.type === 'TypeError')) return bad();
      if (isFmtError(r)) return r;
      v = r;
      break;
    }
    default: return bad();
  }
  if (v < 0 || v > 255) return new PyExc('OverflowError', '%c arg not in range(256)');
  return String.fromCharCode(Number(v));
}
