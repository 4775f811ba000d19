// Patterns of the `match` statement (PEP 634; Grammar/python.gram "Match
// statement" section): or/as patterns, literal, capture, wildcard, value, group,
// sequence, mapping and class patterns, with the soft keyword `_`.

import { TokenKind } from '../lexer/token.js';
import type { Node } from '../ast/nodes.js';
import { ExpressionParser } from './expressions.js';
import { KEYWORDS, identifier } from './base.js';

const { NAME, NUMBER, STRING, OP } = TokenKind;

export class PatternParser extends ExpressionParser {
  /** patterns: open_sequence_pattern → MatchSequence | pattern */
  parsePatterns(): Node {
    const s = this.tok;
    const first = this.parseMaybeStarPattern();
    if (!this.isOp(',')) {
      if (first._type === 'MatchStar') this.fail();
      return first;
    }
    const pats = [first];
    while (this.acceptOp(',')) {
      if (this.isOp(':') || this.isKw('if')) break;
      pats.push(this.parseMaybeStarPattern());
    }
    const e = this.last;
    return { _type: 'MatchSequence', patterns: pats, lineno: s.lineno, col_offset: s.col, end_lineno: e.endLineno, end_col_offset: e.endCol };
  }

  /** maybe_star_pattern: star_pattern | pattern */
  parseMaybeStarPattern(): Node {
    const t = this.tok;
    if (t.kind === OP && t.value === '*') {
      this.pos++;
      const nt = this.tok;
      const name = this.expectName();
      return { _type: 'MatchStar', name: name === '_' ? null : name, lineno: t.lineno, col_offset: t.col, end_lineno: nt.endLineno, end_col_offset: nt.endCol };
    }
    return this.parsePattern();
  }

  /** pattern: as_pattern | or_pattern */
  parsePattern(): Node {
    this.enter();
    try {
      const s = this.tok;
      const p = this.parseOrPattern();
      if (!this.isKw('as')) return p;
      this.pos++;
      const nt = this.tok;
      if (nt.kind === NAME && nt.value === '_') {
        if (this.checkInvalid) this.raiseAt("cannot use '_' as a target", nt);
        this.fail();
      }
      const name = this.expectName();
      if (this.isOp('.') || this.isOp('(') || this.isOp('=')) this.fail();
      return { _type: 'MatchAs', pattern: p, name, lineno: s.lineno, col_offset: s.col, end_lineno: nt.endLineno, end_col_offset: nt.endCol };
    } finally {
      this.depth--;
    }
  }

  /** or_pattern: '|'.closed_pattern+ */
  parseOrPattern(): Node {
    const s = this.tok;
    const first = this.parseClosedPattern();
    if (!this.isOp('|')) return first;
    const pats = [first];
    while (this.acceptOp('|')) pats.push(this.parseClosedPattern());
    return { _type: 'MatchOr', patterns: pats, lineno: s.lineno, col_offset: s.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
  }

  /** closed_pattern: literal | capture | wildcard | value | group | sequence | mapping | class */
  parseClosedPattern(): Node {
    const t = this.tok;
    if (t.kind === NUMBER || (t.kind === OP && t.value === '-')) {
      const v = this.parseSignedNumberOrComplex();
      return { _type: 'MatchValue', value: v, lineno: v.lineno, col_offset: v.col_offset, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
    }
    if (t.kind === STRING) {
      const v = this.parseStrings();
      if (v._type === 'JoinedStr') this.fail();
      return { _type: 'MatchValue', value: v, lineno: v.lineno, col_offset: v.col_offset, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
    }
    if (t.kind === NAME) {
      if (t.value === 'None' || t.value === 'True' || t.value === 'False') {
        this.pos++;
        const value = t.value === 'None' ? null : t.value === 'True';
        return { _type: 'MatchSingleton', value, lineno: t.lineno, col_offset: t.col, end_lineno: t.endLineno, end_col_offset: t.endCol };
      }
      if (KEYWORDS.has(t.value)) this.fail();
      // name_or_attr, then a class pattern, a value pattern or a capture
      this.pos++;
      let target: Node = { _type: 'Name', id: identifier(t.value), ctx: 'Load', lineno: t.lineno, col_offset: t.col, end_lineno: t.endLineno, end_col_offset: t.endCol };
      let dotted = false;
      while (this.acceptOp('.')) {
        const nt = this.tok;
        const attr = this.expectName();
        dotted = true;
        target = { _type: 'Attribute', value: target, attr, ctx: 'Load', lineno: t.lineno, col_offset: t.col, end_lineno: nt.endLineno, end_col_offset: nt.endCol };
      }
      if (this.isOp('(')) return this.parseClassPattern(target);
      if (dotted) {
        if (this.isOp('=')) this.fail();
        return { _type: 'MatchValue', value: target, lineno: target.lineno, col_offset: target.col_offset, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
      }
      if (this.isOp('=')) this.fail();
      const name = target.id as string;
      return { _type: 'MatchAs', pattern: null, name: name === '_' ? null : name, lineno: t.lineno, col_offset: t.col, end_lineno: t.endLineno, end_col_offset: t.endCol };
    }
    if (t.kind === OP) {
      if (t.value === '(') {
        this.pos++;
        if (this.isOp(')')) {
          const c = this.advance();
          return { _type: 'MatchSequence', patterns: [], lineno: t.lineno, col_offset: t.col, end_lineno: c.endLineno, end_col_offset: c.endCol };
        }
        const first = this.parseMaybeStarPattern();
        if (this.isOp(')') && first._type !== 'MatchStar') {
          this.pos++;
          return first; // group_pattern
        }
        const pats = [first];
        if (!this.isOp(')')) {
          this.expectOp(',');
          while (!this.isOp(')')) {
            pats.push(this.parseMaybeStarPattern());
            if (!this.acceptOp(',')) break;
          }
        }
        const c = this.expectOp(')');
        return { _type: 'MatchSequence', patterns: pats, lineno: t.lineno, col_offset: t.col, end_lineno: c.endLineno, end_col_offset: c.endCol };
      }
      if (t.value === '[') {
        this.pos++;
        const pats: Node[] = [];
        while (!this.isOp(']')) {
          pats.push(this.parseMaybeStarPattern());
          if (!this.acceptOp(',')) break;
        }
        const c = this.expectOp(']');
        return { _type: 'MatchSequence', patterns: pats, lineno: t.lineno, col_offset: t.col, end_lineno: c.endLineno, end_col_offset: c.endCol };
      }
      if (t.value === '{') return this.parseMappingPattern();
    }
    return this.fail();
  }

  /** signed_number, or complex_number: signed_real_number ('+' | '-') imaginary_number */
  parseSignedNumberOrComplex(): Node {
    const numTok = this.tok.kind === OP ? this.peekAt(1) : this.tok;
    let v = this.parseSignedNumber();
    if (this.isOp('+') || this.isOp('-')) {
      // complex_number; _PyPegen_ensure_real / _ensure_imaginary are actions: they
      // raise in the first pass already, left operand first
      if (/[jJ]$/.test(numTok.value)) this.raiseAt('real number required in complex literal', numTok);
      const opTok = this.advance();
      const r = this.tok;
      if (r.kind !== NUMBER) this.fail();
      const right = this.parseAtom();
      if (!/[jJ]$/.test(r.value)) this.raiseAt('imaginary number required in complex literal', right);
      v = { _type: 'BinOp', left: v, op: opTok.value === '+' ? 'Add' : 'Sub', right, lineno: v.lineno, col_offset: v.col_offset, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
    }
    return v;
  }

  parseSignedNumber(): Node {
    const t = this.tok;
    if (t.kind === OP && t.value === '-') {
      this.pos++;
      if (this.tok.kind !== NUMBER) this.fail();
      const n = this.parseAtom();
      return { _type: 'UnaryOp', op: 'USub', operand: n, lineno: t.lineno, col_offset: t.col, end_lineno: this.last.endLineno, end_col_offset: this.last.endCol };
    }
    if (t.kind !== NUMBER) this.fail();
    return this.parseAtom();
  }

  /** mapping_pattern: '{' [items] ['**' NAME] [','] '}' */
  parseMappingPattern(): Node {
    const open = this.advance();
    const keys: Node[] = [];
    const pats: Node[] = [];
    let rest: string | null = null;
    while (!this.isOp('}')) {
      if (this.acceptOp('**')) {
        if (this.isKw('_')) this.fail(); // pattern_capture_target: !"_" NAME
        rest = this.expectName();
        this.acceptOp(',');
        break;
      }
      keys.push(this.parseMappingKey());
      this.expectOp(':');
      pats.push(this.parsePattern());
      if (!this.acceptOp(',')) break;
    }
    const c = this.expectOp('}');
    return { _type: 'MatchMapping', keys, patterns: pats, rest, lineno: open.lineno, col_offset: open.col, end_lineno: c.endLineno, end_col_offset: c.endCol };
  }

  /** key_value_pattern key: literal_expr | attr */
  parseMappingKey(): Node {
    const t = this.tok;
    if (t.kind === NUMBER || (t.kind === OP && t.value === '-')) return this.parseSignedNumberOrComplex();
    if (t.kind === STRING) {
      const v = this.parseStrings();
      if (v._type === 'JoinedStr') this.fail();
      return v;
    }
    if (t.kind === NAME) {
      if (t.value === 'None' || t.value === 'True' || t.value === 'False') return this.parseAtom();
      this.pos++;
      let target: Node = { _type: 'Name', id: identifier(t.value), ctx: 'Load', lineno: t.lineno, col_offset: t.col, end_lineno: t.endLineno, end_col_offset: t.endCol };
      if (!this.isOp('.')) this.fail();
      while (this.acceptOp('.')) {
        const nt = this.tok;
        const attr = this.expectName();
        target = { _type: 'Attribute', value: target, attr, ctx: 'Load', lineno: t.lineno, col_offset: t.col, end_lineno: nt.endLineno, end_col_offset: nt.endCol };
      }
      return target;
    }
    return this.fail();
  }

  /** class_pattern: name_or_attr '(' [positional] [keywords] ')' */
  parseClassPattern(cls: Node): Node {
    this.pos++; // '('
    const pats: Node[] = [];
    const kwdAttrs: string[] = [];
    const kwdPats: Node[] = [];
    while (!this.isOp(')')) {
      const t = this.tok;
      const n = this.peekAt(1);
      if (t.kind === NAME && n.kind === OP && n.value === '=') {
        const name = this.expectName();
        this.pos++;
        kwdAttrs.push(name);
        kwdPats.push(this.parsePattern());
      } else {
        const p = this.parsePattern();
        if (kwdAttrs.length > 0) {
          if (this.checkInvalid) this.raiseAt('positional patterns follow keyword patterns', p);
          this.fail();
        }
        pats.push(p);
      }
      if (!this.acceptOp(',')) break;
    }
    const c = this.expectOp(')');
    return { _type: 'MatchClass', cls, patterns: pats, kwd_attrs: kwdAttrs, kwd_patterns: kwdPats, lineno: cls.lineno, col_offset: cls.col_offset, end_lineno: c.endLineno, end_col_offset: c.endCol };
  }
}
