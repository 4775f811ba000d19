// UTF-16 and UTF-32 in both byte orders, and their BOM-handling forms
// 'utf-16' / 'utf-32' (CPython: _PyUnicode_EncodeUTF16/32,
// PyUnicode_DecodeUTF16Stateful/UTF32Stateful, final=True).
//
// Encode: 'utf-16'/'utf-32' write a BOM and then native order, which is
// little-endian here as on x86. Each surrogate is a separate error
// [i, i+1) "surrogates not allowed" named by the codec asked for ('utf-16',
// 'utf-16-le', …). A handler's bytes must be a whole number of code units and
// its str must be ASCII, else the error is re-raised for [pos-1, pos).
// Decode: 'utf-16'/'utf-32' consume one leading BOM (else little-endian) and
// report errors as the concrete codec ('utf-16-le' …). Errors:
//   utf-16  truncated data            odd trailing byte           [q, len)
//           unexpected end of data    high surrogate at the end   [q, len)
//           illegal encoding          lone low surrogate          [q, q+2)
//           illegal UTF-16 surrogate  high not followed by low    [q, q+2)
//   utf-32  truncated data            1..3 trailing bytes         [q, len)
//           code point not in range(0x110000)                      [q, q+4)
//           code point in surrogate code point range(0xd800, 0xe000) [q, q+4)

import { ByteSink, CpSink } from './sink.js';
import {
  type CodePoints, type CodecResult, callErrorHandler, decodeError, encodeError, fail, ok,
} from './errors.js';

export type ByteOrder = 'le' | 'be';

function putUnit16(sink: ByteSink, u: number, bo: ByteOrder): void {
  sink.reserve(2);
  if (bo === 'le') {
    sink.buf[sink.len++] = u & 0xff;
    sink.buf[sink.len++] = u >> 8;
  } else {
    sink.buf[sink.len++] = u >> 8;
    sink.buf[sink.len++] = u & 0xff;
  }
}

function putUnit32(sink: ByteSink, c: number, bo: ByteOrder): void {
  sink.reserve(4);
  const b = sink.buf;
  let o = sink.len;
  if (bo === 'le') {
    b[o++] = c & 0xff; b[o++] = (c >> 8) & 0xff; b[o++] = (c >> 16) & 0xff; b[o++] = c >>> 24;
  } else {
    b[o++] = c >>> 24; b[o++] = (c >> 16) & 0xff; b[o++] = (c >> 8) & 0xff; b[o++] = c & 0xff;
  }
  sink.len = o;
}

/**
 * Encodes to UTF-16 (width 2) or UTF-32 (width 4). `encoding` is the name in
 * errors; `bom` writes a byte-order mark first.
 */
export function encodeUtf16or32(
  s: CodePoints, errors: string | undefined, width: 2 | 4, bo: ByteOrder, bom: boolean, encoding: string,
): CodecResult<Uint8Array> {
  const n = s.length;
  const sink = new ByteSink(n * width + (bom ? width : 0));
  const put = (c: number): void => {
    if (width === 4) putUnit32(sink, c, bo);
    else if (c >= 0x10000) {
      putUnit16(sink, 0xd800 | ((c - 0x10000) >> 10), bo);
      putUnit16(sink, 0xdc00 | (c & 0x3ff), bo);
    } else putUnit16(sink, c, bo);
  };
  if (bom) put(0xfeff);
  let i = 0;
  while (i < n) {
    const c = s[i]!;
    if (c < 0xd800 || c > 0xdfff) {
      put(c);
      i++;
      continue;
    }
    const r = callErrorHandler(errors, encodeError(encoding, s, i, i + 1, 'surrogates not allowed'));
    if ('error' in r) return fail(r.error);
    const pos = r.pos;
    if ('bytes' in r) {
      if (r.bytes.length % width !== 0) return fail(encodeError(encoding, s, pos - 1, pos, 'surrogates not allowed'));
      sink.pushBytes(r.bytes);
    } else {
      for (let k = 0; k < r.str.length; k++) {
        if (r.str[k]! >= 0x80) return fail(encodeError(encoding, s, pos - 1, pos, 'surrogates not allowed'));
      }
      for (let k = 0; k < r.str.length; k++) put(r.str[k]!);
    }
    i = pos;
  }
  return ok(sink.finish());
}

/** Byte order from a leading BOM: [order, bytes to skip]; native (le) without one. */
export function detectBom(b: Uint8Array, width: 2 | 4): [ByteOrder, number] {
  if (width === 2) {
    if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return ['le', 2];
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return ['be', 2];
  } else if (b.length >= 4) {
    if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return ['le', 4];
    if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return ['be', 4];
  }
  return ['le', 0];
}

export function decodeUtf16(b: Uint8Array, errors: string | undefined, bo: ByteOrder, from: number): CodecResult<Uint32Array> {
  const encoding = bo === 'le' ? 'utf-16-le' : 'utf-16-be';
  const n = b.length;
  const lo = bo === 'le' ? 0 : 1;
  const hi = 1 - lo;
  const out = new CpSink(n >> 1);
  let q = from;
  while (q < n) {
    let start: number;
    let end: number;
    let reason: string;
    if (n - q < 2) {
      start = q; end = n; reason = 'truncated data';
    } else {
      const u = (b[q + hi]! << 8) | b[q + lo]!;
      if (u < 0xd800 || u > 0xdfff) {
        out.push(u);
        q += 2;
        continue;
      }
      if (u >= 0xdc00) {
        start = q; end = q + 2; reason = 'illegal encoding';
      } else if (n - q < 4) {
        start = q; end = n; reason = 'unexpected end of data';
      } else {
        const u2 = (b[q + 2 + hi]! << 8) | b[q + 2 + lo]!;
        if (u2 >= 0xdc00 && u2 <= 0xdfff) {
          out.push(0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00));
          q += 4;
          continue;
        }
        start = q; end = q + 2; reason = 'illegal UTF-16 surrogate';
      }
    }
    const r = callErrorHandler(errors, decodeError(encoding, b, start, end, reason));
    if ('error' in r) return fail(r.error);
    if ('str' in r) out.pushAll(r.str);
    q = r.pos;
  }
  return ok(out.finish());
}

export function decodeUtf32(b: Uint8Array, errors: string | undefined, bo: ByteOrder, from: number): CodecResult<Uint32Array> {
  const encoding = bo === 'le' ? 'utf-32-le' : 'utf-32-be';
  const n = b.length;
  const out = new CpSink(n >> 2);
  let q = from;
  while (q < n) {
    let start = q;
    let end: number;
    let reason: string;
    if (n - q < 4) {
      end = n; reason = 'truncated data';
    } else {
      const c = bo === 'le'
        ? ((b[q + 3]! << 24) | (b[q + 2]! << 16) | (b[q + 1]! << 8) | b[q]!) >>> 0
        : ((b[q]! << 24) | (b[q + 1]! << 16) | (b[q + 2]! << 8) | b[q + 3]!) >>> 0;
      if (c < 0xd800 || (c > 0xdfff && c < 0x110000)) {
        out.push(c);
        q += 4;
        continue;
      }
      start = q; end = q + 4;
      reason = c < 0x110000 ? 'code point in surrogate code point range(0xd800, 0xe000)' : 'code point not in range(0x110000)';
    }
    const r = callErrorHandler(errors, decodeError(encoding, b, start, end, reason));
    if ('error' in r) return fail(r.error);
    if ('str' in r) out.pushAll(r.str);
    q = r.pos;
  }
  return ok(out.finish());
}
