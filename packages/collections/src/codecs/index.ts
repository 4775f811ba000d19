// str.encode / bytes.decode for the text codecs we implement natively
// (utf-8, utf-8-sig, utf-16[-le|-be], utf-32[-le|-be], latin-1, ascii, cp1252,
// unicode_escape, raw_unicode_escape): codec lookup by any CPython alias,
// then the codec, with errors as values. See docs/internals/codecs.md.
//
// A str is passed as code points (Uint32Array or number[]; lone surrogates are
// ordinary code points), bytes as Uint8Array; `errors` is the handler name
// (undefined = 'strict'). Like CPython, an unknown handler name is only an
// error when the handler is actually needed.

import { lookupCodec } from './aliases.js';
import { type CodePoints, type CodecResult, fail, ok } from './errors.js';
import { ASCII, CP1252, LATIN1, decodeSingleByte, encodeSingleByte } from './single-byte.js';
import { decodeUtf16, decodeUtf32, detectBom, encodeUtf16or32 } from './utf16-32.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';
import {
  decodeRawUnicodeEscape, decodeUnicodeEscape, encodeRawUnicodeEscape, encodeUnicodeEscape,
} from './escape.js';

export {
  type CodePoints, type CodecError, type CodecResult, type ErrorHandler, type HandlerResult,
  type UnicodeEncodeErrorValue, type UnicodeDecodeErrorValue, type SimpleErrorValue, type HostErrorValue,
  registerErrorHandler, lookupErrorHandler, setCharNameLookup, encodeError, decodeError,
} from './errors.js';
export { lookupCodec, normalizeEncodingName, type CodecId } from './aliases.js';
export { setCharCodeLookup, decodeUnicodeEscape, type EscapeDecoded } from './escape.js';

/**
 * _Py_normalize_encoding into a 11-byte buffer, then the names for which
 * PyUnicode_AsEncodedString / PyUnicode_Decode call the C codec directly.
 * Only the other names go through the codec registry, whose failures CPython
 * wraps (see wrapRegistryError).
 */
function isDirectName(encoding: string): boolean {
  let l = '';
  let punct = false;
  for (let i = 0; i < encoding.length; i++) {
    const c = encoding.charCodeAt(i);
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (alnum || c === 0x2e) {
      if (punct && l.length > 0) l += '_';
      punct = false;
      l += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : encoding[i];
      if (l.length > 10) return false;
    } else {
      punct = true;
    }
  }
  if (l.startsWith('utf')) {
    let rest = l.slice(3);
    if (rest.startsWith('_')) rest = rest.slice(1);
    return rest === '8' || rest === '16' || rest === '32';
  }
  return l === 'ascii' || l === 'us_ascii' || l === 'latin1' || l === 'latin_1' || l === 'iso_8859_1' || l === 'iso8859_1';
}

/**
 * _PyCodec_EncodeText/_PyCodec_DecodeText (wrap_codec_error): an exception of a
 * plain type (LookupError, TypeError, IndexError …) raised inside a codec called
 * through the registry comes out as the same type with the message
 * "encoding with 'NAME' codec failed (Type: message)". Unicode*Error values
 * are not wrapped; a user handler's own exception gets `wrapContext` so the
 * interpreter can apply the same rule to its type.
 */
function wrapRegistryError<T>(r: CodecResult<T>, operation: 'encoding' | 'decoding', encoding: string): CodecResult<T> {
  if (r.ok) return r;
  const e = r.error;
  const ctx = `${operation} with '${encoding}' codec failed`;
  if (e.type === 'LookupError' || e.type === 'TypeError' || e.type === 'IndexError' || e.type === 'UnicodeError') {
    return fail({ type: e.type, message: `${ctx} (${e.type}: ${e.message})` });
  }
  if (e.type === 'host') return fail({ type: 'host', value: e.value, wrapContext: ctx });
  return r;
}

/** str.encode(encoding, errors). */
export function encodeStr(s: CodePoints, encoding = 'utf-8', errors?: string): CodecResult<Uint8Array> {
  const codec = lookupCodec(encoding);
  if ('type' in codec) return fail(codec); // the lookup's own LookupError is never wrapped
  const r = encodeStrDirect(s, encoding, errors);
  return isDirectName(encoding) ? r : wrapRegistryError(r, 'encoding', encoding);
}

/** bytes.decode(encoding, errors), as code points. */
export function decodeBytes(b: Uint8Array, encoding = 'utf-8', errors?: string): CodecResult<Uint32Array> {
  const codec = lookupCodec(encoding);
  if ('type' in codec) return fail(codec);
  const r = decodeBytesDirect(b, encoding, errors);
  return isDirectName(encoding) ? r : wrapRegistryError(r, 'decoding', encoding);
}

/** The codec itself (codecs.encode / the _codecs functions): no registry wrapping. */
export function encodeStrDirect(s: CodePoints, encoding = 'utf-8', errors?: string): CodecResult<Uint8Array> {
  const codec = lookupCodec(encoding);
  if ('type' in codec) return fail(codec);
  switch (codec.id) {
    case 'utf_8': return encodeUtf8(s, errors);
    case 'utf_8_sig': return encodeUtf8(s, errors, true);
    case 'utf_16': return encodeUtf16or32(s, errors, 2, 'le', true, 'utf-16');
    case 'utf_16_le': return encodeUtf16or32(s, errors, 2, 'le', false, 'utf-16-le');
    case 'utf_16_be': return encodeUtf16or32(s, errors, 2, 'be', false, 'utf-16-be');
    case 'utf_32': return encodeUtf16or32(s, errors, 4, 'le', true, 'utf-32');
    case 'utf_32_le': return encodeUtf16or32(s, errors, 4, 'le', false, 'utf-32-le');
    case 'utf_32_be': return encodeUtf16or32(s, errors, 4, 'be', false, 'utf-32-be');
    case 'latin_1': return encodeSingleByte(LATIN1, s, errors);
    case 'ascii': return encodeSingleByte(ASCII, s, errors);
    case 'cp1252': return encodeSingleByte(CP1252, s, errors);
    case 'unicode_escape': return ok(encodeUnicodeEscape(s));
    case 'raw_unicode_escape': return ok(encodeRawUnicodeEscape(s));
  }
}

/** The codec itself, without registry wrapping. */
export function decodeBytesDirect(b: Uint8Array, encoding = 'utf-8', errors?: string): CodecResult<Uint32Array> {
  const codec = lookupCodec(encoding);
  if ('type' in codec) return fail(codec);
  switch (codec.id) {
    case 'utf_8': return decodeUtf8(b, errors);
    case 'utf_8_sig': {
      const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
      return decodeUtf8(b, errors, bom ? 3 : 0);
    }
    case 'utf_16': {
      const [bo, skip] = detectBom(b, 2);
      return decodeUtf16(b, errors, bo, skip);
    }
    case 'utf_16_le': return decodeUtf16(b, errors, 'le', 0);
    case 'utf_16_be': return decodeUtf16(b, errors, 'be', 0);
    case 'utf_32': {
      const [bo, skip] = detectBom(b, 4);
      return decodeUtf32(b, errors, bo, skip);
    }
    case 'utf_32_le': return decodeUtf32(b, errors, 'le', 0);
    case 'utf_32_be': return decodeUtf32(b, errors, 'be', 0);
    case 'latin_1': return decodeSingleByte(LATIN1, b, errors);
    case 'ascii': return decodeSingleByte(ASCII, b, errors);
    case 'cp1252': return decodeSingleByte(CP1252, b, errors);
    case 'unicode_escape': {
      const r = decodeUnicodeEscape(b, errors);
      return r.ok ? ok(r.value.str) : r;
    }
    case 'raw_unicode_escape': return decodeRawUnicodeEscape(b, errors);
  }
}

/** Code points of a JS string (a lone UTF-16 surrogate becomes that code point). */
export function codePointsOf(s: string): Uint32Array {
  const out = new Uint32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        out[n++] = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        continue;
      }
    }
    out[n++] = c;
  }
  return out.slice(0, n);
}

/**
 * A JS string for code points. Lossy where Python is not: a surrogate pair of
 * code points reads back as one astral character.
 */
export function stringOfCodePoints(cps: CodePoints): string {
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < cps.length; i += CHUNK) {
    s += String.fromCodePoint(...Array.prototype.slice.call(cps, i, Math.min(i + CHUNK, cps.length)) as number[]);
  }
  return s;
}
