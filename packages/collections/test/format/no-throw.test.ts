// Robustness: no input makes the formatters throw a JS exception (STYLE
// habit 4). Random strings over a pool rich in syntax characters, Unicode
// digits, astral characters and lone surrogates, used as specs, templates
// and printf formats with assorted arguments; each call must return a
// result or an error value. (Correctness is the differential tests' job.)
import { describe, expect, it } from 'vitest';
import {
  formatValue, printfStr, printfBytes, strFormat, strFormatMap, parseFormatString, fieldNameSplit, isFmtError, fmtArg,
  type FormatArg,
} from '../../src/format/index.js';
import { Rng } from './rng.js';
import { NONE, numArg, dictArg, testHooks } from './values.js';

const POOL = [...'{}[]%().!:<>=^+- #0z,_*lhL123456789sdrxXabcefgnEFGio%', '\u0665', '😀', '\ud800', '\udc00', 'é', '\x00', '\x7f'];

const ARGS: FormatArg[] = [
  fmtArg.int(5), fmtArg.int(-(10n ** 30n)), fmtArg.bool(true), fmtArg.float(-0), fmtArg.float(NaN), fmtArg.float(1e308),
  fmtArg.complex(-0, NaN), fmtArg.str('\ud800x😀'), fmtArg.bytes(Uint8Array.of(0, 255)), fmtArg.tuple([]), NONE, numArg(7),
  dictArg([[fmtArg.str('a'), fmtArg.int(1)]]),
];

describe('no JS exceptions on arbitrary input', () => {
  it('20000 random specs / templates / printf formats', () => {
    const rng = new Rng(4242);
    let results = 0;
    const ok = (r: unknown): void => {
      const shaped = typeof r === 'string' || r instanceof Uint8Array || isFmtError(r) || Array.isArray(r)
        || (typeof r === 'object' && r !== null && 'steps' in r); // fieldNameSplit's result
      expect(shaped).toBe(true);
      results++;
    };
    for (let i = 0; i < 20000; i++) {
      let s = '';
      const len = rng.int(12);
      for (let k = 0; k < len; k++) s += rng.pick(POOL);
      const a = rng.pick(ARGS);
      ok(formatValue(a, s, testHooks));
      ok(printfStr(s, rng.int(2) ? a : fmtArg.tuple([a, rng.pick(ARGS), rng.pick(ARGS)]), testHooks));
      ok(printfBytes(Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff), a, testHooks));
      ok(strFormat(s, [a, rng.pick(ARGS)], rng.pick(ARGS), testHooks));
      ok(strFormatMap(s, a, testHooks));
      ok(parseFormatString(s));
      ok(fieldNameSplit(s));
    }
    expect(results).toBe(140000);
  });
});
