// The benchmark manifest: every program of the suite, its size argument in
// each mode, and a one-line description. The single source of truth that the
// runner, the README table and the JSON results all read.
//
// Sizes were chosen so that CPython 3.11 takes ~0.5-2 s per program in full
// mode, ~0.1-0.3 s in quick mode, and a few milliseconds in check mode (on the
// 2-core development machine, November 2026).

// A size is the program's argv after the file name: a number, or a string of
// space-separated arguments (fannkuch: "n repeat").
/** @typedef {number|string} Size */
/** @typedef {{ name: string, file: string, sizes: { check: Size, quick: Size, full: Size }, what: string }} Program */

/** The argv list of a size. */
export function sizeArgs(size) {
  return String(size).split(' ').filter(Boolean);
}

/** @type {Program[]} */
export const PROGRAMS = [
  { name: 'nbody', file: 'programs/nbody.py', sizes: { check: 100, quick: 30000, full: 160000 },
    what: 'float arithmetic on list-held planets (symplectic integrator)' },
  { name: 'fannkuch', file: 'programs/fannkuch.py', sizes: { check: '5', quick: '8 4', full: '9 2' },
    what: 'permutations and prefix reversals: list slicing and indexing' },
  { name: 'spectral_norm', file: 'programs/spectral_norm.py', sizes: { check: 10, quick: 150, full: 380 },
    what: 'power method: float division, calls, generator expressions' },
  { name: 'nqueens', file: 'programs/nqueens.py', sizes: { check: 5, quick: 11, full: 12 },
    what: 'backtracking with sets and with bit masks: recursion, closures' },
  { name: 'richards', file: 'programs/richards.py', sizes: { check: 200, quick: 40000, full: 250000 },
    what: 'Richards-style task scheduler: method calls, attributes, linked lists' },
  { name: 'classes', file: 'programs/classes.py', sizes: { check: 10, quick: 600, full: 3500 },
    what: 'class-heavy AST interpreter: inheritance, super(), properties, __slots__, visitors' },
  { name: 'raytrace', file: 'programs/raytrace.py', sizes: { check: 8, quick: 100, full: 230 },
    what: 'ray tracer: small Vec objects with operator methods, floats' },
  { name: 'chaos', file: 'programs/chaos.py', sizes: { check: 1000, quick: 150000, full: 1000000 },
    what: 'chaos game (IFS fern) and Mandelbrot: tight float loops' },
  { name: 'json_build', file: 'programs/json_build.py', sizes: { check: 3, quick: 180, full: 1000 },
    what: 'recursive dict/list builder, hand-written encoder and decoder' },
  { name: 'wordcount', file: 'programs/wordcount.py', sizes: { check: 500, quick: 150000, full: 900000 },
    what: 'generated text: split, strip, lower, dict counting, sorted' },
  { name: 'generators', file: 'programs/generators.py', sizes: { check: 500, quick: 400000, full: 2500000 },
    what: 'generator pipeline: yield, yield from, send(), genexps' },
  { name: 'pidigits', file: 'programs/pidigits.py', sizes: { check: 50, quick: 1800, full: 4500 },
    what: 'unbounded spigot for pi: big-integer multiply and divide' },
  { name: 'strformat', file: 'programs/strformat.py', sizes: { check: 100, quick: 30000, full: 160000 },
    what: 'f-strings, %-formatting, str.format, join, replace' },
];

/** The threading suite: one program, workloads selected by name. */
export const SCALING = {
  file: 'threading/scaling.py',
  // SCALE argument of scaling.py per mode (1.0 = ~0.3 s per workload and thread in CPython).
  scale: { check: 0.002, quick: 0.3, full: 1.0 },
  workloads: [
    ['pure_calls', 'calls of a module-level Python function through a local'],
    ['method_calls', 'method calls on one object shared by all threads'],
    ['global_lookups', 'global function and global constant lookups'],
    ['module_attr_calls', 'math.gcd(...) - a module attribute call'],
    ['float_arith', 'float multiply/add/divide in a loop'],
    ['object_creation', 'instances of a __slots__ class created and read'],
    ['closure_creation', 'a nested function (closure with default) made per iteration'],
    ['dict_creation', 'small dict literals created and read'],
    ['shared_dict_read', 'reads of one dict shared by all threads'],
    ['shared_list_read', 'reads of one list shared by all threads'],
    ['generators', 'a generator function created and exhausted'],
    ['thread_local', 'attribute reads of a threading.local()'],
    ['str_constants', 'string constants compared and tested for membership'],
  ],
};

/** Runs per mode for the single-thread and threading suites (median reported). */
export const RUNS = { check: 2, quick: 1, full: 5 };
