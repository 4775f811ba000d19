// parse() in every mode ('exec', 'eval', 'single', 'func_type') and a table of
// tricky valid snippets: our dump (with attributes) must be python3's, computed
// by one python3 process for the whole table.
import { test, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { parse, type ParseMode } from '../../src/parser/index.js';
import { dump } from '../../src/ast/index.js';

const CASES: readonly (readonly [ParseMode, string])[] = [
  ['eval', '1 + 2'],
  ['eval', 'a, b,\n\n'],
  ['eval', 'lambda x, /, y=1, *a, z, **k: (x, y)'],
  ['eval', '[x async for x in y if x if not x]'],
  ['eval', 'f"{x!r:>{width}.{prec}} {y=} {{z}}"'],
  ['eval', "b'\\x00' b'\\''"],
  ['eval', "u'a' 'b'"],
  ['eval', '0xFF + 0o17 + 0b101 + 1_000_000 + 1.5e-10 + 3j + 10**100 + 1e400'],
  ['eval', 'a if b else c if d else e'],
  ['eval', 'a[1:2, ::3, *b]'],
  ['eval', '{**a, "b": 1, **c}'],
  ['eval', '(yield)'],
  ['eval', '...'],
  ['single', 'x = 1\n'],
  ['single', 'if x:\n  y\n\n'],
  ['single', '1; 2\n'],
  ['single', '\n'],
  ['func_type', '(int, *str) -> None'],
  ['single', "x=1\ny=2\n"],
  ['single', "if x:\n  pass\ny=2\n"],
  ['single', "x=1;y=2\n"],
  ['eval', "x = 1"],
  ['eval', ""],
  ['eval', "\n"],
  ['eval', "\n\n"],
  ['single', "# c\n\n"],
  ['func_type', "  \n"],
  ['eval', "1\n2"],
  ['func_type', "int -> int"],
  ['single', "  x\n"],
  ['eval', " 1"],
  ['func_type', '() -> List[int]'],
  ['exec', 'match x:\n  case [1, *rest] if rest: pass\n  case {"k": v, **kw}: pass\n  case Point(x=0, y=_) | Point(1, 2) as p: pass\n  case -1 | 1.5 | 2+3j | -4-5j | "s" | b"b" | None | True: pass\n  case a.b.c: pass\n  case (a, b,): pass\n  case _: pass\n'],
  ['exec', 'match = 1\nmatch.x = case = 2\nprint(match, case)\n'],
  ['exec', '@a.b(c)\n@d\nasync def f(a: int = 1, *, b: "s", **k) -> None:\n  async with a as (b, c), d:\n    await x\n  async for i in y:\n    yield i\n'],
  ['exec', 'try:\n  pass\nexcept* (A, B) as e:\n  raise\nelse:\n  pass\nfinally:\n  pass\n'],
  ['exec', 'with (\n  a as b,\n  c,\n):\n  pass\nwith (a, b) as c: pass\nwith (yield): pass\n'],
  ['exec', 'x: int\n(y): int = 1\na.b: c = d\nx[0] += (yield)\nx = y = z = 1, 2\n'],
  ['exec', 'global a, b\ndef f():\n  nonlocal c\n  del a, (b), [c.d, e[0]]\n  return *a, b\n'],
  ['exec', 'from . import (a as b, c,)\nfrom ...x.y import *\nimport a.b.c as d, e\n'],
  ['exec', 'def f(*args: *Ts): pass\nclass A(B, metaclass=M, **kw): x = 1; y = 2\n'],
  ['exec', 'if (n := len(a)) > 10: pass\nprint(f"{(x := 10)}", [y := 1, y**2])\n'],
  ['exec', 'x = f"""\n{a\n + b}\n""" f\'{c}\'\n'],
  ['exec', 'é = 1\nℌ = 2 # NFKC\nprint(ﬁ)\n'],
  ['exec', 'x = "\\N{EM DASH}\\x41\\101\\u00e9" r"\\d" rb"\\x"\n'],
  ['exec', 'a = not b and c or d\nb = -a ** -b\nc = a < b <= c is not d not in e\n'],
  ['exec', 'for x, in y: pass\nfor [a, *b] in c: pass\nelse: pass\nwhile 1:\n  break\nelse:\n  continue\n'],
  ['exec', 'lambda: (yield)\nf(*a, *b, c=1, **d, **e)\nf(a for a in b)\n'],
  ['exec', '# only a comment\n'],
  ['exec', ''],
  ['exec', '\ufeffx = 1\n'],
  // precedence, literals, f-string corners, soft keywords, targets
  ['exec', "x = '\\ud800\\udc00' + '\\ud800' '\\udc00' + 'a\\U0001f600\\U0000DBFF' + '\\\\ud800' + '\\udfff\\ud800' + '😀\\ud83d'\n"],
  ['exec', "print(*a, sep='')"],
  ['exec', "x = *a,"],
  ['exec', "f\"{'a' if x else 'b'}\""],
  ['exec', "f'{x:{\"^\"}10}'"],
  ['exec', "f\"{a!=b}\""],
  ['exec', "f\"{a==b=}\""],
  ['exec', "f\"{x:=10}\""],
  ['exec', "f\"{(lambda x: x)(1)}\""],
  ['exec', "f\"{x,}\""],
  ['exec', "f\"{ {'a': 1}['a'] }\""],
  ['exec', "match(x)"],
  ['exec', "case = 1"],
  ['exec', "_ = 1"],
  ['exec', "def f():\n  match x:\n    case _: pass"],
  ['exec', "print(match, case, _)"],
  ['exec', "match x, y:\n  case a, b: pass"],
  ['exec', "match *a, b:\n  case _: pass"],
  ['exec', "match -x:\n  case _: pass"],
  ['exec', "del x[0], y.z"],
  ['exec', "a[b:=1]"],
  ['exec', "with (a, b,): pass"],
  ['exec', "with (a as b,): pass"],
  ['exec', "with (a): pass"],
  ['exec', "with (a)(b): pass"],
  ['exec', "with (a, b) as c, d: pass"],
  ['exec', "a[*b]"],
  ['exec', "a[1:2, *b]"],
  ['exec', "return *a, *b"],
  ['exec', "for x in *a, *b: pass"],
  ['exec', "def g():\n  yield *a, b"],
  ['exec', "try: pass\nexcept (A, B): pass"],
  ['exec', "x = 0_0 + 00 + 1_0.0_1e1_0j + 0x_f + 1E5 + 1. + .5 + 0e0 + 1e-7 + 123456789012345678901234567890 + 0.1e400j + 1e22 + 1e-4 + 123456789.123456789 + 5e-324 + 1.7976931348623157e308"],
  ['exec', "x = '\\N{BULLET}' + b'\\xff' + '\\x00' + '\\0' + rb'' + Rb'' + BR\"\" + F'' + fR'{x}\\n'"],
  ['exec', "x = '''a\\\nb'''"],
  ['exec', "\u00e4 = \"\u00fc\"; print(\u00e4, \"\u65e5\u672c\u8a9e\")"],
  ['exec', "x = 1 + \\\n 2"],
  ['exec', "if x:\n\tpass"],
  ['exec', "a; b;"],
  ['exec', "a[..., 1]"],
  ['exec', "not a == b"],
  ['exec', "a not in b is not c"],
  ['exec', "lambda: a if b else c"],
  ['exec', "x = yield"],
  ['exec', "class A(metaclass=M): pass"],
  ['exec', "@x[0].y(z)\ndef f(): pass"],
  ['exec', "global x"],
  ['exec', "x = (\n  1,\n  2,\n)"],
  ['exec', "x = [\n  i\n  for i in y\n]"],
  ['exec', "f(a)(b)(c)"],
  ['exec', "a.b.c.d"],
  ['exec', "a[1][2:3][::4]"],
  ['exec', "-1 ** -2"],
  ['exec', "~x"],
  ['exec', "+x"],
  ['exec', "not not x"],
  ['exec', "a or b and c or d"],
  ['exec', "a < b < c"],
  ['exec', "(a)(b)"],
  ['exec', "((a))"],
  ['exec', "(a).b"],
  ['exec', "[a][0]"],
  ['exec', "{}.x"],
  ['exec', "\"s\".join(x)"],
  ['exec', "1 .real"],
  ['exec', "1.0.real"],
  ['exec', "x if y else z"],
  ['exec', "lambda *a, **k: 0"],
  ['exec', "lambda a=1, *, b: 0"],
  ['exec', "lambda a, /: 0"],
  ['exec', "x = {**a}"],
  ['exec', "x = {*a}"],
  ['exec', "x = {1: 2 for a in b}"],
  ['exec', "x = {a for a in b}"],
  ['exec', "x = (a for a in b if c for d in e)"],
  ['exec', "x = [(a, b) for a, b in c]"],
  ['exec', "x: \"int\" = 1"],
  ['exec', "x: int"],
  ['exec', "def f(a: int = 1, *args: str, b: float, **kw: dict) -> None: pass"],
  ['exec', "async def f():\n  await a\n  async for x in y: pass\n  async with a: pass\n  [x async for x in y]\n  await (yield)"],
  ['exec', "def f():\n  return (yield from x)"],
  ['exec', "nonlocal_ = 1"],
  ['exec', "x = \"\"\"\n\\tabc\n\"\"\""],
  ['exec', "x = r\"\\\"\""],
  ['exec', "# coding: latin-1\nx = 1"],
  ['exec', "if 1: pass\nelif 2: pass\nelif 3: pass\nelse: pass"],
  ['exec', "while 1: pass\nelse: pass"],
  ['exec', "try:\n  pass\nexcept:\n  pass\nelse:\n  pass\nfinally:\n  pass"],
  ['exec', "x = f\"a\" \"b\" f\"c{d}\" \"e\""],
  ['exec', "x = f\"{a}\" f\"\""],
  ['exec', "x = \"\" f\"{a}\""],
  ['exec', "x = f\"{a!s}{b!a}{c!r}\""],
  ['exec', "x = f\"{a:>{b}{c}}\""],
  ['exec', "x = f\"{x=!s:^10}\""],
  ['exec', "x = f\"{x = }\""],
  ['exec', "x = f\"\\{x}\""],
  ['exec', "x = rf\"\\{x}\""],
  ['exec', "x = f\"{x}\\N{BULLET}\""],
  ['exec', "x = f\"\"\"{\nx\n}\"\"\""],
];

const PY = `
import ast, json, sys, warnings
warnings.simplefilter('ignore')
out = []
for mode, src in json.load(sys.stdin):
    try:
        out.append(ast.dump(ast.parse(src, mode=mode), include_attributes=True))
    except SyntaxError as e:
        out.append('SyntaxError: %s %s %s' % (e.msg, e.lineno, e.offset))
print(json.dumps(out))
`;

test('all modes and tricky snippets dump exactly as python3', () => {
  const expected = JSON.parse(execFileSync('python3', ['-c', PY], { input: JSON.stringify(CASES) }).toString()) as string[];
  const diffs: string[] = [];
  CASES.forEach(([mode, src], i) => {
    const r = parse(src, { mode });
    const ours = r.ok ? dump(r.tree, { includeAttributes: true }) : `SyntaxError: ${r.error.msg} ${r.error.lineno} ${r.error.offset}`;
    if (ours !== expected[i]) {
      let k = 0;
      while (ours[k] === expected[i]![k]) k++;
      diffs.push(`${mode} ${JSON.stringify(src)} differs at ${k}\n  ours:    ${ours.slice(Math.max(0, k - 80), k + 80)}\n  CPython: ${expected[i]!.slice(Math.max(0, k - 80), k + 80)}`);
    }
  });
  expect(diffs.join('\n')).toBe('');
});
