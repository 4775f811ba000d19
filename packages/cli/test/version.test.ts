import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/pynogil.js', import.meta.url));

describe('pynogil --version', () => {
  it('prints the Python version it implements, like python3 -V', () => {
    const ours = execFileSync(process.execPath, [bin, '-V'], { encoding: 'utf8' });
    const theirs = execFileSync('python3', ['-V'], { encoding: 'utf8' });
    // python3 -V prints "Python 3.11.x"; we print the same prefix and our own version.
    expect(ours.startsWith(theirs.trim().split('.').slice(0, 2).join('.'))).toBe(true);
  });
});
