// String/bytes literal decoding and f-string splitting compared with CPython:
// a seeded generator builds literals from escape fragments; one python3 process
// (py/literal_oracle.py) evaluates them with ast.literal_eval and rebuilds our
// f-string splits into JoinedStr trees compared with CPython's own parse.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  decodeStringLiteral, parseNumberLiteral, splitFString, tokenize, TokenKind,
} from '../../src/lexer/index.js';
import { runPython } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  'abc', ' ', '\\n', '\\t', '\\\\', "\\'", '\\"', '\\a\\b\\f\\v\\r', '\\0', '\\7', '\\77', '\\377', '\\400', '\\777',
  '\\x41', '\\xff', '\\xFf', '\\u20ac', '\\U0001F600', '\\N{BEL}', '\\N{LATIN SMALL LETTER A}', '\\N{latin capital letter gha}',
  '\\N{HANGUL SYLLABLE GAG}', '\\N{CJK UNIFIED IDEOGRAPH-4E00}', '\\N{EM DASH}', '\\d', '\\q', '\\\n', 'é€😀', '\\é',
  '\\x4', '\\u12', '\\U1234', '\\N{NOPE}', '\\N', '\\N{}', '\\U00110000', '\\8', '\\{', '{', '}', '\u2028', '\\\u00a0', "'", '"',
];
const PREFIXES = ['', 'r', 'u', 'R', 'U', 'b', 'B', 'br', 'Rb', 'rB', 'BR'];
const QUOTES = ["'", '"', "'''", '"""'];

function genStrings(n: number): string[] {
  const r = rng(263);
  const out: string[] = [];
  for (const f of FRAGMENTS) out.push(`'${f}'`, `b'${f}'`, `r'${f}'`);
  while (out.length < n) {
    const k = 1 + Math.floor(r() * 4);
    let body = '';
    for (let j = 0; j < k; j++) body += FRAGMENTS[Math.floor(r() * FRAGMENTS.length)];
    const p = PREFIXES[Math.floor(r() * PREFIXES.length)]!;
    const q = QUOTES[Math.floor(r() * QUOTES.length)]!;
    out.push(p + q + body + q);
  }
  return out;
}

const F_FRAGMENTS = [
  'abc', ' ', '{{', '}}', '{x}', '{x!r}', '{x!s:>10}', '{x!a}', '{x=}', '{ x = }', '{x=!r:^{w}}', '{x = :>4}', '{x:{y}.{z}f}',
  '{a[1]}', '{d["k"]}', "{d['k']}", '{f(a, b)}', '{x if y else z}', '{a!=b}', '{a==b}', '{a<=b}', '{a>b}', '{a<b}',
  '{(lambda x: x)(1)}', '{x:%Y-%m-%d %H:%M}', '\\n', '\\N{BEL}', '\\N{EM DASH}', '{3.14:.2f}', '{ {1:2}[1] }', '{"}"}',
  "{'''a'''}", '{x:}', '{x!r:}', '{x:{{}}}', '{[a for a in b]}', '{x,}', '{*a,}', '{yield}', '{x:=1}', '{(x:=1)}',
  '{x\n}', 'é€', '{é}', '{x:\\n}', '\\{', '\\d',
  // errors
  '{}', '{ }', '}', '{', '{x!z}', '{x!}', '{#}', '{x:{y:{z}}}', '{(}', '{)}', '{(]}', "{'a}", '{x\\n}', '{!r}', '{=}', '{:}',
  '{x!r=}', '{a b}', '{x:{}}', '{x!rr}', '{x=!}',
];

function genFStrings(n: number): string[] {
  const r = rng(498);
  const out: string[] = [];
  for (const f of F_FRAGMENTS) out.push(`f'${f}'`, `f"""${f}"""`);
  while (out.length < n) {
    const k = 1 + Math.floor(r() * 4);
    let body = '';
    for (let j = 0; j < k; j++) body += F_FRAGMENTS[Math.floor(r() * F_FRAGMENTS.length)];
    const p = ['f', 'F', 'rf', 'fR', 'Rf'][Math.floor(r() * 5)]!;
    const q = ["'", '"""'][Math.floor(r() * 2)]!;
    out.push(p + q + body + q);
  }
  return out;
}

/** Messages of f-string errors that splitFString (not the expression parser) reports. */
const LEXER_FSTRING_ERRORS = new RegExp(
  "^(f-string: (expecting '}'|single '}' is not allowed|empty expression not allowed|expression required before|" +
    'expressions nested too deeply|unmatched|closing parenthesis|unterminated string|invalid conversion character|' +
    'too many nested parenthesis)|f-string expression part|\\(unicode error\\))',
);

type Expected = ['str' | 'bytes', number[], string[]] | ['err', string, string];

/** Our result in the oracle's shape (tokenizer error, decode error or value). */
function ours(src: string): Expected {
  const r = tokenize(src);
  if (r.error !== null) return ['err', r.error.type, r.error.msg];
  const strs = r.tokens.filter((t) => t.kind === TokenKind.STRING);
  if (strs.length !== 1 || r.tokens.length !== 3) return ['err', 'SyntaxError', `(${r.tokens.length} tokens)`];
  const d = decodeStringLiteral(strs[0]!.value, strs[0]);
  if (!d.ok) return ['err', d.error.type, d.error.msg];
  const warnings = d.warnings.map((w) => w.msg);
  if (d.isBytes) return ['bytes', Array.from(d.value as Uint8Array), warnings];
  return ['str', Array.from(d.value as string, (c) => c.codePointAt(0)!), warnings];
}

describe('string literals and f-strings against CPython', () => {
  it('decodes str and bytes literals as ast.literal_eval does, with the same warnings', async () => {
    const strings = genStrings(1500);
    const fstrings = genFStrings(800);
    const fSplits = fstrings.map((src) => {
      const r = tokenize(src);
      if (r.error !== null) return [src, { ok: false, error: r.error.msg }];
      const t = r.tokens[0]!;
      const s = splitFString(t);
      return [src, s.ok ? { ok: true, pieces: s.pieces } : { ok: false, error: s.error.msg }];
    });
    const out = JSON.parse(await runPython([join(here, 'py', 'literal_oracle.py')], JSON.stringify({ strings, fstrings: fSplits }))) as {
      strings: Expected[];
      fstrings: (string | [string, string, string])[];
    };
    const bad: string[] = [];
    let decoded = 0;
    let split = 0;
    strings.forEach((src, k) => {
      const mine = ours(src);
      const theirs = out.strings[k]!;
      // Parser-level failures (e.g. a stray quote making two tokens) are only
      // compared as "both fail".
      const same = mine[0] === 'err' && theirs[0] === 'err' && mine[2].startsWith('(') && !theirs[2].startsWith('(')
        ? true
        : JSON.stringify(mine) === JSON.stringify(theirs);
      if (theirs[0] !== 'err' && same) decoded++;
      if (!same) bad.push(`${JSON.stringify(src)}\n   ours    ${JSON.stringify(mine)}\n   CPython ${JSON.stringify(theirs)}`);
    });
    fSplits.forEach(([src, mine], k) => {
      const theirs = out.fstrings[k]!;
      const m = mine as { ok: boolean; error?: string };
      if (theirs === 'ok') {
        split++;
        return;
      }
      if (Array.isArray(theirs)) {
        // CPython rejects it. If the error is one splitFString owns, we must report
        // the same message; otherwise it is an error in the expression itself
        // (found by the parser), and splitting may succeed or stop at a later
        // lexer-level error that CPython did not reach.
        const lexerOwned = LEXER_FSTRING_ERRORS.test(theirs[2]);
        if (lexerOwned && m.error !== theirs[2]) bad.push(`${JSON.stringify(src)}: ours ${m.ok ? 'ok' : m.error}, CPython ${theirs[2]}`);
        return;
      }
      bad.push(`${JSON.stringify(src)}: ${theirs}`);
    });
    expect(bad.slice(0, 30).join('\n')).toBe('');
    // the generators must exercise the success paths, not only errors
    expect(decoded).toBeGreaterThan(500);
    expect(split).toBeGreaterThan(200);
  });

  it('evaluates number literals', () => {
    expect(parseNumberLiteral('1_000')).toEqual({ kind: 'int', value: 1000n });
    expect(parseNumberLiteral('0x_fF')).toEqual({ kind: 'int', value: 255n });
    expect(parseNumberLiteral('0o17')).toEqual({ kind: 'int', value: 15n });
    expect(parseNumberLiteral('0B1_0')).toEqual({ kind: 'int', value: 2n });
    expect(parseNumberLiteral('00')).toEqual({ kind: 'int', value: 0n });
    expect(parseNumberLiteral('123456789012345678901234567890')).toEqual({ kind: 'int', value: 123456789012345678901234567890n });
    expect(parseNumberLiteral('1.5e3')).toEqual({ kind: 'float', value: 1500 });
    expect(parseNumberLiteral('1_0.0_1')).toEqual({ kind: 'float', value: 10.01 });
    expect(parseNumberLiteral('.5')).toEqual({ kind: 'float', value: 0.5 });
    expect(parseNumberLiteral('1e400')).toEqual({ kind: 'float', value: Infinity });
    expect(parseNumberLiteral('3j')).toEqual({ kind: 'imaginary', value: 3 });
    expect(parseNumberLiteral('1.5E-2J')).toEqual({ kind: 'imaginary', value: 0.015 });
    expect(parseNumberLiteral('09.5')).toEqual({ kind: 'float', value: 9.5 });
  });

  it('gives replacement fields their exact source position', () => {
    const src = 'y = 1\nx = f"é{ab!r:>{w}}" + f"""\n  {c=}\n{d}"""\n';
    const r = tokenize(src);
    expect(r.error).toBeNull();
    const [t1, t2] = r.tokens.filter((t) => t.kind === TokenKind.STRING);
    const s1 = splitFString(t1!);
    expect(s1.ok).toBe(true);
    if (!s1.ok) return;
    const f = s1.pieces[1]!;
    expect(f).toMatchObject({ kind: 'field', expression: 'ab', lineno: 2, col: 9, conversion: 'r', debugText: null });
    if (f.kind !== 'field') return;
    // "x = f\"é{" is 8 bytes before the expression; the nested field {w}
    expect(f.formatSpec![1]).toMatchObject({ kind: 'field', expression: 'w', lineno: 2, col: 16 });
    expect(src.slice(t1!.start + f.expressionStart, t1!.start + f.expressionStart + 2)).toBe('ab');
    const s2 = splitFString(t2!);
    expect(s2.ok && s2.pieces.map((p) => (p.kind === 'field' ? [p.expression, p.lineno, p.col, p.debugText] : p.value))).toEqual([
      '\n  ', ['c', 3, 3, 'c='], '\n', ['d', 4, 1, null],
    ]);
  });
});
