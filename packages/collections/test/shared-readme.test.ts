// Runs the two-worker example of README.md exactly as written: the two code
// blocks are written to a temporary directory inside this package (so that
// '@pynogil/…' imports resolve) and main.mjs is run with node.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('README example', () => {
  it('main.mjs + worker.mjs print the documented result', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```js\n(\/\/ (\w+\.mjs)\n[\s\S]*?)```/g)];
    const files = new Map(blocks.map((m) => [m[2]!, m[1]!]));
    expect([...files.keys()].sort()).toEqual(['main.mjs', 'worker.mjs']);
    const dir = new URL(`./.readme-example-${process.pid}/`, import.meta.url);
    mkdirSync(dir, { recursive: true });
    try {
      for (const [name, code] of files) writeFileSync(new URL(name, dir), code);
      const out = execFileSync(process.execPath, [new URL('main.mjs', dir).pathname], { timeout: 30000 }).toString();
      const documented = /console\.log\(scores\.toJS\(\)\); \/\/ (.*)/.exec(files.get('main.mjs')!)![1]!;
      expect(out.trim()).toBe(documented);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
