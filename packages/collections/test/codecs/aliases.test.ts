// The codec name table: every alias we support, in assorted spellings, must
// resolve as python3's codecs.lookup(name).name does, and unknown names must
// raise the same LookupError text (compared in one python3 batch).

import { describe, expect, it } from 'vitest';
import { lookupCodec, encodeStr } from '../../src/codecs/index.js';
import { ALIASES, CODEC_NAMES } from '../../src/codecs/aliases.js';
import { runPython } from './py.js';

function spellings(name: string): string[] {
  const up = name.toUpperCase();
  return [name, up, name.replace(/_/g, '-'), up.replace(/_/g, ' '), ` ${name}-`, name.replace(/_/g, '--'), `*${name}`];
}

describe('codec lookup vs python3', () => {
  it('aliases, module names and spellings', () => {
    const names = [...Object.keys(ALIASES), ...Object.keys(CODEC_NAMES)].flatMap(spellings);
    names.push('utf.8', 'utf_8.', 'ÿutf8', 'utf8é', 'UTF-8', 'Latin-1', 'latin 1', 'iso-8859-1', 'ISO_8859-1:1987', 'us-ascii',
      'windows-1252', 'xyz', '', 'constructor', '__proto__', 'toString', 'utf-7', 'cp1251', 'utf_16le', 'utf-32le', 'l1', 'L1', 'U8');
    const py = runPython<(string | { err: string; msg: string })[]>(`
out = []
for n in inp:
    try: out.append(codecs.lookup(n).name)
    except LookupError as e: out.append({'err': 'LookupError', 'msg': str(e)})
print(json.dumps(out))
`, names);
    // Names that CPython resolves to codecs outside our set are skipped, not faked.
    const ours = names.map((n) => {
      const r = lookupCodec(n);
      return 'type' in r ? { err: r.type, msg: r.message } : r.name;
    });
    for (let i = 0; i < names.length; i++) {
      const p = py[i]!;
      if (typeof p === 'string' && !Object.values(CODEC_NAMES).includes(p)) continue;
      expect([names[i], ours[i]]).toEqual([names[i], p]);
    }
  });

  it('str.encode reports an unknown encoding unwrapped', () => {
    const r = encodeStr([0x61], 'xyz');
    expect(r).toEqual({ ok: false, error: { type: 'LookupError', message: 'unknown encoding: xyz' } });
  });
});
