// Parsing of the format-spec mini-language (Python Library Reference,
// "Format Specification Mini-Language"; CPython 3.11
// Python/formatter_unicode.c, parse_internal_render_format_spec):
//
//   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
//
// The spec is read by code points, so a fill character may be astral.
// Errors are returned as values with CPython's exact texts.

import { PyExc } from '../numeric/errors.js';
import { unicodeDecimalValue } from '../numeric/text.js';

/** A parsed format spec. `width`/`precision` are -1 when absent. Shared via a cache: never mutate. */
export interface FormatSpec {
  fill: string;
  /** '<', '>', '=', '^', or '' when not given (each type has its default). */
  align: string;
  /** '+', '-', ' ' or '' */
  sign: string;
  /** the 'z' option (3.11): coerce negative zero after rounding to zero */
  noNegZero: boolean;
  /** '#' */
  alternate: boolean;
  /** true when the '0' flag set fill to '0' (complex rejects it) */
  zeroPad: boolean;
  width: number;
  /** '', ',' or '_' */
  grouping: string;
  precision: number;
  /** the presentation type, '' when absent */
  type: string;
}

/** Largest width/precision accepted (CPython: PY_SSIZE_T_MAX; see format.md). */
const MAX_SSIZE = 9223372036854775807n;

const isAlign = (c: string | undefined): boolean => c === '<' || c === '>' || c === '=' || c === '^';
/** Py_UNICODE_TODECIMAL: any Unicode decimal digit counts (format(1, '\u0665') pads to 5). */
const digitOf = (c: string | undefined): number => (c === undefined ? -1 : unicodeDecimalValue(c.codePointAt(0)!));

/** "\x1"-style rendering of a type code in error messages. */
export function codeForMessage(c: string): string {
  const cp = c.codePointAt(0)!;
  return cp > 32 && cp < 128 ? c : '\\x' + cp.toString(16);
}

/**
 * Parse `spec` for an object of `typeName` whose default alignment is
 * `defaultAlign` ('<' for str, '>' for numbers). `defaultType` ('s' for
 * str, 'd' for int) is what the grouping check sees when no type is given;
 * the returned `type` stays '' then.
 */
export function parseFormatSpec(
  spec: string,
  typeName: string,
  defaultAlign: '<' | '>',
  defaultType = '',
): Readonly<FormatSpec> | PyExc {
  // Programs use a handful of specs over and over: parsed results (and
  // errors, which are immutable values too) are cached per thread, keyed by
  // the type name, which fixes the defaults and appears in the messages.
  let byType = SPEC_CACHE.get(typeName);
  if (byType === undefined) SPEC_CACHE.set(typeName, (byType = new Map()));
  let r = byType.get(spec);
  if (r === undefined) {
    if (byType.size >= SPEC_CACHE_LIMIT) byType.clear();
    r = parseFormatSpecUncached(spec, typeName, defaultAlign, defaultType);
    byType.set(spec, r);
  }
  return r;
}

const SPEC_CACHE = new Map<string, Map<string, Readonly<FormatSpec> | PyExc>>();
const SPEC_CACHE_LIMIT = 256;

function parseFormatSpecUncached(
  spec: string,
  typeName: string,
  defaultAlign: '<' | '>',
  defaultType: string,
): FormatSpec | PyExc {
  const cps = Array.from(spec);
  const end = cps.length;
  let pos = 0;
  const out: FormatSpec = {
    fill: ' ', align: '', sign: '', noNegZero: false, alternate: false, zeroPad: false,
    width: -1, grouping: '', precision: -1, type: '',
  };
  let fillGiven = false;
  let alignGiven = false;
  if (end - pos >= 2 && isAlign(cps[pos + 1])) {
    out.align = cps[pos + 1]!;
    out.fill = cps[pos]!;
    fillGiven = alignGiven = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(cps[pos])) {
    out.align = cps[pos]!;
    alignGiven = true;
    pos++;
  }
  const s = cps[pos];
  if (s === '+' || s === '-' || s === ' ') {
    out.sign = s;
    pos++;
  }
  if (cps[pos] === 'z') {
    out.noNegZero = true;
    pos++;
  }
  if (cps[pos] === '#') {
    out.alternate = true;
    pos++;
  }
  if (!fillGiven && cps[pos] === '0') {
    out.fill = '0';
    out.zeroPad = true;
    if (!alignGiven && defaultAlign === '>') out.align = '=';
    pos++;
  }
  const readInt = (): number | null | PyExc => {
    const start = pos;
    let v = 0n;
    for (let d = digitOf(cps[pos]); d >= 0; d = digitOf(cps[pos])) {
      v = v * 10n + BigInt(d);
      if (v > MAX_SSIZE) return new PyExc('ValueError', 'Too many decimal digits in format string');
      pos++;
    }
    if (pos === start) return null;
    return v > 0x7fffffffn ? Number.MAX_SAFE_INTEGER : Number(v);
  };
  const w = readInt();
  if (w instanceof PyExc) return w;
  if (w !== null) out.width = w;
  if (cps[pos] === ',') {
    out.grouping = ',';
    pos++;
  }
  if (cps[pos] === '_') {
    if (out.grouping !== '') return bothSeparators();
    out.grouping = '_';
    pos++;
  }
  if (cps[pos] === ',' && out.grouping === '_') return bothSeparators();
  if (cps[pos] === '.') {
    pos++;
    const p = readInt();
    if (p instanceof PyExc) return p;
    if (p === null) return new PyExc('ValueError', 'Format specifier missing precision');
    out.precision = p;
  }
  if (end - pos > 1) {
    return new PyExc('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName}'`);
  }
  if (end - pos === 1) out.type = cps[pos]!;
  if (out.grouping !== '') {
    const t = out.type === '' ? defaultType : out.type;
    const ok = t === '' || 'defgEG%F'.includes(t) || (out.grouping === '_' && 'boxX'.includes(t));
    if (!ok) return new PyExc('ValueError', `Cannot specify '${out.grouping}' with '${codeForMessage(t)}'.`);
  }
  return out;
}

function bothSeparators(): PyExc {
  return new PyExc('ValueError', "Cannot specify both ',' and '_'.");
}
