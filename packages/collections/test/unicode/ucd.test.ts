// unicodedata lookups for every code point compared with python3 block by block:
// category, bidirectional, decimal, digit, numeric, east_asian_width, mirrored,
// combining; and the numeric core's Unicode digit parsing (numeric/text.ts) that
// now reads the same table.
import { describe, expect, it } from 'vitest';
import * as U from '../../src/unicode/index.js';
import { unicodeDecimalValue, isPyWhitespace } from '../../src/numeric/text.js';
import { compareBlocks, runPython } from './py.js';

/** repr() of the floats unicodedata.numeric returns (all |x| <= 1e16, few digits). */
function floatRepr(x: number): string {
  if (Math.abs(x) >= 1e16) return x.toExponential().replace(/e\+?(-?)(\d)$/, 'e+$1$2').replace('e+-', 'e-');
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

describe('unicode: unicodedata against python3', () => {
  it('category, bidirectional, east_asian_width, mirrored, combining, decimal, digit, numeric', () => {
    const diffs = compareBlocks(
      '',
      "' '.join((unicodedata.category(ch), unicodedata.bidirectional(ch), unicodedata.east_asian_width(ch), " +
        'str(unicodedata.mirrored(ch)), str(unicodedata.combining(ch)), str(unicodedata.decimal(ch, -1)), ' +
        "str(unicodedata.digit(ch, -1)), repr(unicodedata.numeric(ch, None))))",
      (c) => {
        const n = U.numericValue(c);
        return [
          U.category(c), U.bidirectional(c), U.eastAsianWidth(c), String(U.mirrored(c)), String(U.combining(c)),
          String(U.decimalValue(c)), String(U.digitValue(c)), Number.isNaN(n) ? 'None' : floatRepr(n),
        ].join(' ');
      },
    );
    expect(diffs).toEqual([]);
  });

  it('numeric/text.ts: Unicode decimal digits and whitespace for int()/float()', () => {
    const diffs = compareBlocks(
      '',
      "str(unicodedata.decimal(ch, -1)) + ('1' if ch.isspace() else '0')",
      (c) => String(unicodeDecimalValue(c)) + (isPyWhitespace(c) ? '1' : '0'),
    );
    expect(diffs).toEqual([]);
  });

  it('floatRepr matches python for the values it is used on', () => {
    const xs = [0.5, -0.5, 1e16, 1e12, 1 / 3, 12, 0.0625];
    expect(xs.map(floatRepr)).toEqual(runPython<string[]>('import json; print(json.dumps([repr(x) for x in (0.5, -0.5, 1e16, 1e12, 1/3, 12.0, 0.0625)]))'));
  });
});

describe('unicode: the generated tables', () => {
  it('were generated from the Unicode version of this python3', () => {
    expect(U.UNICODE_VERSION).toBe(runPython<string>('import json, unicodedata; print(json.dumps(unicodedata.unidata_version))'));
  });
});
