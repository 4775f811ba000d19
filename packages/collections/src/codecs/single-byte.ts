// The single-byte codecs: ascii, latin-1 (iso8859-1) and cp1252.
// ascii and latin-1 follow CPython's unicode_encode_ucs1 / PyUnicode_DecodeASCII /
// PyUnicode_DecodeLatin1; cp1252 is a charmap codec (encodings/cp1252.py run
// through charmap_encode/charmap_decode), so its errors name the 'charmap' codec.
//
// Encoders find the whole run of unencodable characters before calling the
// error handler (so one UnicodeEncodeError may cover several characters), and
// ascii/latin-1 apply 'surrogateescape' inline up to the first character it
// cannot escape, then report the rest of the run — both as CPython does.

import { ByteSink, CpSink } from './sink.js';
import {
  type CodePoints, type CodecResult, callErrorHandler, decodeError, encodeError, fail, ok,
} from './errors.js';

/** cp1252 bytes 0x80..0x9F (-1: undefined); every other byte is its latin-1 code point. */
const CP1252_HIGH: readonly number[] = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178,
];

const CP1252_ENCODE = new Map<number, number>();
for (let i = 0; i < 32; i++) if (CP1252_HIGH[i]! >= 0) CP1252_ENCODE.set(CP1252_HIGH[i]!, 0x80 + i);

const mapCp1252 = (c: number): number => {
  if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
  return CP1252_ENCODE.get(c) ?? -1;
};

interface SingleByte {
  /** Name in error messages. */
  readonly encoding: string;
  readonly encodeReason: string;
  readonly decodeReason: string;
  /** Byte for a code point, or -1. */
  readonly encodeChar: (c: number) => number;
  /** Code point for a byte, or -1. */
  readonly decodeByte: (b: number) => number;
  /** unicode_encode_ucs1 (inline surrogateescape) rather than the charmap encoder. */
  readonly ucs1: boolean;
}

export const ASCII: SingleByte = {
  encoding: 'ascii', encodeReason: 'ordinal not in range(128)', decodeReason: 'ordinal not in range(128)',
  encodeChar: (c) => (c < 0x80 ? c : -1), decodeByte: (b) => (b < 0x80 ? b : -1), ucs1: true,
};
export const LATIN1: SingleByte = {
  encoding: 'latin-1', encodeReason: 'ordinal not in range(256)', decodeReason: '',
  encodeChar: (c) => (c < 0x100 ? c : -1), decodeByte: (b) => b, ucs1: true,
};
export const CP1252: SingleByte = {
  encoding: 'charmap', encodeReason: 'character maps to <undefined>', decodeReason: 'character maps to <undefined>',
  encodeChar: mapCp1252, decodeByte: (b) => (b < 0x80 || b >= 0xa0 ? b : CP1252_HIGH[b - 0x80]!), ucs1: false,
};

/** Largest code point all of whose predecessors map to themselves (fast-path limit). */
function identityLimit(codec: SingleByte): number {
  return codec === ASCII ? 0x80 : codec === LATIN1 ? 0x100 : 0x80;
}

export function encodeSingleByte(codec: SingleByte, s: CodePoints, errors: string | undefined): CodecResult<Uint8Array> {
  const n = s.length;
  const limit = identityLimit(codec);
  // Fast path: a straight copy while every code point maps to itself.
  let i = 0;
  while (i < n && s[i]! < limit) i++;
  if (i === n) return ok(s instanceof Uint32Array ? new Uint8Array(s) : Uint8Array.from(s as ArrayLike<number>));
  const sink = new ByteSink(n);
  for (let k = 0; k < i; k++) sink.buf[k] = s[k]!;
  sink.len = i;
  while (i < n) {
    const b = codec.encodeChar(s[i]!);
    if (b >= 0) {
      sink.push(b);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && codec.encodeChar(s[end]!) < 0) end++;
    let start = i;
    if (codec.ucs1 && errors === 'surrogateescape') {
      while (start < end && s[start]! >= 0xdc80 && s[start]! <= 0xdcff) sink.push(s[start++]! - 0xdc00);
      if (start === end) {
        i = end;
        continue;
      }
    }
    const r = callErrorHandler(errors, encodeError(codec.encoding, s, start, end, codec.encodeReason));
    if ('error' in r) return fail(r.error);
    if ('bytes' in r) {
      sink.pushBytes(r.bytes);
    } else {
      for (let k = 0; k < r.str.length; k++) {
        const rb = codec.encodeChar(r.str[k]!);
        if (rb < 0) return fail(encodeError(codec.encoding, s, start, end, codec.encodeReason));
        sink.push(rb);
      }
    }
    i = r.pos;
  }
  return ok(sink.finish());
}

export function decodeSingleByte(codec: SingleByte, b: Uint8Array, errors: string | undefined): CodecResult<Uint32Array> {
  const n = b.length;
  if (codec === LATIN1) return ok(Uint32Array.from(b));
  const out = new CpSink(n);
  let i = 0;
  while (i < n) {
    const c = codec.decodeByte(b[i]!);
    if (c >= 0) {
      out.buf[out.len++] = c; // capacity n suffices until a handler writes more
      i++;
      continue;
    }
    const r = callErrorHandler(errors, decodeError(codec.encoding, b, i, i + 1, codec.decodeReason));
    if ('error' in r) return fail(r.error);
    if ('str' in r) out.pushAll(r.str);
    out.reserve(n);
    i = r.pos;
  }
  return ok(out.finish());
}
