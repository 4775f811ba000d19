// The small code point sets that str.splitlines, str.split() and str.strip() share:
// line boundaries (Py_UNICODE_ISLINEBREAK) and whitespace (Py_UNICODE_ISSPACE,
// bidirectional WS/B/S or category Zs). Both sets are fixed for Unicode 14.0 and
// test/unicode checks them against python3 for every code point.

/** str.splitlines boundaries: \n \v \f \r \x1c \x1d \x1e \x85 U+2028 U+2029 (\r\n is one). */
export const LINE_BREAKS: readonly number[] = [0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029];

/** str.split() / str.strip() default whitespace. */
export const WHITESPACE: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
  0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];

export function isLineBreak(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x0a && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1e);
  return cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

export function isWhitespace(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20);
  return (
    cp === 0x85 || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000
  );
}
