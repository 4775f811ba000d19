// The disassembler against dis.dis of python3 on the snippet programs (code
// object addresses normalised), plus the opcode table against opcode.opmap,
// _inline_cache_entries and dis.stack_effect.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { compileSource } from '../../src/compiler/codegen/index.js';
import { dis } from '../../src/bytecode/dis.js';
import { realOpcodes, stackEffect } from '../../src/bytecode/opcodes.js';
import { runOracle } from './render.js';
import { SNIPPETS } from './snippets.js';
import { KNOWN } from './snippets.test.js';

const norm = (s: string): string => s.replace(/ at 0x[0-9a-f]+,/g, ' at 0x?,');

describe('disassembler vs dis.dis', () => {
  const sources = SNIPPETS.filter((s) => !KNOWN.has(s));
  const theirs = runOracle<string[]>(['dis'], sources);
  it('prints the same text for every snippet', () => {
    const diffs: string[] = [];
    sources.forEach((src, i) => {
      const r = compileSource(src, { filename: '<s>' });
      if (!r.ok) {
        diffs.push(`${JSON.stringify(src)}: ${r.error.msg}`);
        return;
      }
      const o = norm(dis(r.code));
      const t = norm(theirs[i]!);
      if (o !== t) diffs.push(`${JSON.stringify(src)}\n--- ours\n${o}--- python\n${t}`);
    });
    expect(diffs.join('\n')).toBe('');
  });
});

describe('opcode table', () => {
  it('matches opcode.opmap, cache sizes and dis.stack_effect', () => {
    const py = execFileSync('python3', ['-c', `
import opcode, dis, json
out = {}
for name, op in opcode.opmap.items():
    effs = []
    for arg in (0, 1, 2, 3, 4, 5, 7, 8, 15, 256, 258):
        for jump in (False, True):
            try:
                effs.append(dis.stack_effect(op, arg if op >= opcode.HAVE_ARGUMENT else None, jump=jump))
            except ValueError:
                effs.append(None)
    out[name] = [op, opcode._inline_cache_entries[op], effs]
print(json.dumps(out))
`]).toString();
    const want = JSON.parse(py) as Record<string, [number, number, (number | null)[]]>;
    const ours = realOpcodes();
    expect(ours.map((o) => o.name).sort()).toEqual(Object.keys(want).sort());
    const diffs: string[] = [];
    for (const o of ours) {
      const [code, caches, effs] = want[o.name]!;
      if (code !== o.code || caches !== o.caches) diffs.push(`${o.name}: ${o.code}/${o.caches} vs ${code}/${caches}`);
      let k = 0;
      for (const arg of [0, 1, 2, 3, 4, 5, 7, 8, 15, 256, 258]) {
        for (const jump of [false, true]) {
          const e = effs[k++];
          if (e !== null && e !== undefined && stackEffect(o.code, arg, jump) !== e) diffs.push(`${o.name}(${arg}, ${jump}): ${stackEffect(o.code, arg, jump)} vs ${e}`);
        }
      }
    }
    expect(diffs).toEqual([]);
  });
});
