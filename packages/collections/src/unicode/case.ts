// str.upper, lower, casefold, title, capitalize and swapcase as CPython 3.11
// computes them (Objects/unicodeobject.c: do_upper, do_lower, do_casefold,
// do_title, do_capitalize, do_swapcase), over code points. Every mapping is the
// full (possibly multi-character) one; lower() of U+03A3 applies CPython's
// final-sigma rule (handle_capital_sigma), which also applies inside title(),
// capitalize() and swapcase(), since they all lower through lower_ucs4.
//
// The *CodePoints functions take any array of code points (a lone surrogate is a
// code point like any other). The string wrappers walk a JS string by code point;
// a surrogate pair in a JS string is one astral code point.
import {
  pushMapping, typeFlags, MAP_UPPER, MAP_LOWER, MAP_TITLE, MAP_FOLD, F_CASED, F_CASE_IGNORABLE, F_UPPER, F_LOWER,
} from './ucd.js';
import { codePointsOf, stringOf, isAsciiString } from './code-points.js';

const CAPITAL_SIGMA = 0x3a3;
const SMALL_SIGMA = 0x3c3;
const FINAL_SIGMA = 0x3c2;

/**
 * handle_capital_sigma: U+03A3 at index i lowers to final sigma when a cased
 * character precedes it and none follows, skipping case-ignorable characters
 * both ways.
 */
function lowerSigma(cps: ArrayLike<number>, i: number): number {
  let j = i - 1;
  let c = 0;
  for (; j >= 0; j--) {
    c = cps[j]!;
    if (!(typeFlags(c) & F_CASE_IGNORABLE)) break;
  }
  let final = j >= 0 && (typeFlags(c) & F_CASED) !== 0;
  if (final) {
    j = i + 1;
    for (; j < cps.length; j++) {
      c = cps[j]!;
      if (!(typeFlags(c) & F_CASE_IGNORABLE)) break;
    }
    final = j === cps.length || !(typeFlags(c) & F_CASED);
  }
  return final ? FINAL_SIGMA : SMALL_SIGMA;
}

/** lower_ucs4: lower-case the code point at index i, in context. */
function pushLowerAt(cps: ArrayLike<number>, i: number, out: number[]): void {
  const c = cps[i]!;
  if (c === CAPITAL_SIGMA) out.push(lowerSigma(cps, i));
  else pushMapping(c, MAP_LOWER, out);
}

export function upperCodePoints(cps: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) pushMapping(cps[i]!, MAP_UPPER, out);
  return out;
}

export function lowerCodePoints(cps: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) pushLowerAt(cps, i, out);
  return out;
}

export function casefoldCodePoints(cps: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) pushMapping(cps[i]!, MAP_FOLD, out);
  return out;
}

/** do_title: titlecase after an uncased character, lowercase after a cased one. */
export function titleCodePoints(cps: ArrayLike<number>): number[] {
  const out: number[] = [];
  let previousIsCased = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (previousIsCased) pushLowerAt(cps, i, out);
    else pushMapping(c, MAP_TITLE, out);
    previousIsCased = (typeFlags(c) & F_CASED) !== 0;
  }
  return out;
}

/** do_capitalize (3.8+): the first character titlecased, the rest lowercased. */
export function capitalizeCodePoints(cps: ArrayLike<number>): number[] {
  const out: number[] = [];
  if (cps.length === 0) return out;
  pushMapping(cps[0]!, MAP_TITLE, out);
  for (let i = 1; i < cps.length; i++) pushLowerAt(cps, i, out);
  return out;
}

/** do_swapcase: upper characters lowered (with final sigma), lower ones uppered. */
export function swapcaseCodePoints(cps: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    const f = typeFlags(c);
    if (f & F_UPPER) pushLowerAt(cps, i, out);
    else if (f & F_LOWER) pushMapping(c, MAP_UPPER, out);
    else out.push(c);
  }
  return out;
}

// ASCII strings: JS's own ASCII case mapping is exactly Python's there.

export function strUpper(s: string): string {
  return isAsciiString(s) ? s.toUpperCase() : stringOf(upperCodePoints(codePointsOf(s)));
}

export function strLower(s: string): string {
  return isAsciiString(s) ? s.toLowerCase() : stringOf(lowerCodePoints(codePointsOf(s)));
}

export function strCasefold(s: string): string {
  return isAsciiString(s) ? s.toLowerCase() : stringOf(casefoldCodePoints(codePointsOf(s)));
}

export function strTitle(s: string): string {
  return stringOf(titleCodePoints(codePointsOf(s)));
}

export function strCapitalize(s: string): string {
  return stringOf(capitalizeCodePoints(codePointsOf(s)));
}

export function strSwapcase(s: string): string {
  return stringOf(swapcaseCodePoints(codePointsOf(s)));
}
