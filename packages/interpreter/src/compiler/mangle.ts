// Private name mangling (Python reference §6.2.1 "Identifiers (Names)"; CPython's
// _Py_Mangle in Python/compile.c): inside class C, an identifier `__x` that does
// not end in two underscores becomes `_C__x`, with the class name stripped of its
// leading underscores. Not mangled: names outside a class, `__dunder__` names,
// dotted names (only import statements produce them), and any name when the class
// name is all underscores.

/** `name` as it is stored and looked up inside the class called `privateName` (or outside any class: null). */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || name.charCodeAt(0) !== 0x5f || name.charCodeAt(1) !== 0x5f) return name;
  const n = name.length;
  if ((name.charCodeAt(n - 1) === 0x5f && name.charCodeAt(n - 2) === 0x5f) || name.indexOf('.') >= 0) return name;
  let i = 0;
  while (i < privateName.length && privateName.charCodeAt(i) === 0x5f) i++;
  if (i === privateName.length) return name;
  return '_' + privateName.slice(i) + name;
}
