// Hand-written tables of the tricky cases of format(), printf-style `%`
// and their errors. Expected values come from python3 at test time (one
// process per table); each row is (value, spec) or (format, args).
import { describe, expect, it } from 'vitest';
import { runPython } from '../numeric/py.js';
import { formatValue, printfStr, printfBytes, strFormat, fmtArg, type FormatArg } from '../../src/format/index.js';
import { NONE, numArg, dictArg, testHooks, toWire, PY_VAL, showResult, showPython } from './values.js';

const I = fmtArg.int;
const Fl = fmtArg.float;
const S = fmtArg.str;

const FORMAT_ROWS: [FormatArg, string][] = [
  // the 'z' option (3.11): negative zero after rounding
  [Fl(-0.0), 'z'], [Fl(-0.0), 'z.1f'], [Fl(-0.001), 'z.2f'], [Fl(-0.001), 'z.2e'], [Fl(-0.001), 'z.1%'], [Fl(-0.001), 'z.0g'],
  [Fl(-0.001), 'z+.1f'], [Fl(-0.001), 'z 08.1f'], [Fl(-1e-300), 'z.3'], [Fl(NaN), 'z'], [fmtArg.complex(-0.0, -0.001), 'z.1f'],
  [I(0), 'z'], [S('a'), 'z'], [Fl(-0.0), 'z#.0f'],
  // 'g' and '' with and without '#'
  [Fl(1.0), 'g'], [Fl(1.0), '#g'], [Fl(1.0), '#.3g'], [Fl(1234567.0), '#g'], [Fl(0.0001), '#.2g'], [Fl(1e-5), '#g'],
  [Fl(100.0), '.3'], [Fl(100.0), '.2'], [Fl(100.0), '#.2'], [Fl(1e16), ''], [Fl(1e16), '.17'], [Fl(123.456), '.0'],
  [Fl(0.1), '#'], [Fl(1.5), '#.0e'], [Fl(1.5), '#.0f'], [Fl(1.5), '#.0%'], [Fl(Infinity), '#g'], [Fl(2.5), '.0f'],
  // 'n' (C locale: like 'g'/'d' without grouping)
  [I(1234567), 'n'], [Fl(1234567.0), 'n'], [Fl(1234.5678), '.6n'], [I(-5), '+n'], [I(123456), '012n'],
  // '%'
  [Fl(0.125), '%'], [Fl(0.125), '.1%'], [I(3), '%'], [Fl(1e308), '%'], [Fl(-0.5), '=+10.2%'], [Fl(NaN), '%'],
  // grouping with width and '0'
  [I(1234), '08,'], [I(1234), '09,'], [I(1234), '010,'], [I(-1234), '09,'], [I(1234567), '_'], [I(0xdeadbeef), '_x'],
  [I(0xdeadbeef), '#012_x'], [I(255), '#_b'], [I(8), '#o'], [Fl(1234567.891), ',.2f'], [Fl(1234567.891), '015,.2f'],
  [Fl(1e20), ','], [Fl(-1e20), '030_'], [Fl(Infinity), '010,'], [fmtArg.complex(12345.6, -7890.1), ','], [I(1234), '*^12,'],
  [I(1234), '0=12,'], [I(10n ** 30n), ','], [I(-(2n ** 100n)), '_X'], [Fl(5e-324), ',.400f'],
  // '=' with sign and fill
  [I(-42), '=8'], [I(42), '*=+8'], [I(42), '😀= 8'], [Fl(-1.5), 'x=10'], [I(255), '=#10x'], [S('ab'), '=5'],
  [I(-42), '0=8'], [I(-42), '<08'], [I(-42), '^08'], [S('ab'), '05'], [S('ab'), '0>5'],
  // 'c'
  [I(65), 'c'], [I(0x1f600), '^5c'], [I(0x10ffff), 'c'], [I(0x110000), 'c'], [I(-1), 'c'], [I(2n ** 64n), 'c'],
  [I(65), '+c'], [I(65), '#c'], [I(65), ',c'], [I(65), '.2c'], [fmtArg.bool(true), 'c'],
  // large precision, width and digits
  [Fl(1e300), '.2000f'], [Fl(0.1), '.1500e'], [Fl(1 / 3), '#.1500g'], [Fl(1 / 3), '.1500g'], [Fl(1e-300), '.1200%'],
  [Fl(1e-5), '#.1200g'], [Fl(2.5), '.1101f'], [Fl(1.5), '.' + '9'.repeat(25)], [I(1), '9'.repeat(25)],
  [Fl(1.5), '.2147483648f'], [fmtArg.complex(1, 1), '.2147483648f'], [I(10n ** 4300n), 'd'], [I(10n ** 4299n), ''],
  [I(10n ** 5000n), 'x'], [I(10n ** 4300n), ''],
  // complex
  [fmtArg.complex(0, 1), ''], [fmtArg.complex(-0.0, 1), ''], [fmtArg.complex(1, -0.0), ''], [fmtArg.complex(0, 1), '10'],
  [fmtArg.complex(1, 2), '^20.3f'], [fmtArg.complex(1, 2), '+'], [fmtArg.complex(0, -2), '+'], [fmtArg.complex(NaN, Infinity), ''],
  [fmtArg.complex(1, 2), '010'], [fmtArg.complex(1, 2), '0<10'], [fmtArg.complex(1, 2), '=10'], [fmtArg.complex(1, 2), '%'],
  [fmtArg.complex(1, 2), '#'], [fmtArg.complex(1, 2), 'n'], [fmtArg.complex(1, 2), '.0'], [fmtArg.complex(1e20, 1e-20), 'g'],
  // str
  [S('héllo'), '.2'], [S('😀😀😀'), '^7.2'], [S('ab'), '😀^6'], [S('ab'), '+'], [S('ab'), ' '], [S('ab'), '#'],
  [S('ab'), ','], [S('ab'), '_'], [S('ab'), 'd'], [S('ab'), '\u20ac'], [S('ab'), 'x<\u0665'], [S(''), '.0'],
  // bool, others
  [fmtArg.bool(true), ''], [fmtArg.bool(true), 'd'], [fmtArg.bool(false), '>5'], [fmtArg.bool(true), 's'], [fmtArg.bool(true), '.1f'],
  [NONE, ''], [NONE, 's'], [numArg(3), ''], [numArg(3), 'd'], [fmtArg.bytes(Uint8Array.of(97)), ''], [fmtArg.bytes(Uint8Array.of(97)), 's'],
  [fmtArg.tuple([I(1)]), ''], [fmtArg.tuple([]), ''], [fmtArg.tuple([I(1), S('a')]), '>3'],
  // error texts
  [I(1), '.'], [I(1), ',_'], [I(1), '_,'], [I(1), ',,'], [I(1), ',n'], [I(1), '_n'], [I(1), '\x01'], [I(1), ',\x01'],
  [I(1), '<<<'], [I(1), '>10xx'], [Fl(1), 'd'], [I(1), 'q'], [I(1), 's'], [Fl(1), 'z,d'], [I(1), '.2'], [I(1), 'z'],
  [I(2n ** 1100n), 'f'], [I(2n ** 1100n), 'e'],
];

const PRINTF_ROWS: [string, FormatArg][] = [
  ['%d %s %.2f', fmtArg.tuple([I(42), S('x'), Fl(3.14159)])], ['%5%', fmtArg.tuple([I(1)])], ['%5%', fmtArg.tuple([])],
  ['%%', fmtArg.tuple([])], ['%(a)%', dictArg([])], ['%ld %hd %Lf', fmtArg.tuple([I(1), I(2), Fl(3)])], ['%lld', I(1)],
  ['%.*d', fmtArg.tuple([I(-3), I(5)])], ['%.*s|', fmtArg.tuple([I(-1), S('abc')])], ['%*s|', fmtArg.tuple([I(-5), S('a')])],
  ['%*d', fmtArg.tuple([I(2n ** 63n), I(1)])], ['%.*d', fmtArg.tuple([I(2 ** 31), I(1)])], ['%*d', fmtArg.tuple([Fl(1), I(1)])],
  ['%9999999999999999999d', I(1)], ['%.9999999999999999999d', I(1)], ['%.3000000000d', I(1)],
  ['%010f', Fl(Infinity)], ['%-010f|', Fl(-Infinity)], ['%+.3e', Fl(-0.0)], ['%#.0f %#x %#o %#X', fmtArg.tuple([Fl(3), I(0), I(0), I(255)])],
  ['%d', fmtArg.complex(1, 1)], ['%x', Fl(1.5)], ['%f', S('a')], ['%f', fmtArg.complex(1, 1)], ['%d', Fl(NaN)], ['%d', Fl(-Infinity)],
  ['%d %d %i %u', fmtArg.tuple([fmtArg.bool(true), Fl(3.9), Fl(-3.9), Fl(1e20)])], ['%x', fmtArg.bool(true)],
  ['%c', Fl(1.5)], ['%c', I(10n ** 30n)], ['%c', I(-1)], ['%c', I(0x10ffff)], ['%c', I(0x110000)], ['%c%c', fmtArg.tuple([I(65), S('é')])],
  ['%c', S('ab')], ['%c', S('😀')], ['%5c|%-5c|', fmtArg.tuple([S('😀'), I(65)])], ['%c', numArg(66)], ['%c', NONE],
  ['%s', fmtArg.tuple([I(1), I(2)])], ['%s', fmtArg.tuple([fmtArg.tuple([I(1), I(2)])])], ['%s', fmtArg.tuple([fmtArg.tuple([I(1)])])],
  ['%(a)s %(b)d', dictArg([[S('a'), S('x')], [S('b'), I(2)]])], ['%(a)*d', dictArg([[S('a'), I(2)]])],
  ['%(a(b))s', dictArg([[S('a(b)'), I(3)]])], ['%(a', dictArg([])], ['%(a', I(5)], ['%(x)s', I(1)],
  ['%s %s', dictArg([])], ['abc', dictArg([])], ['abc', fmtArg.bytes(Uint8Array.of(1))], ['abc', I(5)], ['abc', fmtArg.tuple([])],
  ['%(a)s %s', dictArg([[S('a'), I(1)]])], ['%s', dictArg([[S('a'), I(1)]])], ['%q', fmtArg.tuple([])], ['%q', I(1)],
  ['%\x01', I(1)], ['%\x1f', I(1)], ['%\x7f', I(1)], ['%\x80', I(1)], ['😀%😀', I(1)], ['%', fmtArg.tuple([])], ['%5', I(1)], ['%.', I(1)], ['%l', I(1)], ['%(a)5.1(f', dictArg([[S('a'), I(1)]])],
  ['%r %a %s', fmtArg.tuple([S('é😀\n'), S("it's"), Fl(-0.0)])], ['%.3r', S('abcdef')], ['%5a|', S('é')], ['%s', fmtArg.complex(0, 1)],
  ['%d %x %f %s %r', fmtArg.tuple([numArg(7), numArg(255), numArg(2), numArg(1), numArg(1)])], ['%d', NONE], ['%o', S('a')],
  ['%.200d', I(1)], ['%.5d|%5.3x', fmtArg.tuple([I(10n ** 20n), I(-3)])], ['%05d|%+05d|%-05d|% 05x', fmtArg.tuple([I(-3), I(3), I(3), I(-255)])],
  ['%- 08.2f|%0-8d|%#08x|%-#8X|', fmtArg.tuple([Fl(3.14159), I(3), I(255), I(255)])], ['%05s|%05c', fmtArg.tuple([S('a'), S('b')])],
  ['%.1200f', Fl(1e-300)], ['%#.1500g', Fl(0.1)], ['%.2000e', Fl(5e-324)], ['%d', I(10n ** 4300n)], ['%x', I(10n ** 4300n)],
  ['%s', I(10n ** 4300n)], ['%e', I(10n ** 400n)], ['%b', I(1)],
];

const BYTES_ROWS: [string, FormatArg][] = [
  ['%s %b', fmtArg.tuple([fmtArg.bytes(Uint8Array.of(97, 0xff)), fmtArg.bytes(Uint8Array.of(98))])], ['%s', S('a')], ['%b', I(1)],
  ['%r %a', fmtArg.tuple([S('é'), fmtArg.bytes(Uint8Array.of(39))])], ['%c%c', fmtArg.tuple([I(255), fmtArg.bytes(Uint8Array.of(122))])],
  ['%c', I(256)], ['%c', I(-1)], ['%c', fmtArg.bytes(Uint8Array.of(1, 2))], ['%c', S('a')], ['%c', numArg(65)],
  ['%d %i %u %x', fmtArg.tuple([S('a'), I(1), I(2), I(3)])], ['%i', S('a')], ['%u', S('a')], ['%f', S('a')], ['%x', Fl(1.5)],
  ['%d %d', fmtArg.tuple([I(1), I(2), I(3)])], ['x', S('ab')], ['x', fmtArg.bytes(Uint8Array.of(1))], ['x', dictArg([])],
  ['%(a)s', dictArg([[fmtArg.bytes(Uint8Array.of(97)), fmtArg.bytes(Uint8Array.of(113))]])], ['%(a)s', dictArg([[S('a'), I(1)]])],
  ['%5.2f|%-6b|%.1s|%#x', fmtArg.tuple([Fl(1.5), fmtArg.bytes(Uint8Array.of(104, 105)), fmtArg.bytes(Uint8Array.of(104, 105)), I(255)])],
  ['%q', I(1)], ['\xff%\xe9', I(1)], ['%\x01', I(1)], ['%\x7f', I(1)], ['%5\xe9', I(1)], ['%.2\xe9', I(1)], ['%.\xe9', I(1)], ['%5l\xe9', I(1)],
  ['%-\xe9', I(1)], ['%(a)\xe9', dictArg([[fmtArg.bytes(Uint8Array.of(97)), I(1)]])], ['%\xe9', fmtArg.tuple([])], ['%s', NONE], ['%r', NONE], ['%a', numArg(3)],
];

const PY = PY_VAL + `
rows = [(kind, val(a) if kind == 'format' else a, b if kind == 'format' else val(b)) for kind, a, b in inp]
sys.set_int_max_str_digits(4300)  # the default limit applies to the formatting itself
out = []
for kind, a, b in rows:
    if kind == 'format':
        out.append(R(E(lambda: format(a, b))))
    elif kind == 'str':
        out.append(R(E(lambda: a % b)))
    else:
        f = a.encode('latin-1')
        out.append(R(E(lambda: f % b)))
print(json.dumps(out))
`;

describe('tables vs python3', () => {
  it('format(value, spec), printf-style str and bytes tricky cases', () => {
    const rows: [string, unknown, unknown][] = [
      ...FORMAT_ROWS.map(([v, s]): [string, unknown, unknown] => ['format', toWire(v), s]),
      ...PRINTF_ROWS.map(([f, a]): [string, unknown, unknown] => ['str', f, toWire(a)]),
      ...BYTES_ROWS.map(([f, a]): [string, unknown, unknown] => ['bytes', f, toWire(a)]),
    ];
    const want = runPython<{ ok?: unknown; err?: string; msg?: string }[]>(PY, rows);
    const bad: string[] = [];
    let k = 0;
    for (const [v, spec] of FORMAT_ROWS) {
      const g = showResult(formatValue(v, spec, testHooks));
      const e = showPython(want[k++]!);
      if (g !== e) bad.push(`format(${JSON.stringify(toWire(v))}, ${JSON.stringify(spec)}): ours ${g.slice(0, 300)}, python ${e.slice(0, 300)}`);
    }
    for (const [f, a] of PRINTF_ROWS) {
      const g = showResult(printfStr(f, a, testHooks));
      const e = showPython(want[k++]!);
      if (g !== e) bad.push(`${JSON.stringify(f)} % ${JSON.stringify(toWire(a))}: ours ${g.slice(0, 300)}, python ${e.slice(0, 300)}`);
    }
    for (const [f, a] of BYTES_ROWS) {
      const g = showResult(printfBytes(Uint8Array.from(f, (c) => c.charCodeAt(0)), a, testHooks));
      const e = showPython(want[k++]!);
      if (g !== e) bad.push(`b${JSON.stringify(f)} % ${JSON.stringify(toWire(a))}: ours ${g.slice(0, 300)}, python ${e.slice(0, 300)}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('sys.set_int_max_str_digits through the hooks', () => {
  it('limits 0 and 640 match python3', () => {
    const rows: [number, string, FormatArg][] = [];
    for (const limit of [0, 640]) {
      for (const digits of [640, 641, 5000]) {
        const v = fmtArg.int(10n ** BigInt(digits - 1) * 7n);
        rows.push([limit, 'format', v], [limit, '%d', v], [limit, '%s', fmtArg.tuple([v])], [limit, '{}', v], [limit, '%x', v]);
      }
    }
    const want = runPython<{ ok?: unknown; err?: string; msg?: string }[]>(PY_VAL + `
out = []
for limit, kind, a in inp:
    v = val(a)
    sys.set_int_max_str_digits(limit)
    if kind == 'format': out.append(E(lambda: format(v, ',')))
    elif kind == '{}': out.append(E(lambda: '{}'.format(v)))
    else: out.append(E(lambda: kind % v))
    sys.set_int_max_str_digits(0)
print(json.dumps(out))
`, rows.map(([l, k, a]) => [l, k, toWire(a)]));
    const bad: string[] = [];
    rows.forEach(([limit, kind, a], i) => {
      const hooks = { ...testHooks, intMaxStrDigits: limit };
      const got = kind === 'format' ? formatValue(a, ',', hooks)
        : kind === '{}' ? strFormat('{}', [a], null, hooks) : printfStr(kind, a, hooks);
      const g = showResult(got);
      const e = showPython(want[i]!);
      if (g !== e) bad.push(`limit ${limit} ${kind}: ours ${g.slice(0, 200)} python ${e.slice(0, 200)}`);
    });
    expect(bad).toEqual([]);
  });
});
