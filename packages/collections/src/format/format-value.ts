// format(value, spec) for any FormatArg (PyObject_Format): the builtin
// types' __format__ from format-builtin.ts; bytes and tuple use
// object.__format__ (str(self) for an empty spec, TypeError otherwise);
// other objects go to the `format` hook.

import { PyExc } from '../numeric/errors.js';
import { formatBool, formatComplex, formatFloatSpec, formatInt, formatStr } from './format-builtin.js';
import type { FmtError, FormatArg, FormatHooks } from './hooks.js';
import { maxStrDigits, strArg } from './repr.js';

export function formatValue(a: FormatArg, spec: string, hooks: FormatHooks): string | FmtError {
  switch (a.t) {
    case 'int': return formatInt(a.v, spec, 'int', maxStrDigits(hooks));
    case 'bool': return formatBool(a.v, spec);
    case 'float': return formatFloatSpec(a.v, spec);
    case 'complex': return formatComplex(a.re, a.im, spec);
    case 'str': return formatStr(a.v, spec);
    case 'bytes':
    case 'tuple':
      if (spec !== '') return new PyExc('TypeError', `unsupported format string passed to ${a.t}.__format__`);
      return strArg(a, hooks);
    case 'obj': return hooks.format(a.ref, spec);
  }
}
