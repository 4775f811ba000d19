// Entry of the `pynogil` command: parses python3-style arguments and runs them.
// Until the interpreter lands (issue #6), it reports its version and what works.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };

export const PYTHON_VERSION = '3.11.7';

export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === '-V' || argv[0] === '--version') {
    process.stdout.write(`Python ${PYTHON_VERSION} (pynogil ${version})\n`);
    return 0;
  }
  process.stdout.write(`pynogil ${version}: a Python without a GIL, in progress.\n`);
  return 0;
}
