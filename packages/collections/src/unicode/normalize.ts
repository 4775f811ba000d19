// unicodedata.normalize / is_normalized, exact for Unicode 14.0 (Python 3.11).
//
// Node's String.prototype.normalize uses ICU's newer Unicode (15/16 on Node 20).
// Measured over every code point (test/unicode/normalize.test.ts, against python3):
// the four forms of each single character agree with Python 3.11 for every code
// point assigned in Unicode 14.0; the ~120 that differ are all unassigned (Cn) in
// 14.0 and gained decompositions later (e.g. U+A7F1, U+105C9, U+11383). Unicode's
// stability policy keeps the decomposition and combining class of assigned
// characters fixed, so the only difference is how newer data treats code points
// that 14.0 does not know: there, a Cn code point is a starter with no
// decomposition that composes with nothing, i.e. a hard boundary. So: cut the
// string at Cn code points, normalize the pieces with JS, keep the Cn code points.
import { category } from './ucd.js';

export type NormalForm = 'NFC' | 'NFD' | 'NFKC' | 'NFKD';

export function isNormalForm(form: string): form is NormalForm {
  return form === 'NFC' || form === 'NFD' || form === 'NFKC' || form === 'NFKD';
}

/** unicodedata.normalize(form, s) for a valid form. */
export function normalize(form: NormalForm, s: string): string {
  let out = '';
  let pieceStart = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0x300) continue; // nothing below U+0300 is unassigned
    const c = s.codePointAt(i)!;
    const width = c > 0xffff ? 2 : 1;
    if (category(c) === 'Cn') {
      out += s.slice(pieceStart, i).normalize(form) + s.slice(i, i + width);
      pieceStart = i + width;
    }
    i += width - 1;
  }
  return pieceStart === 0 ? s.normalize(form) : out + s.slice(pieceStart).normalize(form);
}

/** unicodedata.is_normalized(form, s). */
export function isNormalized(form: NormalForm, s: string): boolean {
  return normalize(form, s) === s;
}
