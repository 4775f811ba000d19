// Python's repr() of the values a Constant node can hold, as CPython 3.11 prints
// them (Objects/unicodeobject.c unicode_repr, Objects/bytesobject.c
// PyBytes_Repr, Python/pystrtod.c PyOS_double_to_string with 'r' format,
// Objects/complexobject.c complex_repr). Used by dump(); the compiler's own repr of
// runtime objects lives with the object types.

import { CodePointStr, ComplexConst, ELLIPSIS, type ConstantValue } from './nodes.js';
// Py_UNICODE_ISPRINTABLE from the lexer's table, generated from python3's own
// unicodedata (Unicode 14.0): Node's ICU may know newer characters.
import { isPrintable } from '../lexer/chars.js';

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** The code points of a JS string (a surrogate pair is one; a lone surrogate is itself). */
function codePointsOf(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    out.push(c);
  }
  return out;
}

/** repr() of a str (a JS string or a CodePointStr). */
export function reprStr(str: string | CodePointStr): string {
  const cps = typeof str === 'string' ? codePointsOf(str) : str.codePoints;
  const quote = cps.includes(0x27) && !cps.includes(0x22) ? '"' : "'";
  let out = quote;
  for (const c of cps) {
    if (c < 0x7f) {
      if (c === 0x5c) out += '\\\\';
      else if (c === 0x09) out += '\\t';
      else if (c === 0x0a) out += '\\n';
      else if (c === 0x0d) out += '\\r';
      else if (c < 0x20) out += '\\x' + hex(c, 2);
      else if (String.fromCharCode(c) === quote) out += '\\' + quote;
      else out += String.fromCharCode(c);
    } else if (c === 0x7f) {
      out += '\\x7f';
    } else {
      const ch = String.fromCodePoint(c);
      if ((c >= 0xd800 && c <= 0xdfff) || !isPrintable(c)) {
        if (c <= 0xff) out += '\\x' + hex(c, 2);
        else if (c <= 0xffff) out += '\\u' + hex(c, 4);
        else out += '\\U' + hex(c, 8);
      } else {
        out += ch;
      }
    }
  }
  return out + quote;
}

/** repr() of a bytes object. */
export function reprBytes(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x27) hasSingle = true;
    else if (b[i] === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  let out = 'b' + String.fromCharCode(quote);
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === quote || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + hex(c, 2);
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}

/**
 * float repr: the shortest string that round-trips (JS and CPython agree on the
 * digits), laid out as CPython's 'r' format does: positional notation when the
 * decimal exponent is in [-4, 16), else d.ddde±XX. `addDotZero` appends '.0' to an
 * integral positional result (float repr does, complex parts do not).
 */
export function reprFloat(x: number, addDotZero = true): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return (Object.is(x, -0) ? '-0' : '0') + (addDotZero ? '.0' : '');
  const sign = x < 0 ? '-' : '';
  const e = Math.abs(x).toExponential(); // shortest round-trip digits: "d.ddde+N"
  const ePos = e.indexOf('e');
  const digits = e.slice(0, ePos).replace('.', '');
  const exp = Number(e.slice(ePos + 1)); // value = 0.digits * 10^(exp+1)
  const decpt = exp + 1;
  let body: string;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) body = '0.' + '0'.repeat(-decpt) + digits;
    else if (decpt >= digits.length) body = digits + '0'.repeat(decpt - digits.length) + (addDotZero ? '.0' : '');
    else body = digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const ee = decpt - 1;
    body = mant + 'e' + (ee < 0 ? '-' : '+') + String(Math.abs(ee)).padStart(2, '0');
  }
  return sign + body;
}

/** complex repr (complex_repr): `<imag>j` when the real part is +0, else `(re±imj)`. */
export function reprComplex(c: ComplexConst): string {
  if (c.real === 0 && !Object.is(c.real, -0)) return reprFloat(c.imag, false) + 'j';
  const re = reprFloat(c.real, false);
  const im = reprFloat(c.imag, false);
  const sign = c.imag < 0 || Object.is(c.imag, -0) || Number.isNaN(c.imag) ? '' : '+';
  return '(' + re + (im.startsWith('-') ? '' : sign) + im + 'j)';
}

/** repr() of any Constant value. */
export function reprConstant(v: ConstantValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === ELLIPSIS) return 'Ellipsis';
  switch (typeof v) {
    case 'string':
      return reprStr(v);
    case 'bigint':
      return v.toString();
    case 'number':
      return reprFloat(v);
    default:
      break;
  }
  if (v instanceof Uint8Array) return reprBytes(v);
  if (v instanceof CodePointStr) return reprStr(v);
  if (v instanceof ComplexConst) return reprComplex(v);
  return String(v);
}
