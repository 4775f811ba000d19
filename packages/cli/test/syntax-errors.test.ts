// `pynogil file.py` and `pynogil -c code` on programs with syntax errors print what
// python3 prints (stderr byte for byte, with the program name replaced) and exit
// with the same status. The programs are the parser's invalid-program table plus
// cases with non-ASCII text before the error (where CPython's caret position
// depends on whether the source came from a file or from -c). Programs that
// compile but fail at run time are left out until the eval loop exists: python3's
// compile() decides, in the same python3 batch.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '@pynogil/cli';
import { INVALID_PROGRAMS } from '../../interpreter/test/parser/invalid-programs.js';

const EXTRA = [
  "x = 'héllo' + + \n",
  "a = '日本語' if True else 1 2\n",
  'é = 1\n\tf() = é\n',
  "s = 'ü'; f(x for x in y, 1)\n",
  "x = f'{a b}'\n",
  'if True:\n        x = 1\n      y = 2\n',
  'def f():\n\tif 1:\n        pass\n',
  "'''abc\n\n",
  // rejected by the symbol table or the code generator, not the parser
  'return 1\n',
  'def f():\n    x = 1\n    global x\n',
  'for x in y:\n    pass\nbreak\n',
  'class C:\n    def f(self):\n        nonlocal q\n',
  "é = 'ü'; continue\n",
  'async def f():\n    yield 1\n    return 2\n',
  'def f(a, a):\n    pass\n',
  'match x:\n    case a:\n        pass\n    case 1:\n        pass\n',
  '[*a, *b] = c\n',
  'x = 1\nif x is 1:\n    pass\n',
];

interface Expected { compileError: boolean; file: [number, string]; command: [number, string] }

function python3Batch(dir: string, files: string[]): Expected[] {
  const driver = `
import json, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
def one(f):
    src = open(f, 'rb').read()
    try:
        compile(src, f, 'exec')
        compile_error = False
    except SyntaxError:
        compile_error = True
    a = subprocess.run([sys.executable, f], capture_output=True)
    b = subprocess.run([sys.executable, '-c', src.decode('utf-8', 'surrogateescape')], capture_output=True)
    return {'compileError': compile_error,
            'file': [a.returncode, a.stderr.decode('utf-8', 'replace')],
            'command': [b.returncode, b.stderr.decode('utf-8', 'replace')]}
with ThreadPoolExecutor(4) as pool:
    print(json.dumps(list(pool.map(one, sys.argv[1:]))))
`;
  return JSON.parse(execFileSync('python3', ['-c', driver, ...files], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 }));
}

async function ours(args: string[], cwd: string): Promise<[number, string]> {
  let err = '';
  const old = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(args, { stdout: () => {}, stderr: (s) => { err += s; } });
    return [code, err];
  } finally {
    process.chdir(old);
  }
}

describe('syntax errors are reported as python3 reports them', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pynogil-se-'));
  const programs = [...INVALID_PROGRAMS, ...EXTRA].filter((p) => !p.includes('\0'));
  const files = programs.map((src, i) => {
    const f = `case${i}.py`;
    fs.writeFileSync(path.join(dir, f), src);
    return f;
  });
  const expected = python3Batch(dir, files);

  it('covers enough syntax errors to mean something', () => {
    expect(expected.filter((e) => e.compileError).length).toBeGreaterThan(60);
  });

  it.each(files.map((f, i) => [f, i] as const))('%s', async (f, i) => {
    const e = expected[i]!;
    if (!e.compileError) return; // compiles: running it needs the eval loop
    const [fileCode, fileErr] = await ours([f], dir);
    expect({ code: fileCode, stderr: fileErr }).toEqual({ code: e.file[0], stderr: e.file[1] });
    const [cmdCode, cmdErr] = await ours(['-c', programs[i]!], dir);
    expect({ code: cmdCode, stderr: cmdErr }).toEqual({ code: e.command[0], stderr: e.command[1] });
  });
});
