// python3's command line, parsed the way CPython 3.11's Python/getopt.c and
// Python/initconfig.c parse it: short options may be bundled (-uc 'code'), an
// option argument may be glued or separate (-cpass, -c pass), parsing stops at the
// first of -c / -m / a script / '-', and everything after is the program's argv.
//
// Usage errors use CPython's texts with our program name, exit code 2.

/** Options that take an argument (python3: -c cmd, -m mod, -W arg, -X opt, --check-hash-based-pycs mode). */
const SHORT_WITH_ARG = new Set(['c', 'm', 'W', 'X']);
/** Flags python3 accepts. Those that change nothing before execution exists are recorded. */
const SHORT_FLAGS = new Set(['b', 'B', 'd', 'E', 'h', 'i', 'I', 'O', 'P', 'q', 's', 'S', 'u', 'v', 'V', 'x', '?', 'R']);

export interface ParsedArgs {
  kind: 'command' | 'module' | 'script' | 'stdin' | 'version' | 'help' | 'status' | 'none';
  /** the -c command, the -m module name or the script path */
  target: string;
  /** sys.argv as CPython builds it (argv[0] is '-c', the script path, '-m'/full path, or '') */
  argv: string[];
  flags: Set<string>;
  xoptions: string[];
  warnoptions: string[];
  /** -V given twice: CPython then prints build details too */
  versionVerbose: boolean;
}

export type ArgsResult = { ok: true; args: ParsedArgs } | { ok: false; message: string };

export function usageError(prog: string, first: string): string {
  return `${first}\nusage: ${prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`;
}

export function parseArgs(argv: readonly string[], prog: string): ArgsResult {
  const flags = new Set<string>();
  const xoptions: string[] = [];
  const warnoptions: string[] = [];
  let versions = 0;
  let i = 0;
  const done = (kind: ParsedArgs['kind'], target: string, rest: string[]): ArgsResult => ({
    ok: true,
    args: { kind, target, argv: rest, flags, xoptions, warnoptions, versionVerbose: versions > 1 },
  });
  while (i < argv.length) {
    const a = argv[i]!;
    if (a === '-' ) return done('stdin', '-', ['-', ...argv.slice(i + 1)]);
    if (!a.startsWith('-')) return done('script', a, argv.slice(i));
    if (a === '--') {
      const next = argv[i + 1];
      if (next === undefined) break;
      return done('script', next, argv.slice(i + 1));
    }
    if (a.startsWith('--')) {
      if (a === '--version') { versions++; i++; continue; }
      if (a === '--help') return done('help', '', []);
      if (a === '--status') return done('status', argv[i + 1] ?? '', argv.slice(i + 1));
      return { ok: false, message: usageError(prog, `unknown option ${a}`) };
    }
    // a bundle of short options
    for (let j = 1; j < a.length; j++) {
      const o = a[j]!;
      if (SHORT_WITH_ARG.has(o)) {
        let value = a.slice(j + 1);
        if (value === '') {
          if (i + 1 >= argv.length) return { ok: false, message: usageError(prog, `Argument expected for the -${o} option`) };
          value = argv[++i]!;
        }
        if (o === 'c') return done('command', value, ['-c', ...argv.slice(i + 1)]);
        if (o === 'm') return done('module', value, ['-m', ...argv.slice(i + 1)]);
        if (o === 'X') xoptions.push(value);
        else warnoptions.push(value);
        break;
      }
      if (!SHORT_FLAGS.has(o)) return { ok: false, message: usageError(prog, `Unknown option: -${o}`) };
      if (o === 'V') versions++;
      else if (o === 'h' || o === '?') return done('help', '', []);
      else flags.add(o);
    }
    i++;
  }
  if (versions > 0) return done('version', '', []);
  return done('none', '', ['']);
}
