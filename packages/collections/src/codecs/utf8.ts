// UTF-8 (and utf-8-sig), CPython 3.11-exact including every error range.
// Encoder: unicode_encode_utf8 — only surrogates are unencodable; a run of
// consecutive surrogates forms one error ("surrogates not allowed"), and
// 'surrogateescape' is applied inline up to the first surrogate outside
// U+DC80..U+DCFF. Decoder: the state machine of stringlib/codecs.h
// utf8_decode plus the error switch of unicode_decode_utf8:
//   invalid start byte        80..C1, F5..FF            [s, s+1)
//   invalid continuation byte the first bad byte at s+k  [s, s+k)
//   unexpected end of data    a valid but cut prefix     [s, len)
// (E0 needs A0..BF second, ED 80..9F, F0 90..BF, F4 80..8F.)

import { ByteSink, CpSink } from './sink.js';
import {
  type CodePoints, type CodecResult, callErrorHandler, decodeError, encodeError, fail, ok,
} from './errors.js';

const isCont = (b: number): boolean => (b & 0xc0) === 0x80;

/**
 * Exact UTF-8 length of `s`, or -1 if it contains a surrogate (which needs
 * the error path). One read-only pass, so that the common case writes into an
 * exactly-sized buffer without growth checks or a final copy.
 */
function utf8Length(s: CodePoints): number {
  let len = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c < 0x80) len += 1;
    else if (c < 0x800) len += 2;
    else if (c < 0x10000) {
      if (c >= 0xd800 && c <= 0xdfff) return -1;
      len += 3;
    } else len += 4;
  }
  return len;
}

/** True if every code point is ASCII: an OR-reduction, checked every 256 elements to stop early. */
function allAscii(s: Uint32Array): boolean {
  const n = s.length;
  for (let i = 0; i < n; i += 256) {
    let m = 0;
    const e = Math.min(i + 256, n);
    for (let k = i; k < e; k++) m |= s[k]!;
    if (m >= 0x80) return false;
  }
  return true;
}

export function encodeUtf8(s: CodePoints, errors: string | undefined, bom = false): CodecResult<Uint8Array> {
  if (!bom && s instanceof Uint32Array && allAscii(s)) return ok(new Uint8Array(s));
  const total = utf8Length(s);
  if (total >= 0) return ok(encodeUtf8Valid(s, total, bom));
  return encodeUtf8Slow(s, errors, bom);
}

/** Fast path: no surrogates, output length known. */
function encodeUtf8Valid(s: CodePoints, total: number, bom: boolean): Uint8Array {
  const n = s.length;
  if (total === n && !bom) {
    // All ASCII: the typed-array constructor converts element-wise in native code.
    return s instanceof Uint32Array ? new Uint8Array(s) : Uint8Array.from(s as ArrayLike<number>);
  }
  const out = new Uint8Array(total + (bom ? 3 : 0));
  let o = 0;
  if (bom) {
    out[0] = 0xef; out[1] = 0xbb; out[2] = 0xbf;
    o = 3;
  }
  for (let i = 0; i < n; i++) {
    const c = s[i]!;
    if (c < 0x80) {
      out[o++] = c;
    } else if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    } else {
      out[o++] = 0xf0 | (c >> 18);
      out[o++] = 0x80 | ((c >> 12) & 0x3f);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    }
  }
  return out;
}

/** General path: a string with surrogates, handled by `errors`. */
function encodeUtf8Slow(s: CodePoints, errors: string | undefined, bom: boolean): CodecResult<Uint8Array> {
  const n = s.length;
  const sink = new ByteSink(n + (bom ? 3 : 0));
  const out = sink.buf;
  let o = 0;
  if (bom) {
    out[0] = 0xef; out[1] = 0xbb; out[2] = 0xbf;
    o = 3;
  }
  // ASCII prefix straight into the first buffer.
  let i = 0;
  while (i < n) {
    const c = s[i]!;
    if (c >= 0x80) break;
    out[o++] = c;
    i++;
  }
  sink.len = o;
  while (i < n) {
    const c = s[i]!;
    if (c < 0x80) {
      sink.push(c);
      i++;
    } else if (c < 0x800) {
      sink.reserve(2);
      sink.buf[sink.len++] = 0xc0 | (c >> 6);
      sink.buf[sink.len++] = 0x80 | (c & 0x3f);
      i++;
    } else if (c < 0xd800 || (c > 0xdfff && c < 0x10000)) {
      sink.reserve(3);
      sink.buf[sink.len++] = 0xe0 | (c >> 12);
      sink.buf[sink.len++] = 0x80 | ((c >> 6) & 0x3f);
      sink.buf[sink.len++] = 0x80 | (c & 0x3f);
      i++;
    } else if (c >= 0x10000) {
      sink.reserve(4);
      sink.buf[sink.len++] = 0xf0 | (c >> 18);
      sink.buf[sink.len++] = 0x80 | ((c >> 12) & 0x3f);
      sink.buf[sink.len++] = 0x80 | ((c >> 6) & 0x3f);
      sink.buf[sink.len++] = 0x80 | (c & 0x3f);
      i++;
    } else {
      let end = i + 1;
      while (end < n && s[end]! >= 0xd800 && s[end]! <= 0xdfff) end++;
      let start = i;
      if (errors === 'surrogateescape') {
        while (start < end && s[start]! >= 0xdc80 && s[start]! <= 0xdcff) sink.push(s[start++]! & 0xff);
        if (start === end) {
          i = end;
          continue;
        }
      }
      const r = callErrorHandler(errors, encodeError('utf-8', s, start, end, 'surrogates not allowed'));
      if ('error' in r) return fail(r.error);
      if ('bytes' in r) {
        sink.pushBytes(r.bytes);
      } else {
        for (let k = 0; k < r.str.length; k++) {
          if (r.str[k]! >= 0x80) return fail(encodeError('utf-8', s, start, end, 'surrogates not allowed'));
          sink.push(r.str[k]!);
        }
      }
      i = r.pos;
    }
  }
  return ok(sink.finish());
}

/**
 * Classifies the sequence starting at `s` (whose lead byte is >= 0x80):
 * returns its length (2..4) when complete and valid, 0 for "unexpected end of
 * data", or -k for an error covering k bytes (k = 1 with an invalid lead byte
 * is "invalid start byte"; other k are "invalid continuation byte").
 */
function classify(b: Uint8Array, s: number, n: number): number {
  const c = b[s]!;
  const avail = n - s;
  if (c < 0xc2 || c > 0xf4) return -1;
  if (c < 0xe0) {
    if (avail < 2) return 0;
    return isCont(b[s + 1]!) ? 2 : -2;
  }
  if (c < 0xf0) {
    if (avail < 2) return 0;
    const c2 = b[s + 1]!;
    if (!isCont(c2) || (c === 0xe0 && c2 < 0xa0) || (c === 0xed && c2 >= 0xa0)) return -2;
    if (avail < 3) return 0;
    return isCont(b[s + 2]!) ? 3 : -3;
  }
  if (avail < 2) return 0;
  const c2 = b[s + 1]!;
  if (!isCont(c2) || (c === 0xf0 && c2 < 0x90) || (c === 0xf4 && c2 >= 0x90)) return -2;
  if (avail < 3) return 0;
  if (!isCont(b[s + 2]!)) return -3;
  if (avail < 4) return 0;
  return isCont(b[s + 3]!) ? 4 : -4;
}

/** True if every byte of b[from:] is < 0x80 (reads aligned 32-bit words where it can). */
function isAscii(b: Uint8Array, from: number): boolean {
  const n = b.length;
  let i = from;
  while (i < n && ((b.byteOffset + i) & 3) !== 0) if (b[i++]! >= 0x80) return false;
  const words = (n - i) >> 2;
  if (words > 0) {
    const w = new Uint32Array(b.buffer, b.byteOffset + i, words);
    let acc = 0;
    for (let k = 0; k < words; k++) acc |= w[k]!;
    if ((acc & 0x80808080) !== 0) return false;
    i += words << 2;
  }
  while (i < n) if (b[i++]! >= 0x80) return false;
  return true;
}

export function decodeUtf8(b: Uint8Array, errors: string | undefined, from = 0): CodecResult<Uint32Array> {
  const n = b.length;
  if (isAscii(b, from)) return ok(new Uint32Array(from === 0 ? b : b.subarray(from)));
  // Invariant: out.buf.length >= o + (n - i). Every byte yields at most one
  // code point on the valid paths, so they write without capacity checks; the
  // error path restores the invariant after the handler's replacement.
  const out = new CpSink(n - from);
  let buf = out.buf;
  let o = 0;
  let i = from;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      buf[o++] = c;
      i++;
      continue;
    }
    if (c >= 0xc2 && c < 0xe0) {
      if (i + 1 < n) {
        const c2 = b[i + 1]!;
        if ((c2 & 0xc0) === 0x80) {
          buf[o++] = ((c & 0x1f) << 6) | (c2 & 0x3f);
          i += 2;
          continue;
        }
      }
    } else if (c >= 0xe0 && c < 0xf0) {
      if (i + 2 < n) {
        const c2 = b[i + 1]!;
        const c3 = b[i + 2]!;
        if ((c2 & 0xc0) === 0x80 && (c3 & 0xc0) === 0x80 && (c !== 0xe0 || c2 >= 0xa0) && (c !== 0xed || c2 < 0xa0)) {
          buf[o++] = ((c & 0x0f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
          i += 3;
          continue;
        }
      }
    } else if (c >= 0xf0 && c <= 0xf4) {
      if (i + 3 < n) {
        const c2 = b[i + 1]!;
        const c3 = b[i + 2]!;
        const c4 = b[i + 3]!;
        if ((c2 & 0xc0) === 0x80 && (c3 & 0xc0) === 0x80 && (c4 & 0xc0) === 0x80 &&
            (c !== 0xf0 || c2 >= 0x90) && (c !== 0xf4 || c2 < 0x90)) {
          buf[o++] = ((c & 0x07) << 18) | ((c2 & 0x3f) << 12) | ((c3 & 0x3f) << 6) | (c4 & 0x3f);
          i += 4;
          continue;
        }
      }
    }
    // Invalid or cut sequence: classify it exactly, then the error handler.
    const k = classify(b, i, n);
    const end = k === 0 ? n : i - k - (k === -1 ? 0 : 1);
    const reason = k === 0 ? 'unexpected end of data' : k === -1 ? 'invalid start byte' : 'invalid continuation byte';
    const obj = from === 0 ? b : b.subarray(from);
    const r = callErrorHandler(errors, decodeError('utf-8', obj, i - from, end - from, reason));
    if ('error' in r) return fail(r.error);
    out.len = o;
    if ('str' in r) out.pushAll(r.str);
    i = r.pos + from;
    out.reserve(n - i);
    buf = out.buf;
    o = out.len;
  }
  out.len = o;
  return ok(out.finish());
}
