// Walking a JS string by code point and back. A surrogate pair is one astral code
// point; a lone surrogate is a code point of its own (as in a Python str). Note
// that a Python str holding a lone high surrogate followed by a lone low one has
// no faithful JS string form: the *CodePoints functions are the exact interface.

export function isAsciiString(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

export function codePointsOf(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

export function stringOf(cps: readonly number[]): string {
  let s = '';
  const CHUNK = 4096;
  for (let i = 0; i < cps.length; i += CHUNK) s += String.fromCodePoint(...cps.slice(i, i + CHUNK));
  return s;
}
