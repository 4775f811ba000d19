// Test support: FormatArg values on the wire to python3 and back, and a
// FormatHooks implementation for the two host objects the tests use — dict
// (a JS Map from str/bytes key text to FormatArg) and None.
import { bitsOf } from '../numeric/py.js';
import { PyExc } from '../../src/numeric/index.js';
import { reprArg, asciiEscape, HostExc, type FormatArg, type FormatHooks } from '../../src/format/index.js';

export interface TestDict {
  kind: 'dict';
  entries: [FormatArg, FormatArg][];
}

export const NONE: FormatArg = { t: 'obj', ref: null, type: 'NoneType' };

export function dictArg(entries: [FormatArg, FormatArg][]): FormatArg {
  return { t: 'obj', ref: { kind: 'dict', entries } satisfies TestDict, type: 'dict' };
}

/** A user object with __index__, __int__ and __float__ returning `v`, repr 'Num(v)'. */
export interface TestNum {
  kind: 'num';
  v: number;
}

export function numArg(v: number): FormatArg {
  return { t: 'obj', ref: { kind: 'num', v } satisfies TestNum, type: 'Num' };
}

function isNum(o: unknown): o is TestNum {
  return typeof o === 'object' && o !== null && (o as TestNum).kind === 'num';
}

function isDict(o: unknown): o is TestDict {
  return typeof o === 'object' && o !== null && (o as TestDict).kind === 'dict';
}

function sameKey(a: FormatArg, b: FormatArg): boolean {
  if (a.t === 'str' && b.t === 'str') return a.v === b.v;
  if (a.t === 'bytes' && b.t === 'bytes') return a.v.length === b.v.length && a.v.every((x, i) => x === b.v[i]);
  if (a.t === 'int' && b.t === 'int') return BigInt(a.v) === BigInt(b.v);
  return false;
}

export const testHooks: FormatHooks = {
  str(o) { return this.repr(o); },
  repr(o) {
    if (o === null) return 'None';
    if (isNum(o)) return `Num(${o.v})`;
    if (isDict(o)) {
      const parts: string[] = [];
      for (const [k, v] of o.entries) {
        const rk = reprArg(k, testHooks);
        const rv = reprArg(v, testHooks);
        if (typeof rk !== 'string') return rk;
        if (typeof rv !== 'string') return rv;
        parts.push(rk + ': ' + rv);
      }
      return '{' + parts.join(', ') + '}';
    }
    return new PyExc('TypeError', 'unknown test object');
  },
  ascii(o) {
    const r = this.repr(o);
    return typeof r === 'string' ? asciiEscape(r) : r;
  },
  format(o, spec) {
    const tn = o === null ? 'NoneType' : isNum(o) ? 'Num' : 'dict';
    if (spec !== '') return new PyExc('TypeError', `unsupported format string passed to ${tn}.__format__`);
    return this.str(o);
  },
  index(o) { return isNum(o) ? o.v : null; },
  int(o) { return isNum(o) ? o.v : new PyExc('TypeError', 'no int'); },
  float(o) { return isNum(o) ? o.v : null; },
  isNumber(o) { return isNum(o); },
  isMapping(o) { return isDict(o); },
  getitem(c, key) {
    if (c.t === 'obj' && isDict(c.ref)) {
      for (const [k, v] of c.ref.entries) if (sameKey(k, key)) return v;
      const r = reprArg(key, testHooks);
      return new PyExc('KeyError', typeof r === 'string' ? r : '?');
    }
    if (c.t === 'tuple' && key.t === 'int') {
      const i = Number(key.v);
      const item = c.items[i < 0 ? i + c.items.length : i];
      return item ?? new PyExc('IndexError', 'tuple index out of range');
    }
    if (c.t === 'str' && key.t === 'int') {
      const cps = Array.from(c.v);
      const i = Number(key.v);
      const item = cps[i < 0 ? i + cps.length : i];
      return item !== undefined ? { t: 'str', v: item } : new PyExc('IndexError', 'string index out of range');
    }
    if (c.t === 'tuple') return new PyExc('TypeError', `tuple indices must be integers or slices, not ${key.t}`);
    if (c.t === 'str') return new PyExc('TypeError', `string indices must be integers, not '${key.t}'`);
    return new PyExc('TypeError', `'${c.t === 'obj' ? c.type : c.t}' object is not subscriptable`);
  },
  getattr(o, name) {
    if ((o.t === 'complex') && (name === 'real' || name === 'imag')) return { t: 'float', v: name === 'real' ? o.re : o.im };
    if ((o.t === 'int' || o.t === 'float') && name === 'real') return o;
    if (o.t === 'int' && name === 'numerator') return o;
    if (o.t === 'int' && name === 'imag') return { t: 'int', v: 0 };
    if (o.t === 'float' && name === 'imag') return { t: 'float', v: 0 };
    const tn = o.t === 'obj' ? o.type : o.t;
    return new HostExc({ type: 'AttributeError', message: `'${tn}' object has no attribute '${name}'` });
  },
  bytes() { return null; },
};

/** JSON-safe encoding of a FormatArg (floats as bit patterns, ints as decimal). */
export function toWire(a: FormatArg): unknown {
  switch (a.t) {
    case 'int': return { t: 'int', v: String(a.v) };
    case 'bool': return { t: 'bool', v: a.v };
    case 'float': return { t: 'float', v: bitsOf(a.v) };
    case 'complex': return { t: 'complex', re: bitsOf(a.re), im: bitsOf(a.im) };
    case 'str': return { t: 'str', v: a.v };
    case 'bytes': return { t: 'bytes', v: Buffer.from(a.v).toString('hex') };
    case 'tuple': return { t: 'tuple', items: a.items.map(toWire) };
    case 'obj':
      if (a.ref === null) return { t: 'none' };
      if (isNum(a.ref)) return { t: 'num', v: a.ref.v };
      return { t: 'dict', entries: (a.ref as TestDict).entries.map(([k, v]) => [toWire(k), toWire(v)]) };
  }
}

/** Python side of `toWire`: defines val(d). */
export const PY_VAL = `
class Num:
    def __init__(s, v): s.v = v
    def __index__(s): return s.v
    def __int__(s): return s.v
    def __float__(s): return float(s.v)
    def __repr__(s): return f'Num({s.v})'
def val(d):
    t = d['t']
    if t == 'num': return Num(d['v'])
    if t == 'int': return int(d['v'])
    if t == 'bool': return d['v']
    if t == 'float': return F(d['v'])
    if t == 'complex': return complex(F(d['re']), F(d['im']))
    if t == 'str': return d['v']
    if t == 'bytes': return bytes.fromhex(d['v'])
    if t == 'tuple': return tuple(val(x) for x in d['items'])
    if t == 'none': return None
    return {val(k): val(v) for k, v in d['entries']}
def R(r):
    if isinstance(r, dict) and 'ok' in r and isinstance(r['ok'], bytes): r['ok'] = {'bytes': r['ok'].hex()}
    return r
`;

/** Render our result like the python side's JSON for comparison. */
export function showResult(r: unknown): string {
  if (r instanceof PyExc) return `${r.type}: ${r.message}`;
  if (r instanceof HostExc) {
    const p = r.payload as { type: string; message: string };
    return `${p.type}: ${p.message}`;
  }
  if (r instanceof Uint8Array) return JSON.stringify({ bytes: Buffer.from(r).toString('hex') });
  return JSON.stringify(r);
}

export function showPython(w: { ok?: unknown; err?: string; msg?: string }): string {
  return w.err !== undefined ? `${w.err}: ${w.msg}` : JSON.stringify(w.ok);
}
