// String-literal decoding and f-string splitting used by strings.ts, written
// while the lexer's own literal helpers (decodeStringLiteral / splitFString in
// src/lexer) are in progress; strings.ts switches to those when they land.
// Covers the escapes of the reference §2.4.1 except \N{name}, and 3.11's f-string
// field syntax (PEP 498): `{{`/`}}`, `!conv`, `=` debug text, nested format specs.
import type { Token } from '../lexer/token.js';

export type FStringPiece =
  | { kind: 'literal'; value: string }
  | { kind: 'field'; expression: string; expressionStart: number; debugText: string | null; conversion: string | null; formatSpec: FStringPiece[] | null };

interface LexErr { type: string; msg: string; lineno: number | null; offset: number | null; endLineno: number | null; endOffset: number | null; text: string | null }

function err(msg: string): LexErr {
  return { type: 'SyntaxError', msg, lineno: null, offset: null, endLineno: null, endOffset: null, text: null };
}

function split(value: string): { prefix: string; q: number; body: string; bodyStart: number } {
  let i = 0;
  while (value[i] !== '"' && value[i] !== "'") i++;
  const prefix = value.slice(0, i).toLowerCase();
  const quote = value[i]!;
  const q = value.startsWith(quote.repeat(3), i) && value.length >= i + 6 ? 3 : 1;
  return { prefix, q, body: value.slice(i + q, value.length - q), bodyStart: i + q };
}

function decodeEscapes(s: string, bytes: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) { out += c; continue; }
    const d = s[++i]!;
    switch (d) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case "'": out += "'"; break;
      case '"': out += '"'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': out += String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16)); i += 2; break;
      case 'u': if (bytes) { out += '\\u'; break; } out += String.fromCharCode(parseInt(s.slice(i + 1, i + 5), 16)); i += 4; break;
      case 'U': if (bytes) { out += '\\U'; break; } out += String.fromCodePoint(parseInt(s.slice(i + 1, i + 9), 16)); i += 8; break;
      default:
        if (d >= '0' && d <= '7') {
          let j = i;
          while (j < i + 3 && j < s.length && s[j]! >= '0' && s[j]! <= '7') j++;
          out += String.fromCharCode(parseInt(s.slice(i, j), 8));
          i = j - 1;
        } else out += '\\' + d;
    }
  }
  return out;
}

export function decodeStringLiteral(value: string): { ok: true; value: string | Uint8Array } | { ok: false; error: LexErr } {
  const { prefix, body } = split(value);
  const raw = prefix.includes('r');
  if (prefix.includes('b')) {
    const s = raw ? body : decodeEscapes(body, true);
    const b = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
    return { ok: true, value: b };
  }
  return { ok: true, value: raw ? body : decodeEscapes(body, false) };
}

export function splitFString(t: Token): { ok: true; pieces: FStringPiece[] } | { ok: false; error: LexErr } {
  const { prefix, body, bodyStart } = split(t.value);
  const raw = prefix.includes('r');
  try {
    const pos = { i: 0 };
    const pieces = parsePieces(body, pos, raw, bodyStart, 0);
    return { ok: true, pieces };
  } catch (e) {
    return { ok: false, error: err(String(e)) };
  }
}

function parsePieces(s: string, pos: { i: number }, raw: boolean, base: number, depth: number): FStringPiece[] {
  const out: FStringPiece[] = [];
  let lit = '';
  while (pos.i < s.length) {
    const c = s[pos.i]!;
    if (c === '{') {
      if (depth === 0 && s[pos.i + 1] === '{') { lit += '{'; pos.i += 2; continue; }
      if (lit) out.push({ kind: 'literal', value: raw ? lit : decodeEscapes(lit, false) });
      lit = '';
      pos.i++;
      out.push(parseField(s, pos, raw, base, depth));
      continue;
    }
    if (c === '}') {
      if (depth > 0) break;
      if (s[pos.i + 1] === '}') { lit += '}'; pos.i += 2; continue; }
      throw "f-string: single '}' is not allowed";
    }
    lit += c;
    pos.i++;
  }
  if (lit) out.push({ kind: 'literal', value: raw ? lit : decodeEscapes(lit, false) });
  return out;
}

function parseField(s: string, pos: { i: number }, raw: boolean, base: number, depth: number): FStringPiece {
  const start = pos.i;
  let nest = 0;
  let quote: string | null = null;
  for (; pos.i < s.length; pos.i++) {
    const c = s[pos.i]!;
    if (quote !== null) {
      if (s.startsWith(quote, pos.i)) { pos.i += quote.length - 1; quote = null; }
      continue;
    }
    if (c === '\\') throw 'f-string expression part cannot include a backslash';
    if (c === '#') throw "f-string expression part cannot include '#'";
    if (c === '"' || c === "'") { quote = s.startsWith(c.repeat(3), pos.i) ? c.repeat(3) : c; pos.i += quote.length - 1; continue; }
    if (c === '(' || c === '[' || c === '{') { nest++; continue; }
    if (c === ')' || c === ']' || (c === '}' && nest > 0)) { nest--; continue; }
    if (nest > 0) continue;
    if (c === '}' || c === ':') break;
    if (c === '!' && s[pos.i + 1] !== '=') break;
    if (c === '=' && s[pos.i + 1] !== '=' && !'=!<>'.includes(s[pos.i - 1] ?? '')) break;
  }
  const expression = s.slice(start, pos.i);
  if (expression.trim() === '') throw 'f-string: empty expression not allowed';
  let debugText: string | null = null;
  if (s[pos.i] === '=') {
    pos.i++;
    while (s[pos.i] === ' ') pos.i++;
    debugText = s.slice(start, pos.i);
  }
  let conversion: string | null = null;
  if (s[pos.i] === '!') {
    conversion = s[pos.i + 1] ?? '';
    if (!'sra'.includes(conversion) || conversion === '') throw "f-string: invalid conversion character: expected 's', 'r', or 'a'";
    pos.i += 2;
  }
  let formatSpec: FStringPiece[] | null = null;
  if (s[pos.i] === ':') {
    pos.i++;
    formatSpec = parsePieces(s, pos, raw, base, depth + 1);
  }
  if (s[pos.i] !== '}') throw "f-string: expecting '}'";
  pos.i++;
  return { kind: 'field', expression, expressionStart: base + start, debugText, conversion, formatSpec };
}
