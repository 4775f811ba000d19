// Test helpers shared by the lexer tests: running python3 once per batch, and the
// canonical token dump that the tokenize-module differential tests hash.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { TokenKind, type Token } from '../../src/lexer/index.js';

export const KIND_NAMES: Record<number, string> = {
  [TokenKind.ENDMARKER]: 'ENDMARKER', [TokenKind.NAME]: 'NAME', [TokenKind.NUMBER]: 'NUMBER',
  [TokenKind.STRING]: 'STRING', [TokenKind.NEWLINE]: 'NEWLINE', [TokenKind.INDENT]: 'INDENT',
  [TokenKind.DEDENT]: 'DEDENT', [TokenKind.OP]: 'OP', [TokenKind.COMMENT]: 'COMMENT',
  [TokenKind.NL]: 'NL', [TokenKind.ERRORTOKEN]: 'ERRORTOKEN',
};

/**
 * One line per token as test/lexer/py/tokenize_stdlib.py writes it. Differences
 * between Python's tokenize.py and our tokens that are conventions, not bugs:
 *   - INDENT: tokenize gives the indentation text as the value; our value is ''
 *     (token.ts) and the text is source.slice(start, end).
 */
export function tokenDump(source: string, tokens: readonly Token[]): string {
  let s = '';
  for (const t of tokens) {
    const v = t.kind === TokenKind.INDENT ? source.slice(t.start, t.end) : t.value;
    s += `${KIND_NAMES[t.kind]} ${t.lineno},${t.col} ${t.endLineno},${t.endCol} ${v}\n`;
  }
  return s;
}

export function sha1(s: string): string {
  return createHash('sha1').update(s, 'utf8').digest('hex');
}

/** Run python3 with a script and stdin; resolve with stdout (rejects on failure). */
export function runPython(args: string[], input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('python3', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (b: Buffer) => out.push(b));
    p.stderr.on('data', (b: Buffer) => err.push(b));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`python3 exited ${code}: ${Buffer.concat(err).toString('utf8')}`));
    });
    p.stdin.end(input);
  });
}
