// Constant identity for co_consts: two constants share a slot exactly when
// CPython's _PyCode_ConstantKey would make them equal (same type and value; 0.0
// and -0.0 differ, 1 and 1.0 and True differ, tuples and frozensets compare item
// keys, code objects by identity). Also the truth value of a constant, for the
// LOAD_CONST + conditional-jump folding of the assembler.

import { CodePointStr, ComplexConst, ELLIPSIS } from '../../ast/nodes.js';
import { CodeObject, ConstFrozenSet, ConstTuple, type PyConst } from '../../bytecode/code-object.js';

const codeKeys = new WeakMap<CodeObject, string>();

function floatKey(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  return String(x);
}

function strOf(s: string | CodePointStr): string {
  if (typeof s === 'string') {
    // by code point: an astral character is one code point, unlike the escaped pair of a CodePointStr
    let out = '';
    for (const ch of s) out += ch.codePointAt(0)!.toString(36) + ',';
    return out;
  }
  return s.codePoints.map((c) => c.toString(36)).join(',') + ',';
}

/** A string equal for exactly the constants CPython merges into one co_consts entry. */
export function constKey(c: PyConst): string {
  if (c === null) return 'N';
  if (c === ELLIPSIS) return 'E';
  switch (typeof c) {
    case 'boolean':
      return c ? 'T' : 'F';
    case 'bigint':
      return 'i' + c.toString();
    case 'number':
      return 'f' + floatKey(c);
    case 'string':
      return 's' + strOf(c);
    default:
      break;
  }
  if (c instanceof CodePointStr) return 's' + strOf(c);
  if (c instanceof Uint8Array) return 'b' + Array.from(c).join(',');
  if (c instanceof ComplexConst) return 'c' + floatKey(c.real) + '|' + floatKey(c.imag);
  if (c instanceof ConstTuple) return 't(' + c.items.map(constKey).join(';') + ')';
  if (c instanceof ConstFrozenSet) return 'z(' + c.items.map(constKey).sort().join(';') + ')';
  if (c instanceof CodeObject) {
    // code objects merge by value (code_richcompare): a finally body compiled twice
    // yields one constant per nested function, not two
    let k = codeKeys.get(c);
    if (k === undefined) {
      const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
      k = 'C(' + [c.co_name, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_flags, c.co_firstlineno,
        hex(c.co_code), c.co_consts.map(constKey).join(';'), c.co_names.join(','), c.localsPlusNames().join(','),
        hex(c.co_linetable), hex(c.co_exceptiontable)].join('|') + ')';
      codeKeys.set(c, k);
    }
    return k;
  }
  return '?';
}

/** PyObject_IsTrue of a constant */
export function constTruth(c: PyConst): boolean {
  if (c === null) return false;
  if (c === ELLIPSIS) return true;
  switch (typeof c) {
    case 'boolean':
      return c;
    case 'bigint':
      return c !== 0n;
    case 'number':
      return c !== 0; // NaN is true in Python: NaN !== 0
    case 'string':
      return c.length > 0;
    default:
      break;
  }
  if (c instanceof CodePointStr) return c.codePoints.length > 0;
  if (c instanceof Uint8Array) return c.length > 0;
  if (c instanceof ComplexConst) return c.real !== 0 || c.imag !== 0;
  if (c instanceof ConstTuple || c instanceof ConstFrozenSet) return c.items.length > 0;
  return true;
}
