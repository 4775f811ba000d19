// The hook interface: errors raised by interpreter code inside a hook come
// back unchanged (the same HostExc object) from every entry point, and the
// hooks are consulted for exactly the non-builtin values.
import { describe, expect, it } from 'vitest';
import { PyExc } from '../../src/numeric/index.js';
import {
  HostExc, fmtArg, printfStr, printfBytes, strFormat, strFormatMap, formatValue, type FormatHooks, type FormatArg,
} from '../../src/format/index.js';

const boom = new HostExc({ type: 'RuntimeError', message: 'boom' });
const calls: string[] = [];

/** Every hook fails with `boom` and records that it was called. */
const failing: FormatHooks = {
  str: () => (calls.push('str'), boom),
  repr: () => (calls.push('repr'), boom),
  ascii: () => (calls.push('ascii'), boom),
  format: () => (calls.push('format'), boom),
  index: () => (calls.push('index'), boom),
  int: () => (calls.push('int'), boom),
  float: () => (calls.push('float'), boom),
  isNumber: () => (calls.push('isNumber'), true),
  isMapping: () => (calls.push('isMapping'), false),
  getitem: () => (calls.push('getitem'), boom),
  getattr: () => (calls.push('getattr'), boom),
  bytes: () => (calls.push('bytes'), boom),
};

const obj: FormatArg = fmtArg.obj({}, 'Thing');

describe('hook errors propagate unchanged', () => {
  const cases: [string, () => unknown, string][] = [
    ['%s', () => printfStr('%s', obj, failing), 'str'],
    ['%r', () => printfStr('%r', obj, failing), 'repr'],
    ['%a', () => printfStr('%a', obj, failing), 'ascii'],
    ['%d', () => printfStr('%d', obj, failing), 'int'],
    ['%x', () => printfStr('%x', obj, failing), 'index'],
    ['%f', () => printfStr('%f', obj, failing), 'float'],
    ['%c', () => printfStr('%c', obj, failing), 'index'],
    ["b'%s'", () => printfBytes(Uint8Array.of(37, 115), obj, failing), 'bytes'],
    ["b'%c'", () => printfBytes(Uint8Array.of(37, 99), obj, failing), 'index'],
    ['%s of a tuple item', () => printfStr('%s', fmtArg.tuple([fmtArg.tuple([fmtArg.int(1), obj])]), failing), 'repr'],
    ['{0.x}', () => strFormat('{0.x}', [fmtArg.int(1)], null, failing), 'getattr'],
    ['{0[k]}', () => strFormat('{0[k]}', [fmtArg.int(1)], null, failing), 'getitem'],
    ['{k}', () => strFormat('{k}', [], obj, failing), 'getitem'],
    ['format_map', () => strFormatMap('{k}', obj, failing), 'getitem'],
    ['{0!s}', () => strFormat('{0!s}', [obj], null, failing), 'str'],
    ['{0:>5}', () => strFormat('{0:>5}', [obj], null, failing), 'format'],
    ['formatValue', () => formatValue(obj, 'x', failing), 'format'],
  ];
  for (const [name, run, hook] of cases) {
    it(name, () => {
      calls.length = 0;
      expect(run()).toBe(boom);
      expect(calls).toContain(hook);
    });
  }
});

describe('hooks are not consulted for builtin values', () => {
  it('printf, str.format and format() of builtins never call a hook', () => {
    calls.length = 0;
    expect(printfStr('%s %r %a %d %x %f %c', fmtArg.tuple([
      fmtArg.str('é'), fmtArg.float(0.5), fmtArg.str('é'), fmtArg.bool(true), fmtArg.int(255n ** 9n), fmtArg.int(2), fmtArg.int(65),
    ]), failing)).toBe("é 0.5 '\\xe9' 1 " + (255n ** 9n).toString(16) + ' 2.000000 A');
    expect(strFormat('{0!r:>6}|{1.real}', [fmtArg.str('a'), fmtArg.complex(1, 2)], null, failing)).toBe(boom);
    expect(calls).toEqual(['getattr']); // attributes are always the interpreter's
    calls.length = 0;
    expect(formatValue(fmtArg.complex(1, -2), '^12.1f', failing)).toBe('  1.0-2.0j  ');
    expect(calls).toEqual([]);
  });
  it('a hook answering "no such protocol" gives the CPython TypeError', () => {
    const none: FormatHooks = { ...failing, index: () => null, float: () => null, isNumber: () => false, bytes: () => null };
    const e = (r: unknown): string => (r instanceof PyExc ? `${r.type}: ${r.message}` : String(r));
    expect(e(printfStr('%d', obj, none))).toBe('TypeError: %d format: a real number is required, not Thing');
    expect(e(printfStr('%X', obj, none))).toBe('TypeError: %X format: an integer is required, not Thing');
    expect(e(printfStr('%e', obj, none))).toBe('TypeError: must be real number, not Thing');
    expect(e(printfStr('%c', obj, none))).toBe('TypeError: %c requires int or char');
    expect(e(printfBytes(Uint8Array.of(37, 98), obj, none))).toBe(
      "TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'Thing'");
  });
});
