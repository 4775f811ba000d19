// str.format / str.format_map: the "Format String Syntax" of the Library
// Reference. Follows CPython 3.11 Objects/stringlib/unicode_format.h:
// MarkupIterator_next + parse_field split the template into literal text
// and replacement fields, field_name_split + FieldNameIterator walk
// `first.attr[key]` field names, and build_string/output_markup drive the
// formatting with automatic/manual numbering and nested specs (at most two
// levels: '{:{}}' works, '{:{:{}}}' is "Max string recursion exceeded").
//
// All object access goes through FormatHooks (getitem, getattr, str, repr,
// ascii, format); builtin values are formatted by formatValue.

import { PyExc } from '../numeric/errors.js';
import { unicodeDecimalValue, pyStrRepr } from '../numeric/text.js';
import type { PyInt } from '../numeric/pyint.js';
import { formatValue } from './format-value.js';
import { isFmtError, type FmtError, type FormatArg, type FormatHooks } from './hooks.js';
import { asciiArg, reprArg, strArg } from './repr.js';

/** One step of the template: literal text, then optionally a field. */
export interface MarkupChunk {
  literal: string;
  /** null when the chunk is literal text only */
  field: null | {
    /** the field name as written, e.g. '0.attr[key]' ('' for automatic numbering) */
    name: string;
    /** conversion character ('' if none; not validated here) */
    conversion: string;
    /** the format spec as written (may contain nested '{…}') */
    spec: string;
    /** the spec contains '{': it is itself a template to expand */
    specNeedsExpanding: boolean;
  };
}

/**
 * Iterates over a template as MarkupIterator does. `next()` returns a
 * chunk, `null` at the end, or an error (after which iteration must stop).
 * Positions are UTF-16 indices; only '{', '}', '[', ']', ':' and '!' are
 * significant, all ASCII, so surrogate pairs need no special care.
 */
export class MarkupIterator {
  private pos = 0;
  constructor(private readonly s: string) {}

  next(): MarkupChunk | null | PyExc {
    const s = this.s;
    const end = s.length;
    if (this.pos >= end) return null;
    const start = this.pos;
    let c = '';
    let markupFollows = false;
    while (this.pos < end) {
      c = s[this.pos++]!;
      if (c === '{' || c === '}') {
        markupFollows = true;
        break;
      }
    }
    const atEnd = this.pos >= end;
    let len = this.pos - start;
    if (c === '}' && markupFollows && (atEnd || s[this.pos] !== '}')) {
      return new PyExc('ValueError', "Single '}' encountered in format string");
    }
    if (atEnd && c === '{' && markupFollows) return new PyExc('ValueError', "Single '{' encountered in format string");
    if (!atEnd && markupFollows) {
      if (s[this.pos] === c) {
        // '{{' or '}}': the first brace is literal text, no field follows
        this.pos++;
        markupFollows = false;
      } else {
        len--;
      }
    }
    const literal = s.slice(start, start + len);
    if (!markupFollows) return { literal, field: null };
    const field = this.parseField();
    if (field instanceof PyExc) return field;
    return { literal, field };
  }

  /** parse_field: the text after '{' up to and including the closing '}'. */
  private parseField(): MarkupChunk['field'] | PyExc {
    const s = this.s;
    const end = s.length;
    const nameStart = this.pos;
    let c = '';
    while (this.pos < end) {
      c = s[this.pos++]!;
      if (c === '{') return new PyExc('ValueError', "unexpected '{' in field name");
      if (c === '[') {
        while (this.pos < end && s[this.pos] !== ']') this.pos++;
        continue;
      }
      if (c === '}' || c === ':' || c === '!') break;
    }
    const name = s.slice(nameStart, c === '}' || c === ':' || c === '!' ? this.pos - 1 : this.pos);
    if (c !== '!' && c !== ':') {
      if (c !== '}') return new PyExc('ValueError', "expected '}' before end of string");
      return { name, conversion: '', spec: '', specNeedsExpanding: false };
    }
    let conversion = '';
    if (c === '!') {
      if (this.pos >= end) return new PyExc('ValueError', 'end of string while looking for conversion specifier');
      const cp = s.codePointAt(this.pos)!;
      conversion = String.fromCodePoint(cp);
      this.pos += conversion.length;
      if (this.pos < end) {
        const d = s[this.pos++]!;
        if (d === '}') return { name, conversion, spec: '', specNeedsExpanding: false };
        if (d !== ':') return new PyExc('ValueError', "expected ':' after conversion specifier");
      }
    }
    const specStart = this.pos;
    let count = 1;
    let expand = false;
    while (this.pos < end) {
      const d = s[this.pos++]!;
      if (d === '{') {
        expand = true;
        count++;
      } else if (d === '}') {
        count--;
        if (count === 0) return { name, conversion, spec: s.slice(specStart, this.pos - 1), specNeedsExpanding: expand };
      }
    }
    return new PyExc('ValueError', "unmatched '{' in format spec");
  }
}

/** Split a template into chunks (string.Formatter.parse / _string.formatter_parser). */
export function parseFormatString(template: string): MarkupChunk[] | PyExc {
  const it = new MarkupIterator(template);
  const out: MarkupChunk[] = [];
  for (;;) {
    const ch = it.next();
    if (ch === null) return out;
    if (ch instanceof PyExc) return ch;
    out.push(ch);
  }
}

/** get_integer of unicode_format.h: -1 if `s` is empty or not all decimal digits. */
function fieldInteger(s: string): number | PyExc {
  if (s === '') return -1;
  if (s.length <= 15) {
    // ASCII fast path (no overflow possible below 16 digits)
    let v = 0;
    let i = 0;
    for (; i < s.length; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (i === s.length) return v;
    if (s.charCodeAt(i) < 128) return -1;
  }
  let acc = 0n;
  for (const ch of s) {
    const d = unicodeDecimalValue(ch.codePointAt(0)!);
    if (d < 0) return -1;
    acc = acc * 10n + BigInt(d);
    if (acc > 9223372036854775807n) return new PyExc('ValueError', 'Too many decimal digits in format string');
  }
  return acc > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(acc);
}

/** One `.attr` or `[key]` step of a field name. */
export type FieldStep = { attr: string } | { key: string; index: number };

/** The auto-numbering state shared by a template and its nested specs. */
interface AutoNumber {
  state: 'init' | 'auto' | 'manual';
  next: number;
}

/**
 * field_name_split: the first part as an index (auto-numbered if empty)
 * or a keyword, and the position where `.attr[key]` steps start.
 */
function splitFieldName(name: string, auto: AutoNumber | null): { index: number; first: string; restAt: number } | PyExc {
  let i = 0;
  while (i < name.length && name[i] !== '.' && name[i] !== '[') i++;
  const first = name.slice(0, i);
  let index = fieldInteger(first);
  if (index instanceof PyExc) return index;
  const empty = first === '';
  const numeric = empty || index !== -1;
  if (auto !== null && numeric) {
    if (auto.state === 'init') auto.state = empty ? 'auto' : 'manual';
    if (auto.state === 'manual' && empty) {
      return new PyExc('ValueError', 'cannot switch from manual field specification to automatic field numbering');
    }
    if (auto.state === 'auto' && !empty) {
      return new PyExc('ValueError', 'cannot switch from automatic field numbering to manual field specification');
    }
    if (empty) index = auto.next++;
  }
  return { index, first, restAt: i };
}

/** FieldNameIterator_next: the step starting at `pos`, and where the next starts. */
function nextStep(name: string, pos: number): [FieldStep, number] | PyExc {
  const c = name[pos];
  let p = pos + 1;
  let step: FieldStep;
  if (c === '.') {
    while (p < name.length && name[p] !== '.' && name[p] !== '[') p++;
    step = { attr: name.slice(pos + 1, p) };
    if (step.attr === '') return new PyExc('ValueError', 'Empty attribute in format string');
  } else if (c === '[') {
    while (p < name.length && name[p] !== ']') p++;
    if (p >= name.length) return new PyExc('ValueError', "Missing ']' in format string");
    const key = name.slice(pos + 1, p);
    p++;
    const index = fieldInteger(key);
    if (index instanceof PyExc) return index;
    step = { key, index };
    if (key === '') return new PyExc('ValueError', 'Empty attribute in format string');
  } else {
    return new PyExc('ValueError', "Only '.' or '[' may follow ']' in format field specifier");
  }
  return [step, p];
}

/** Positional arguments and keyword mapping of one str.format call. */
export interface FormatCallArgs {
  /** positional arguments; null for format_map (positional fields are an error) */
  args: readonly FormatArg[] | null;
  /** the keyword mapping (read with hooks.getitem); null when there are no keywords */
  kwargs: FormatArg | null;
}

function getFieldObject(name: string, call: FormatCallArgs, auto: AutoNumber | null, hooks: FormatHooks): FormatArg | FmtError {
  const split = splitFieldName(name, auto);
  if (split instanceof PyExc) return split;
  let obj: FormatArg | FmtError;
  if (split.index === -1) {
    if (call.kwargs === null) return new PyExc('KeyError', pyStrRepr(split.first));
    obj = hooks.getitem(call.kwargs, { t: 'str', v: split.first });
  } else {
    if (call.args === null) return new PyExc('ValueError', 'Format string contains positional fields');
    const a = split.index < call.args.length ? call.args[split.index] : undefined;
    if (a === undefined) {
      return new PyExc('IndexError', `Replacement index ${split.index} out of range for positional args tuple`);
    }
    obj = a;
  }
  let pos = split.restAt;
  while (!isFmtError(obj) && pos < name.length) {
    const st = nextStep(name, pos);
    if (st instanceof PyExc) return st;
    const [step, p] = st;
    pos = p;
    if ('attr' in step) obj = hooks.getattr(obj, step.attr);
    else {
      const key: FormatArg = step.index === -1 ? { t: 'str', v: step.key } : { t: 'int', v: step.index as PyInt };
      obj = hooks.getitem(obj, key);
    }
  }
  return obj;
}

function convertField(obj: FormatArg, conversion: string, hooks: FormatHooks): FormatArg | FmtError {
  switch (conversion) {
    case '': return obj;
    case 'r': { const r = reprArg(obj, hooks); return isFmtError(r) ? r : { t: 'str', v: r }; }
    case 's': { const r = strArg(obj, hooks); return isFmtError(r) ? r : { t: 'str', v: r }; }
    case 'a': { const r = asciiArg(obj, hooks); return isFmtError(r) ? r : { t: 'str', v: r }; }
    default: {
      const cp = conversion.codePointAt(0)!;
      const shown = cp > 32 && cp < 127 ? conversion : '\\x' + cp.toString(16);
      return new PyExc('ValueError', `Unknown conversion specifier ${shown}`);
    }
  }
}

/**
 * A template split once: its chunks, then the parse error that follows
 * them (CPython parses lazily, so the fields before a syntax error are
 * still looked up and formatted first — and their errors win).
 */
interface CompiledTemplate {
  chunks: MarkupChunk[];
  error: PyExc | null;
}

const TEMPLATE_CACHE = new Map<string, CompiledTemplate>();
const TEMPLATE_CACHE_LIMIT = 256;

function compileTemplate(template: string): CompiledTemplate {
  let c = TEMPLATE_CACHE.get(template);
  if (c !== undefined) return c;
  const it = new MarkupIterator(template);
  const chunks: MarkupChunk[] = [];
  let error: PyExc | null = null;
  for (;;) {
    const ch = it.next();
    if (ch === null) break;
    if (ch instanceof PyExc) {
      error = ch;
      break;
    }
    chunks.push(ch);
  }
  c = { chunks, error };
  if (template.length <= 1024) {
    if (TEMPLATE_CACHE.size >= TEMPLATE_CACHE_LIMIT) TEMPLATE_CACHE.clear();
    TEMPLATE_CACHE.set(template, c);
  }
  return c;
}

function buildString(template: string, call: FormatCallArgs, depth: number, auto: AutoNumber | null, hooks: FormatHooks): string | FmtError {
  if (depth <= 0) return new PyExc('ValueError', 'Max string recursion exceeded');
  const { chunks, error } = compileTemplate(template);
  let out = '';
  for (const chunk of chunks) {
    out += chunk.literal;
    const f = chunk.field;
    if (f === null) continue;
    let obj = getFieldObject(f.name, call, auto, hooks);
    if (isFmtError(obj)) return obj;
    obj = convertField(obj, f.conversion, hooks);
    if (isFmtError(obj)) return obj;
    let spec = f.spec;
    if (f.specNeedsExpanding) {
      const expanded = buildString(spec, call, depth - 1, auto, hooks);
      if (isFmtError(expanded)) return expanded;
      spec = expanded;
    }
    const text = formatValue(obj, spec, hooks);
    if (isFmtError(text)) return text;
    out += text;
  }
  return error ?? out;
}

/** template.format(*args, **kwargs) — pass `kwargs` as a mapping FormatArg or null. */
export function strFormat(template: string, args: readonly FormatArg[], kwargs: FormatArg | null, hooks: FormatHooks): string | FmtError {
  return buildString(template, { args, kwargs }, 2, { state: 'init', next: 0 }, hooks);
}

/** template.format_map(mapping). */
export function strFormatMap(template: string, mapping: FormatArg, hooks: FormatHooks): string | FmtError {
  return buildString(template, { args: null, kwargs: mapping }, 2, { state: 'init', next: 0 }, hooks);
}

/**
 * _string.formatter_field_name_split (for string.Formatter): the first
 * part (an int index if it is all digits) and the `.attr`/`[key]` steps.
 */
export function fieldNameSplit(name: string): { first: string | number; steps: FieldStep[] } | PyExc {
  const split = splitFieldName(name, null);
  if (split instanceof PyExc) return split;
  const steps: FieldStep[] = [];
  let pos = split.restAt;
  while (pos < name.length) {
    const st = nextStep(name, pos);
    if (st instanceof PyExc) return st;
    steps.push(st[0]);
    pos = st[1];
  }
  return { first: split.index === -1 ? split.first : split.index, steps };
}
