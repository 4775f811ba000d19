// Robustness: random byte soups and mutations of stdlib files, decoded and
// tokenized in both modes, with every STRING token decoded or split. Nothing may
// throw (errors are values), every run ends (iteration counts are fixed, seeds are
// fixed, so failures reproduce), and the token invariants of token.ts hold.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  decodeSource, decodeStringLiteral, splitFString, stringParts, tokenize, TokenKind, type Token,
} from '../../src/lexer/index.js';

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

const EMPTY_VALUE = new Set<number>([TokenKind.INDENT, TokenKind.DEDENT, TokenKind.ENDMARKER]);

function checkInvariants(source: string, tokens: readonly Token[]): string | null {
  let prevEnd = 0;
  for (const t of tokens) {
    if (t.start < prevEnd && t.kind !== TokenKind.INDENT) return `token at ${t.start} overlaps previous end ${prevEnd}`;
    const emptyOk = EMPTY_VALUE.has(t.kind) || ((t.kind === TokenKind.NEWLINE || t.kind === TokenKind.NL) && t.value === '');
    if (!emptyOk && t.value !== source.slice(t.start, t.end)) return `value ${JSON.stringify(t.value)} != slice`;
    if (t.endLineno < t.lineno || (t.endLineno === t.lineno && t.endCol < t.col)) return 'end before start';
    prevEnd = Math.max(prevEnd, t.end);
  }
  return null;
}

function exercise(bytes: Uint8Array): string | null {
  const d = decodeSource(bytes);
  if (d.error !== null) return null;
  for (const compat of [false, true]) {
    const r = tokenize(d.source, { compat });
    const bad = checkInvariants(r.source, r.tokens);
    if (bad !== null) return bad;
    if (r.error === null && r.tokens[r.tokens.length - 1]!.kind !== TokenKind.ENDMARKER) return 'no ENDMARKER';
    if (compat) continue;
    for (const t of r.tokens) {
      if (t.kind !== TokenKind.STRING) continue;
      if (stringParts(t.value).fstring) splitFString(t);
      else decodeStringLiteral(t.value, t);
    }
  }
  return null;
}

const stdlib = execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]).toString().trim();

describe('fuzz', () => {
  it('never throws on random byte soups', () => {
    const r = rng(1);
    const alphabet = Buffer.from(' \t\n\r\x0c\\\'"#()[]{}:;,.=+-*/%<>!&|^~@0123456789abcdefjoxXbBrRuUfFeEjJ_\xc3\xa9\xe2\x82\xac\x00\x01\xff');
    for (let k = 0; k < 3000; k++) {
      const n = Math.floor(r() * 200);
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i++) b[i] = r() < 0.9 ? alphabet[Math.floor(r() * alphabet.length)]! : Math.floor(r() * 256);
      const bad = exercise(b);
      if (bad !== null) expect(`${Buffer.from(b).toString('base64')}: ${bad}`).toBe('');
    }
  });

  it('never throws on mutated stdlib files', () => {
    const r = rng(2);
    const files = readdirSync(stdlib).filter((f) => f.endsWith('.py')).sort().slice(0, 60);
    for (const f of files) {
      const orig = readFileSync(join(stdlib, f));
      for (let k = 0; k < 8; k++) {
        const b = Buffer.from(orig);
        const edits = 1 + Math.floor(r() * 6);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(r() * b.length);
          const op = r();
          if (op < 0.4) b[at] = Math.floor(r() * 128);
          else if (op < 0.7) b[at] = '\'"()[]{}\\#\n\t '.charCodeAt(Math.floor(r() * 14));
          else b[at] = Math.floor(r() * 256);
        }
        const cut = r() < 0.3 ? b.subarray(0, Math.floor(r() * b.length)) : b;
        const bad = exercise(cut);
        if (bad !== null) expect(`${f} mutation ${k}: ${bad}`).toBe('');
      }
    }
  });
});
