// The command line is parsed as python3 parses it: usage errors with CPython's
// texts (program name aside) and exit status 2; a missing script reported the same way.
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { main } from '@pynogil/cli';

const realPython = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();

function python3(args: string[]): [number, string] {
  const r = spawnSync(realPython, args, { cwd: os.tmpdir(), encoding: 'utf8' });
  return [r.status ?? -1, r.stderr.split(realPython).join('pynogil')];
}

async function ours(args: string[]): Promise<[number, string]> {
  let err = '';
  const old = process.cwd();
  process.chdir(os.tmpdir());
  try {
    return [await main(args, { stdout: () => {}, stderr: (s) => { err += s; } }), err];
  } finally {
    process.chdir(old);
  }
}

describe('argument errors', () => {
  it.each([
    [['-z']], [['--foo']], [['-c']], [['-W']], [['-X']], [['-m']], [['-uz']],
    [['no-such-file.py']], [['./no-such-dir/x.py']], [['/nonexistent/abs.py']],
  ])('%j', async (args) => {
    expect(await ours(args)).toEqual(python3(args));
  });
});
