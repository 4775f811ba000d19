// Codec errors as values, and the error-handler machinery of str.encode /
// bytes.decode (CPython: Python/codecs.c, PyCodec_*Errors, and
// Objects/exceptions.c for the str() of UnicodeEncodeError/DecodeError).
//
// A codec never throws: it returns either its result or a CodecError value
// carrying exactly the attributes of CPython's exception (encoding, object,
// start, end, reason) and its str() message. Error handlers come in two
// shapes, as in CPython:
//   * fast paths: each codec recognises the builtin handler names itself
//     (strict/ignore/replace/... — `handlerKind`) exactly where CPython's C
//     codecs do, because the builtin paths differ from the generic callback in
//     observable ways (e.g. utf-8 'replace' writes one U+FFFD per error range);
//   * the generic callback (`ErrorHandler`): called with the exception value,
//     returns a replacement and a resume position, or an error. Builtin handlers
//     exist in this shape too (`lookupErrorHandler('strict')` …) and user
//     handlers (`codecs.register_error`) are registered with
//     `registerErrorHandler` by the interpreter.
// The registry is per JS realm (per worker): the interpreter registers a user
// handler in every thread, like its other per-thread caches.

/** A Python str as code points (lone surrogates allowed). */
export type CodePoints = ArrayLike<number>;

export interface UnicodeEncodeErrorValue {
  readonly type: 'UnicodeEncodeError';
  readonly encoding: string;
  readonly object: CodePoints;
  readonly start: number;
  readonly end: number;
  readonly reason: string;
  /** str() of the exception, as CPython formats it. */
  readonly message: string;
}

export interface UnicodeDecodeErrorValue {
  readonly type: 'UnicodeDecodeError';
  readonly encoding: string;
  readonly object: Uint8Array;
  readonly start: number;
  readonly end: number;
  readonly reason: string;
  readonly message: string;
}

/** Other Python exceptions a codec call can raise (type name and str()). */
export interface SimpleErrorValue {
  readonly type: 'LookupError' | 'TypeError' | 'IndexError' | 'UnicodeError';
  readonly message: string;
}

/** An exception raised by a user error handler, passed through untouched. */
export interface HostErrorValue {
  readonly type: 'host';
  readonly value: unknown;
  /**
   * Set when the codec was reached through the registry: CPython then re-raises
   * an exception of a plain type as "<wrapContext> (Type: message)".
   */
  readonly wrapContext?: string;
}

export type CodecError = UnicodeEncodeErrorValue | UnicodeDecodeErrorValue | SimpleErrorValue | HostErrorValue;

export type CodecResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CodecError };

export const ok = <T>(value: T): CodecResult<T> => ({ ok: true, value });
export const fail = <T>(error: CodecError): CodecResult<T> => ({ ok: false, error });

const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');

/** Python's `'\x..'`-style escape of one code point inside the message. */
function charEscape(c: number): string {
  if (c <= 0xff) return '\\x' + hex(c, 2);
  if (c <= 0xffff) return '\\u' + hex(c, 4);
  return '\\U' + hex(c, 8);
}

/** UnicodeEncodeError.__str__ (Objects/exceptions.c UnicodeEncodeError_str). */
export function encodeError(encoding: string, object: CodePoints, start: number, end: number, reason: string): UnicodeEncodeErrorValue {
  let message: string;
  if (start < object.length && end === start + 1) {
    message = `'${encoding}' codec can't encode character '${charEscape(object[start]!)}' in position ${start}: ${reason}`;
  } else {
    message = `'${encoding}' codec can't encode characters in position ${start}-${end - 1}: ${reason}`;
  }
  return { type: 'UnicodeEncodeError', encoding, object, start, end, reason, message };
}

/** UnicodeDecodeError.__str__ (Objects/exceptions.c UnicodeDecodeError_str). */
export function decodeError(encoding: string, object: Uint8Array, start: number, end: number, reason: string): UnicodeDecodeErrorValue {
  let message: string;
  if (start < object.length && end === start + 1) {
    message = `'${encoding}' codec can't decode byte 0x${hex(object[start]!, 2)} in position ${start}: ${reason}`;
  } else {
    message = `'${encoding}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
  }
  return { type: 'UnicodeDecodeError', encoding, object, start, end, reason, message };
}

// ---------------------------------------------------------------------------
// Generic handler interface

/** What an error handler returns: a replacement and where to resume, or an error. */
export type HandlerResult =
  | { readonly str: CodePoints; readonly pos: number }
  | { readonly bytes: Uint8Array; readonly pos: number }
  | { readonly error: CodecError };

export type ErrorHandler = (exc: UnicodeEncodeErrorValue | UnicodeDecodeErrorValue) => HandlerResult;

/** Builtin names that codecs may handle inline (CPython's _Py_error_handler). */
export type HandlerKind =
  | 'strict' | 'ignore' | 'replace' | 'backslashreplace' | 'xmlcharrefreplace'
  | 'surrogateescape' | 'surrogatepass' | 'namereplace' | 'other';

const KINDS: ReadonlySet<string> = new Set([
  'strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'surrogatepass', 'namereplace',
]);

/** `_Py_GetErrorHandler`: the inline kind for an `errors` argument (undefined = strict). */
export function handlerKind(errors: string | undefined): HandlerKind {
  if (errors === undefined) return 'strict';
  return KINDS.has(errors) ? (errors as HandlerKind) : 'other';
}

const typeErr = (kind: string): HandlerResult => ({ error: { type: 'TypeError', message: `don't know how to handle ${kind} in error callback` } });

/** PyCodec_StrictErrors. */
const strictErrors: ErrorHandler = (exc) => ({ error: exc });

/** PyCodec_IgnoreErrors. */
const ignoreErrors: ErrorHandler = (exc) => ({ str: [], pos: exc.end });

/** PyCodec_ReplaceErrors: '?' per character on encode, one U+FFFD on decode. */
const replaceErrors: ErrorHandler = (exc) => {
  if (exc.type === 'UnicodeEncodeError') return { str: new Array<number>(exc.end - exc.start).fill(0x3f), pos: exc.end };
  return { str: [0xfffd], pos: exc.end };
};

/** Append the ASCII code points of `s` to `out`. */
function pushAscii(out: number[], s: string): void {
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}

/** PyCodec_BackslashReplaceErrors. */
const backslashReplaceErrors: ErrorHandler = (exc) => {
  const out: number[] = [];
  if (exc.type === 'UnicodeEncodeError') {
    for (let i = exc.start; i < exc.end; i++) pushAscii(out, charEscape(exc.object[i]!));
  } else {
    for (let i = exc.start; i < exc.end; i++) pushAscii(out, '\\x' + hex(exc.object[i]!, 2));
  }
  return { str: out, pos: exc.end };
};

/** PyCodec_XMLCharRefReplaceErrors (encode only). */
const xmlCharRefReplaceErrors: ErrorHandler = (exc) => {
  if (exc.type !== 'UnicodeEncodeError') return typeErr(exc.type);
  const out: number[] = [];
  for (let i = exc.start; i < exc.end; i++) pushAscii(out, `&#${exc.object[i]!};`);
  return { str: out, pos: exc.end };
};

/** Character names for 'namereplace' (code point -> name), supplied by a higher layer. */
let charNameLookup: ((cp: number) => string | undefined) | undefined;

/**
 * Installs the Unicode character-name table used by 'namereplace'. The table
 * lives in the interpreter's lexer, above this package; until it is installed,
 * 'namereplace' falls back to backslash escapes for every character.
 */
export function setCharNameLookup(fn: ((cp: number) => string | undefined) | undefined): void {
  charNameLookup = fn;
}

/** PyCodec_NameReplaceErrors (encode only): \N{NAME}, else a backslash escape. */
const nameReplaceErrors: ErrorHandler = (exc) => {
  if (exc.type !== 'UnicodeEncodeError') return typeErr(exc.type);
  const out: number[] = [];
  for (let i = exc.start; i < exc.end; i++) {
    const c = exc.object[i]!;
    const name = charNameLookup?.(c);
    pushAscii(out, name !== undefined ? `\\N{${name}}` : charEscape(c));
  }
  return { str: out, pos: exc.end };
};

/** PyCodec_SurrogateEscapeErrors. */
const surrogateEscapeErrors: ErrorHandler = (exc) => {
  if (exc.type === 'UnicodeEncodeError') {
    const out = new Uint8Array(exc.end - exc.start);
    for (let i = exc.start; i < exc.end; i++) {
      const c = exc.object[i]!;
      if (c < 0xdc80 || c > 0xdcff) return { error: exc };
      out[i - exc.start] = c - 0xdc00;
    }
    return { bytes: out, pos: exc.end };
  }
  // At most 4 bytes, and never an ASCII byte.
  const out: number[] = [];
  while (out.length < 4 && exc.start + out.length < exc.end) {
    const b = exc.object[exc.start + out.length]!;
    if (b < 0x80) break;
    out.push(0xdc00 + b);
  }
  if (out.length === 0) return { error: exc };
  return { str: out, pos: exc.start + out.length };
};

/** The UTF flavour named by an exception's encoding (get_standard_encoding). */
type StdEnc = 'utf-8' | 'utf-16-le' | 'utf-16-be' | 'utf-32-le' | 'utf-32-be' | undefined;

function standardEncoding(name: string): StdEnc {
  const n = name.toLowerCase();
  if (!n.startsWith('utf')) return undefined;
  let rest = n.slice(3);
  if (rest.startsWith('-') || rest.startsWith('_')) rest = rest.slice(1);
  // Native byte order is little-endian (x86, wasm), as on the CPython we mirror.
  switch (rest) {
    case '8': return 'utf-8';
    case '16': case '16-le': case '16le': case '16_le': return 'utf-16-le';
    case '16-be': case '16be': case '16_be': return 'utf-16-be';
    case '32': case '32-le': case '32le': case '32_le': return 'utf-32-le';
    case '32-be': case '32be': case '32_be': return 'utf-32-be';
    default: return undefined;
  }
}

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/** PyCodec_SurrogatePassErrors: surrogates through utf-8/16/32 as if they were valid. */
const surrogatePassErrors: ErrorHandler = (exc) => {
  const enc = standardEncoding(exc.encoding);
  if (enc === undefined) return { error: exc };
  if (exc.type === 'UnicodeEncodeError') {
    const width = enc === 'utf-8' ? 3 : enc.startsWith('utf-16') ? 2 : 4;
    const out = new Uint8Array((exc.end - exc.start) * width);
    let o = 0;
    for (let i = exc.start; i < exc.end; i++) {
      const c = exc.object[i]!;
      if (!isSurrogate(c)) return { error: exc };
      switch (enc) {
        case 'utf-8': out[o++] = 0xe0 | (c >> 12); out[o++] = 0x80 | ((c >> 6) & 0x3f); out[o++] = 0x80 | (c & 0x3f); break;
        case 'utf-16-le': out[o++] = c & 0xff; out[o++] = c >> 8; break;
        case 'utf-16-be': out[o++] = c >> 8; out[o++] = c & 0xff; break;
        case 'utf-32-le': out[o++] = c & 0xff; out[o++] = c >> 8; out[o++] = 0; out[o++] = 0; break;
        case 'utf-32-be': out[o++] = 0; out[o++] = 0; out[o++] = c >> 8; out[o++] = c & 0xff; break;
      }
    }
    return { bytes: out, pos: exc.end };
  }
  // Decode: try one surrogate at `start`; the codec calls again for more.
  const p = exc.object;
  const s = exc.start;
  const width = enc === 'utf-8' ? 3 : enc.startsWith('utf-16') ? 2 : 4;
  let c = 0;
  if (p.length - s >= width) {
    switch (enc) {
      case 'utf-8':
        if ((p[s]! & 0xf0) === 0xe0 && (p[s + 1]! & 0xc0) === 0x80 && (p[s + 2]! & 0xc0) === 0x80) {
          c = ((p[s]! & 0x0f) << 12) + ((p[s + 1]! & 0x3f) << 6) + (p[s + 2]! & 0x3f);
        }
        break;
      case 'utf-16-le': c = (p[s + 1]! << 8) | p[s]!; break;
      case 'utf-16-be': c = (p[s]! << 8) | p[s + 1]!; break;
      case 'utf-32-le': c = ((p[s + 3]! << 24) | (p[s + 2]! << 16) | (p[s + 1]! << 8) | p[s]!) >>> 0; break;
      case 'utf-32-be': c = ((p[s]! << 24) | (p[s + 1]! << 16) | (p[s + 2]! << 8) | p[s + 3]!) >>> 0; break;
    }
  }
  if (!isSurrogate(c)) return { error: exc };
  return { str: [c], pos: s + width };
};

const registry = new Map<string, ErrorHandler>([
  ['strict', strictErrors],
  ['ignore', ignoreErrors],
  ['replace', replaceErrors],
  ['backslashreplace', backslashReplaceErrors],
  ['xmlcharrefreplace', xmlCharRefReplaceErrors],
  ['namereplace', nameReplaceErrors],
  ['surrogateescape', surrogateEscapeErrors],
  ['surrogatepass', surrogatePassErrors],
]);

/** codecs.register_error(name, handler). */
export function registerErrorHandler(name: string, handler: ErrorHandler): void {
  registry.set(name, handler);
}

/** codecs.lookup_error(name): the handler, or LookupError. */
export function lookupErrorHandler(name: string): ErrorHandler | SimpleErrorValue {
  return registry.get(name) ?? { type: 'LookupError', message: `unknown error handler name '${name}'` };
}

/** A replacement chosen by a handler, with its resume position already validated. */
export type Replacement = { readonly str: CodePoints; readonly pos: number } | { readonly bytes: Uint8Array; readonly pos: number };

/**
 * Calls the handler named `errors` for `exc` (unicode_encode_call_errorhandler /
 * unicode_decode_call_errorhandler_writer): looks it up, normalises a negative
 * resume position, and checks it is within the object.
 */
export function callErrorHandler(errors: string | undefined, exc: UnicodeEncodeErrorValue | UnicodeDecodeErrorValue): Replacement | { readonly error: CodecError } {
  const h = lookupErrorHandler(errors ?? 'strict');
  if (typeof h !== 'function') return { error: h };
  const r = h(exc);
  if ('error' in r) return r;
  if (exc.type === 'UnicodeDecodeError' && 'bytes' in r) {
    return { error: { type: 'TypeError', message: 'decoding error handler must return (str, int) tuple' } };
  }
  const len = exc.object.length;
  let pos = r.pos;
  if (pos < 0) pos += len;
  if (pos < 0 || pos > len) return { error: { type: 'IndexError', message: `position ${pos} from error handler out of bounds` } };
  return 'str' in r ? { str: r.str, pos } : { bytes: r.bytes, pos };
}
