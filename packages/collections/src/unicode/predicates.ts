// The str predicates of CPython 3.11 (Objects/unicodeobject.c: unicode_isalpha_impl
// and friends), over code points, with JS-string wrappers. Per-character flags come
// from ucd.ts; the string-level rules (empty string, cased-ness for islower /
// isupper / istitle, XID for isidentifier) are CPython's.
import {
  typeFlags, typeTablesDecoded, typeRecord, F_ALPHA, F_DECIMAL, F_DIGIT, F_NUMERIC, F_LOWER, F_UPPER, F_TITLE, F_SPACE, F_PRINTABLE,
  F_XID_START, F_XID_CONTINUE,
} from './ucd.js';
import { codePointsOf } from './code-points.js';

type CodePoints = ArrayLike<number>;

/** True when every code point has one of `mask`'s flags and there is at least one. */
function allHave(cps: CodePoints, mask: number): boolean {
  if (cps.length === 0) return false;
  for (let i = 0; i < cps.length; i++) if (!(typeFlags(cps[i]!) & mask)) return false;
  return true;
}

export const isAlphaCodePoints = (cps: CodePoints): boolean => allHave(cps, F_ALPHA);
export const isDecimalCodePoints = (cps: CodePoints): boolean => allHave(cps, F_DECIMAL);
export const isDigitCodePoints = (cps: CodePoints): boolean => allHave(cps, F_DIGIT);
export const isNumericCodePoints = (cps: CodePoints): boolean => allHave(cps, F_NUMERIC);
/** Py_UNICODE_ISALNUM: alpha, decimal, digit or numeric. */
export const isAlnumCodePoints = (cps: CodePoints): boolean =>
  allHave(cps, F_ALPHA | F_DECIMAL | F_DIGIT | F_NUMERIC);
/** Py_UNICODE_ISSPACE: bidirectional WS, B, S or category Zs. */
export const isSpaceCodePoints = (cps: CodePoints): boolean => allHave(cps, F_SPACE);

/** unicode_isprintable_impl: True for the empty string. */
export function isPrintableCodePoints(cps: CodePoints): boolean {
  for (let i = 0; i < cps.length; i++) if (!(typeFlags(cps[i]!) & F_PRINTABLE)) return false;
  return true;
}

export function isAsciiCodePoints(cps: CodePoints): boolean {
  for (let i = 0; i < cps.length; i++) if (cps[i]! >= 128) return false;
  return true;
}

/** unicode_islower_impl: no upper/title character, at least one lower one. */
export function isLowerCodePoints(cps: CodePoints): boolean {
  let cased = false;
  for (let i = 0; i < cps.length; i++) {
    const f = typeFlags(cps[i]!);
    if (f & (F_UPPER | F_TITLE)) return false;
    if (f & F_LOWER) cased = true;
  }
  return cased;
}

/** unicode_isupper_impl: no lower/title character, at least one upper one. */
export function isUpperCodePoints(cps: CodePoints): boolean {
  let cased = false;
  for (let i = 0; i < cps.length; i++) {
    const f = typeFlags(cps[i]!);
    if (f & (F_LOWER | F_TITLE)) return false;
    if (f & F_UPPER) cased = true;
  }
  return cased;
}

/**
 * unicode_istitle_impl: upper/title characters only after uncased ones, lower
 * ones only after cased ones, and at least one cased character.
 */
export function isTitleCodePoints(cps: CodePoints): boolean {
  let cased = false;
  let previousIsCased = false;
  for (let i = 0; i < cps.length; i++) {
    const f = typeFlags(cps[i]!);
    if (f & (F_UPPER | F_TITLE)) {
      if (previousIsCased) return false;
      previousIsCased = cased = true;
    } else if (f & F_LOWER) {
      if (!previousIsCased) return false;
      previousIsCased = cased = true;
    } else previousIsCased = false;
  }
  return cased;
}

/** _PyUnicode_ScanIdentifier: XID_Start or '_' first, then XID_Continue. */
export function isIdentifierCodePoints(cps: CodePoints): boolean {
  if (cps.length === 0) return false;
  const first = cps[0]!;
  if (!(typeFlags(first) & F_XID_START) && first !== 0x5f) return false;
  for (let i = 1; i < cps.length; i++) if (!(typeFlags(cps[i]!) & F_XID_CONTINUE)) return false;
  return true;
}

/**
 * Flags of U+0000..U+00FF (built at the first predicate call), and of the whole BMP
 * (built at the first predicate call on a non-Latin-1 string: 64K lookups, ~1 ms,
 * 128 KB per thread), so that the str.is* loops read one array per code unit.
 */
let latin1: Uint16Array | undefined;
let bmp: Uint16Array | undefined;

function flagsUpTo(n: number): Uint16Array {
  const t = typeTablesDecoded();
  const out = new Uint16Array(n);
  for (let c = 0; c < n; c++) out[c] = t.flags[typeRecord(t, c)]!;
  return out;
}

function strAllHave(s: string, mask: number): boolean {
  if (s.length === 0) return false;
  const a = (latin1 ??= flagsUpTo(256));
  let i = 0;
  for (; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 256) break;
    if (!(a[u]! & mask)) return false;
  }
  if (i === s.length) return true;
  const b = (bmp ??= flagsUpTo(0x10000));
  const t = typeTablesDecoded();
  for (; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0xd800 || u > 0xdfff) {
      if (!(b[u]! & mask)) return false;
      continue;
    }
    const c = s.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (!(t.flags[typeRecord(t, c)]! & mask)) return false;
  }
  return true;
}

export const strIsAlpha = (s: string): boolean => strAllHave(s, F_ALPHA);
export const strIsDecimal = (s: string): boolean => strAllHave(s, F_DECIMAL);
export const strIsDigit = (s: string): boolean => strAllHave(s, F_DIGIT);
export const strIsNumeric = (s: string): boolean => strAllHave(s, F_NUMERIC);
export const strIsAlnum = (s: string): boolean => strAllHave(s, F_ALPHA | F_DECIMAL | F_DIGIT | F_NUMERIC);
export const strIsSpace = (s: string): boolean => strAllHave(s, F_SPACE);
export const strIsPrintable = (s: string): boolean => s.length === 0 || strAllHave(s, F_PRINTABLE);
export const strIsAscii = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
};
export const strIsLower = (s: string): boolean => isLowerCodePoints(codePointsOf(s));
export const strIsUpper = (s: string): boolean => isUpperCodePoints(codePointsOf(s));
export const strIsTitle = (s: string): boolean => isTitleCodePoints(codePointsOf(s));
export const strIsIdentifier = (s: string): boolean => isIdentifierCodePoints(codePointsOf(s));
