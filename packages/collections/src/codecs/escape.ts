// unicode_escape and raw_unicode_escape (CPython: PyUnicode_AsUnicodeEscapeString,
// _PyUnicode_DecodeUnicodeEscapeInternal, PyUnicode_AsRawUnicodeEscapeString,
// _PyUnicode_DecodeRawUnicodeEscapeStateful with final=True).
//
// Both encoders accept every code point, so they never fail. The decoders
// read bytes as latin-1 except for backslash escapes; an error covers the
// backslash up to (not including) the byte that broke the escape, or to the
// end of the input. \N{name} needs the Unicode name table, which lives above
// this package: it is installed with setCharCodeLookup; without it a \N escape
// raises UnicodeError like a CPython that cannot load unicodedata.
// Unknown escapes (\q) are kept as they are; CPython's DeprecationWarning for
// them is the caller's business (decodeUnicodeEscape reports the position of
// the first one).

import { ByteSink, CpSink } from './sink.js';
import { type CodePoints, type CodecResult, callErrorHandler, decodeError, fail, ok } from './errors.js';

const HEX = '0123456789abcdef';

function putHex(sink: ByteSink, lead: number, c: number, digits: number): void {
  sink.reserve(digits + 2);
  sink.buf[sink.len++] = 0x5c;
  sink.buf[sink.len++] = lead;
  for (let k = digits - 1; k >= 0; k--) sink.buf[sink.len++] = HEX.charCodeAt((c >>> (4 * k)) & 15);
}

export function encodeUnicodeEscape(s: CodePoints): Uint8Array {
  const sink = new ByteSink(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c >= 0x10000) putHex(sink, 0x55, c, 8);
    else if (c >= 0x100) putHex(sink, 0x75, c, 4);
    else if (c === 0x5c) { sink.push(0x5c); sink.push(0x5c); }
    else if (c === 0x09) { sink.push(0x5c); sink.push(0x74); }
    else if (c === 0x0a) { sink.push(0x5c); sink.push(0x6e); }
    else if (c === 0x0d) { sink.push(0x5c); sink.push(0x72); }
    else if (c < 0x20 || c >= 0x7f) putHex(sink, 0x78, c, 2);
    else sink.push(c);
  }
  return sink.finish();
}

export function encodeRawUnicodeEscape(s: CodePoints): Uint8Array {
  const sink = new ByteSink(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c >= 0x10000) putHex(sink, 0x55, c, 8);
    else if (c >= 0x100) putHex(sink, 0x75, c, 4);
    else sink.push(c);
  }
  return sink.finish();
}

/** Unicode name (any case, aliases included) -> code point, supplied by a higher layer. */
let charCodeLookup: ((name: string) => number | undefined) | undefined;

/** Installs the name -> code point table used by \N{...} in unicode_escape. */
export function setCharCodeLookup(fn: ((name: string) => number | undefined) | undefined): void {
  charCodeLookup = fn;
}

function hexVal(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  return -1;
}

const SIMPLE: ReadonlyMap<number, number> = new Map([
  [0x5c, 0x5c], [0x27, 0x27], [0x22, 0x22], [0x62, 0x08], [0x66, 0x0c], [0x74, 0x09],
  [0x6e, 0x0a], [0x72, 0x0d], [0x76, 0x0b], [0x61, 0x07],
]);

export interface EscapeDecoded {
  readonly str: Uint32Array;
  /** Byte offset of the first unrecognised escape (DeprecationWarning in CPython), or -1. */
  readonly firstInvalidEscape: number;
}

export function decodeUnicodeEscape(b: Uint8Array, errors: string | undefined): CodecResult<EscapeDecoded> {
  const n = b.length;
  const out = new CpSink(n);
  let firstInvalid = -1;
  let s = 0;
  while (s < n) {
    const c0 = b[s]!;
    if (c0 !== 0x5c) {
      out.push(c0);
      s++;
      continue;
    }
    const start = s;
    s++;
    let message: string;
    bad: {
      if (s >= n) {
        message = '\\ at end of string';
        break bad;
      }
      const c = b[s++]!;
      const simple = SIMPLE.get(c);
      if (simple !== undefined) {
        out.push(simple);
        continue;
      }
      if (c === 0x0a) continue; // line continuation
      if (c >= 0x30 && c <= 0x37) {
        let ch = c - 0x30;
        if (s < n && b[s]! >= 0x30 && b[s]! <= 0x37) {
          ch = (ch << 3) + b[s++]! - 0x30;
          if (s < n && b[s]! >= 0x30 && b[s]! <= 0x37) ch = (ch << 3) + b[s++]! - 0x30;
        }
        out.push(ch);
        continue;
      }
      if (c === 0x78 || c === 0x75 || c === 0x55) {
        let count = c === 0x78 ? 2 : c === 0x75 ? 4 : 8;
        message = c === 0x78 ? 'truncated \\xXX escape' : c === 0x75 ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape';
        let ch = 0;
        for (; count > 0; count--, s++) {
          if (s >= n) break bad;
          const v = hexVal(b[s]!);
          if (v < 0) break bad;
          ch = ch * 16 + v;
        }
        if (ch > 0x10ffff) {
          message = 'illegal Unicode character';
          break bad;
        }
        out.push(ch);
        continue;
      }
      if (c === 0x4e) {
        if (charCodeLookup === undefined) {
          return fail({ type: 'UnicodeError', message: "\\N escapes not supported (can't load unicodedata module)" });
        }
        message = 'malformed \\N character escape';
        if (s >= n || b[s] !== 0x7b) break bad;
        const nameStart = ++s;
        while (s < n && b[s] !== 0x7d) s++;
        if (s >= n) break bad;
        if (s === nameStart) break bad;
        let name = '';
        for (let k = nameStart; k < s; k++) name += String.fromCharCode(b[k]!);
        s++;
        const ch = charCodeLookup(name);
        if (ch !== undefined) {
          out.push(ch);
          continue;
        }
        message = 'unknown Unicode character name';
        break bad;
      }
      if (firstInvalid < 0) firstInvalid = s - 2;
      out.push(0x5c);
      out.push(c);
      continue;
    }
    const r = callErrorHandler(errors, decodeError('unicodeescape', b, start, s, message));
    if ('error' in r) return fail(r.error);
    if ('str' in r) out.pushAll(r.str);
    s = r.pos;
  }
  return ok({ str: out.finish(), firstInvalidEscape: firstInvalid });
}

export function decodeRawUnicodeEscape(b: Uint8Array, errors: string | undefined): CodecResult<Uint32Array> {
  const n = b.length;
  const out = new CpSink(n);
  let s = 0;
  while (s < n) {
    const c0 = b[s]!;
    if (c0 !== 0x5c) {
      out.push(c0);
      s++;
      continue;
    }
    const next = s + 1 < n ? b[s + 1]! : -1;
    if (next === 0x5c) {
      // An even run of backslashes stays literal: \u is escaped only after an odd one.
      out.push(0x5c);
      out.push(0x5c);
      s += 2;
      continue;
    }
    if (next !== 0x75 && next !== 0x55) {
      out.push(0x5c);
      s++;
      continue;
    }
    const start = s;
    s += 2;
    let count = next === 0x75 ? 4 : 8;
    let message = next === 0x75 ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape';
    let ch = 0;
    let bad = false;
    for (; count > 0; count--, s++) {
      const v = s < n ? hexVal(b[s]!) : -1;
      if (v < 0) {
        bad = true;
        break;
      }
      ch = ch * 16 + v;
    }
    if (!bad && ch > 0x10ffff) {
      message = '\\Uxxxxxxxx out of range';
      bad = true;
    }
    if (!bad) {
      out.push(ch);
      continue;
    }
    const r = callErrorHandler(errors, decodeError('rawunicodeescape', b, start, s, message));
    if ('error' in r) return fail(r.error);
    if ('str' in r) out.pushAll(r.str);
    s = r.pos;
  }
  return ok(out.finish());
}
