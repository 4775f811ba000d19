// The `pynogil` command: python3's command line. What runs today: argument handling
// with CPython's usage errors, reading and decoding the script (PEP 263), compiling
// it to CPython 3.11 bytecode, and printing syntax errors and SyntaxWarnings exactly
// as python3 does. Executing code needs the eval loop (not written yet): for a
// program that compiles, the command says so and exits with status 2.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { compileAst, decodeSource, formatUncaughtSyntaxError, parse, syntaxErrorFromLexError } from '@pynogil/interpreter';
import { parseArgs } from './args.js';
import { statusReport } from './status.js';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };

/** The CPython release whose behaviour pynogil reproduces. */
export const PYTHON_VERSION = '3.11.7';
export const PROGRAM = 'pynogil';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

/** Compiles `source` as python3 does before running it (parser, symbol table,
 *  code generator) and reports errors and SyntaxWarnings as python3 prints them;
 *  returns the exit status. `fromFile`: the source came from a file (CPython's file
 *  tokenizer reports parser-error columns in bytes; compiler errors always are). */
function compileOnly(source: string, filename: string, fromFile: boolean, io: Io): number {
  const parsed = parse(source, { filename, mode: 'exec' });
  if (!parsed.ok) {
    io.stderr(formatUncaughtSyntaxError({ ...parsed.error, filename }, { offsetsInBytes: fromFile }));
    return 1;
  }
  const compiled = compileAst(parsed.tree, source, filename, 'exec');
  if (!compiled.ok) {
    const e = compiled.error;
    // CPython fetches the text of a compiler error from the file on disk
    // (PyErr_ProgramTextObject): none for -c.
    io.stderr(formatUncaughtSyntaxError({
      ...e, filename, end_lineno: e.end_lineno ?? e.lineno, end_offset: e.end_offset ?? -1,
      text: fromFile ? e.text : null,
    }, { offsetsInBytes: false }));
    return 1;
  }
  const lines = fromFile ? source.split('\n') : null;
  for (const w of compiled.warnings) {
    // warnings.showwarning's format; the source line only when linecache can read it
    io.stderr(`${filename}:${w.lineno}: ${w.category}: ${w.message}\n`);
    const line = lines?.[w.lineno - 1]?.trim();
    if (line) io.stderr(`  ${line}\n`);
  }
  io.stderr(`${PROGRAM}: ${filename} compiled without errors, but this build cannot execute Python code yet ` +
    `(the eval loop is not written; see the README's Status).\n`);
  return 2;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const parsed = parseArgs(argv, PROGRAM);
  if (!parsed.ok) {
    io.stderr(parsed.message);
    return 2;
  }
  const args = parsed.args;
  switch (args.kind) {
    case 'version':
      io.stdout(`Python ${PYTHON_VERSION} (pynogil ${version})\n`);
      return 0;
    case 'help':
      io.stdout(`usage: ${PROGRAM} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n` +
        `pynogil ${version}: a Python 3.11 whose threads run in parallel without a GIL.\n` +
        `  -c cmd   program passed in as string\n  -V       print the Python version number and exit\n` +
        `  --status show what this build can do, and parse the given file\n`);
      return 0;
    case 'status':
      io.stdout(statusReport(version, args.target));
      return 0;
    case 'command':
      return compileOnly(args.target + '\n', '<string>', false, io);
    case 'script': {
      // CPython makes the script path absolute by plain joining (no normalization):
      // it is the filename of tracebacks and of "can't open file".
      const full = path.isAbsolute(args.target) ? args.target : `${process.cwd()}/${args.target}`;
      let bytes: Uint8Array;
      try {
        bytes = fs.readFileSync(args.target);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        const errno = err.code === 'ENOENT' ? '[Errno 2] No such file or directory'
          : err.code === 'EACCES' ? '[Errno 13] Permission denied'
          : err.code === 'EISDIR' ? '[Errno 21] Is a directory' : `[Errno ?] ${err.message}`;
        io.stderr(`${PROGRAM}: can't open file '${full}': ${errno}\n`);
        return 2;
      }
      const decoded = decodeSource(bytes);
      if (decoded.error !== null) {
        io.stderr(formatUncaughtSyntaxError(syntaxErrorFromLexError(decoded.error, full), { offsetsInBytes: true }));
        return 1;
      }
      return compileOnly(decoded.source, full, true, io);
    }
    default:
      io.stderr(`${PROGRAM}: reading a program from standard input, -m and the REPL need the eval loop, not written yet.\n`);
      return 2;
  }
}
