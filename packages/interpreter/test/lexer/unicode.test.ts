// The generated Unicode data (src/lexer/unicode-tables.ts, unicode-names.ts)
// against the python3 of this machine: identifier and printable classes of every
// code point, and \N{name} lookups for every character name.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isIdentifierContinue, isIdentifierStart, isPrintable } from '../../src/lexer/chars.js';
import { lookupUnicodeName, normalizeIdentifier } from '../../src/lexer/index.js';
import { runPython } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('Unicode data against python3', () => {
  it('classifies every code point and looks up every name as CPython does', async () => {
    const out = JSON.parse(await runPython([join(here, 'py', 'unicode_oracle.py')])) as {
      bits: string[];
      names: [string, number][];
      nfkc: [number, string][];
    };
    const preds = [isIdentifierStart, isIdentifierContinue, isPrintable];
    const names = ['XID_Start', 'XID_Continue', 'printable'];
    const wrong: string[] = [];
    preds.forEach((pred, k) => {
      const b = Buffer.from(out.bits[k]!, 'base64');
      for (let cp = 0; cp < 0x110000; cp++) {
        const want = ((b[cp >> 3]! >> (cp & 7)) & 1) === 1;
        // '_' and ASCII letters are decided by the scanner, but the helpers agree too
        if (pred(cp) !== want && wrong.length < 20) wrong.push(`${names[k]} U+${cp.toString(16)}: ours ${!want}`);
      }
    });
    expect(wrong).toEqual([]);
    expect(out.names.length).toBeGreaterThan(30000);
    for (const [name, cp] of out.names) {
      if (lookupUnicodeName(name) !== cp && wrong.length < 20) wrong.push(`\\N{${name}}: ours ${lookupUnicodeName(name)}, CPython ${cp}`);
    }
    expect(wrong).toEqual([]);
    // identifier normalization (NFKC via String.prototype.normalize) for every
    // character allowed in a name
    const changed = new Map(out.nfkc);
    expect(changed.size).toBeGreaterThan(100);
    for (let cp = 0x80; cp < 0x110000; cp++) {
      if (!isIdentifierContinue(cp)) continue;
      const s = 'a' + String.fromCodePoint(cp);
      const want = changed.get(cp) ?? s;
      if (normalizeIdentifier(s) !== want && wrong.length < 20) wrong.push(`NFKC U+${cp.toString(16)}: ours ${JSON.stringify(normalizeIdentifier(s))}, CPython ${JSON.stringify(want)}`);
    }
    expect(wrong).toEqual([]);
  });
});
