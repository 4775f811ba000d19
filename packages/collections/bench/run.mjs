// Benchmark of @pynogil/collections' objects (run after a build:
// `node bench/run.mjs [--json]` from packages/collections). One section per type;
// part 2 adds its own sections (str, dict, set) below the marked line. Each timed
// row prints pynogil, a plain JS Array / JS value on the same pattern, and
// python3 (timeit in one process, same machine, same run). Memory rows compare
// bytes per object with CPython 3.11's sys.getsizeof (64-bit sizes; ours are
// wasm32 layouts plus the allocator's size-class rounding).
// Figures are noisy when the machine is shared: run-to-run spread can be 30%+.
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { createHeap } from '@pynogil/allocator';
import { startRefcount } from '@pynogil/refcount';
import * as C from '@pynogil/collections';

const JSON_OUT = process.argv.includes('--json');
const log = (...a) => { if (!JSON_OUT) console.log(...a); };

function py(code) {
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

function bestOf(n, f) {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const heap = createHeap({ maximumPages: 16384 });
const rc = startRefcount(heap);
const ctx = C.startCollections(heap, rc);

const results = { timed: [], scaling: [], memory: [] };
function row(section, name, ops, msOurs, msJs, msPy) {
  const r = {
    section, name, ops,
    pynogil: ops / msOurs * 1e3, js: msJs == null ? null : ops / msJs * 1e3, python3: msPy == null ? null : ops / msPy * 1e3,
  };
  r.ratioToPython = r.python3 == null ? null : r.pynogil / r.python3;
  results.timed.push(r);
  const f = (x) => (x == null ? '—' : (x / 1e6).toFixed(2).padStart(8) + ' M/s');
  log(`${(section + ': ' + name).padEnd(40)} pynogil ${f(r.pynogil)}  js ${f(r.js)}  python3 ${f(r.python3)}  pynogil/python3 ${r.ratioToPython?.toFixed(2) ?? '—'}`);
}

const N = 200000;
const pyT = py(`
import timeit, json
N = ${N}
def app():
    l = []
    a = l.append
    for i in range(N): a(5)
L = list(range(1000, 2000))
def rd():
    l = L
    for i in range(N): l[i % 1000]
def box_int():
    for i in range(N): i + 1000000
def box_float():
    x = 0.5
    for i in range(N): x * 1.5
def mktuple():
    a = 1; b = 2
    for i in range(N): (a, i)
def empty():
    for i in range(N): pass
t = {k: min(timeit.repeat(f, number=1, repeat=5)) * 1e3 for k, f in
     [('append', app), ('read', rd), ('int', box_int), ('float', box_float), ('tuple', mktuple), ('loop', empty)]}
print(json.dumps(t))`);

// --- list -------------------------------------------------------------------
{
  const five = ctx.smallInts[10];
  const ms = bestOf(5, () => {
    const l = C.listNew(ctx);
    for (let i = 0; i < N; i++) C.listAppend(ctx, l, five);
    ctx.decref(l);
  });
  const msJs = bestOf(5, () => { const a = []; for (let i = 0; i < N; i++) a.push(5); return a; });
  row('list', 'append', N, ms, msJs, pyT.append);
}
const shared = C.listNew(ctx);
const jsArr = [];
for (let i = 0; i < 1000; i++) {
  const p = C.intNew(ctx, 1000 + i);
  C.listAppend(ctx, shared, p);
  ctx.decref(p);
  jsArr.push({ v: 1000 + i });
}
{
  let sink = 0;
  const ms = bestOf(5, () => {
    for (let i = 0; i < N; i++) { const p = C.listGetItemRef(ctx, shared, i % 1000); sink ^= p; rc.decref(p); }
  });
  const msJs = bestOf(5, () => { for (let i = 0; i < N; i++) sink ^= jsArr[i % 1000].v; });
  row('list', 'list[i] (owner thread)', N, ms, msJs, pyT.read);
  if (sink === 0.5) log('');
}

// --- int / float / tuple ----------------------------------------------------
{
  const ms = bestOf(5, () => { for (let i = 0; i < N; i++) ctx.decref(C.intNew(ctx, i + 1000000)); });
  const msJs = bestOf(5, () => { let o; for (let i = 0; i < N; i++) o = { v: i + 1000000 }; return o; });
  row('int', 'box + free (1 digit)', N, ms, msJs, pyT.int - pyT.loop);
  const msF = bestOf(5, () => { for (let i = 0; i < N; i++) ctx.decref(C.floatNew(ctx, i * 1.5)); });
  const msFJs = bestOf(5, () => { let o; for (let i = 0; i < N; i++) o = { v: i * 1.5 }; return o; });
  row('float', 'box + free', N, msF, msFJs, pyT.float - pyT.loop);
  let acc = 0;
  const msU = bestOf(5, () => { const p = ctx.smallInts[100]; for (let i = 0; i < N; i++) acc += C.intValue(ctx, p); });
  row('int', 'unbox', N, msU, null, null);
  const one = ctx.smallInts[6];
  const items = [one, one];
  const msT = bestOf(5, () => { for (let i = 0; i < N; i++) ctx.decref(C.tuplePack(ctx, items)); });
  const msTJs = bestOf(5, () => { let o; for (let i = 0; i < N; i++) o = [1, i]; return o; });
  row('tuple', 'create + free (2 items)', N, msT, msTJs, pyT.tuple - pyT.loop);
  if (acc === 0.5) log('');
}

// --- lock-free reads from 1 and 2 workers -----------------------------------
const immortalList = C.listNew(ctx);
for (let i = 0; i < 1000; i++) C.listAppend(ctx, immortalList, ctx.smallInts[i % 262]);
async function readers(k, reads, list = shared) {
  const ctl = new Int32Array(new SharedArrayBuffer(8));
  ctx.detach();
  const outs = await Promise.all(Array.from({ length: k }, (_, i) => new Promise((res, rej) => {
    const w = new Worker(new URL('./read-worker.mjs', import.meta.url), {
      workerData: { memory: heap.memory, list, n: 1000, reads, ctl, parties: k, seed: 17 + i },
    });
    w.once('message', res);
    w.once('error', rej);
  })));
  ctx.attach();
  const maxMs = Math.max(...outs.map((o) => o.ms));
  return k * reads / maxMs * 1e3;
}
{
  const reads = 2_000_000;
  const one = Math.max(await readers(1, reads), await readers(1, reads));
  const two = Math.max(await readers(2, reads), await readers(2, reads));
  const s = { name: 'list[i] lock-free, 2 workers vs 1', oneWorker: one, twoWorkers: two, scaling: two / one, target: 1.8 };
  results.scaling.push(s);
  log(`list[i] workers: 1 → ${(one / 1e6).toFixed(2)} M/s, 2 → ${(two / 1e6).toFixed(2)} M/s aggregate, scaling ${s.scaling.toFixed(2)}x (target ≥ 1.8x; 2 cores shared)`);
  // The same with immortal items (small ints): no refcount write on the items,
  // so this isolates the list's own read path from cache-line traffic on counts.
  const oneI = Math.max(await readers(1, reads, immortalList), await readers(1, reads, immortalList));
  const twoI = Math.max(await readers(2, reads, immortalList), await readers(2, reads, immortalList));
  const si = { name: 'list[i] lock-free, immortal items, 2 workers vs 1', oneWorker: oneI, twoWorkers: twoI, scaling: twoI / oneI, target: 1.8 };
  results.scaling.push(si);
  log(`list[i] immortal items: 1 → ${(oneI / 1e6).toFixed(2)} M/s, 2 → ${(twoI / 1e6).toFixed(2)} M/s aggregate, scaling ${si.scaling.toFixed(2)}x`);
  const load = (await import('node:os')).loadavg()[0];
  results.loadAverage = load;
  log(`load average during the run: ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs`);
}

// --- bytes per object ----------------------------------------------------------
{
  const pySizes = py(`
import sys, json
print(json.dumps({'int 0': sys.getsizeof(0), 'int 2**40': sys.getsizeof(2**40), 'int 2**100': sys.getsizeof(2**100),
  'float': sys.getsizeof(1.5), 'bytes len 0': sys.getsizeof(b''), 'bytes len 10': sys.getsizeof(b'x'*10),
  'tuple len 0': sys.getsizeof(()), 'tuple len 3': sys.getsizeof((1,2,3)),
  'list empty': sys.getsizeof([]), 'list 10 appends': sys.getsizeof(_l) if (_l := []) is None else (lambda l: [l.append(i) for i in range(10)] and sys.getsizeof(l))(_l)}))`);
  const block = (p) => heap.usableSize(p);
  const mk = {
    'int 0': () => [C.intNew(ctx, 0), C.LONG_DIGITS + 4],
    'int 2**40': () => [C.intNew(ctx, 2 ** 40), C.longBlockSize(2)],
    'int 2**100': () => [C.intNew(ctx, 2n ** 100n), C.longBlockSize(4)],
    'float': () => [C.floatNew(ctx, 1.5), C.FLOAT_SIZE],
    'bytes len 0': () => [C.bytesNew(ctx, new Uint8Array(0)), C.bytesBlockSize(0)],
    'bytes len 10': () => [C.bytesNew(ctx, new Uint8Array(10)), C.bytesBlockSize(10)],
    'tuple len 0': () => [C.tuplePack(ctx, []), C.tupleBlockSize(0)],
    'tuple len 3': () => [C.tuplePack(ctx, [ctx.None, ctx.None, ctx.None]), C.tupleBlockSize(3)],
    'list empty': () => [C.listNew(ctx), C.LIST_STRUCT_SIZE],
    'list 10 appends': () => {
      const l = C.listNew(ctx);
      for (let i = 0; i < 10; i++) C.listAppend(ctx, l, ctx.None);
      return [l, C.LIST_STRUCT_SIZE + C.listArrayBlockSize(C.listAllocated(ctx, l))];
    },
  };
  for (const [name, f] of Object.entries(mk)) {
    const [p, structBytes] = f();
    let blocks = block(p);
    if (name.startsWith('list') && C.listAllocated(ctx, p) > 0) blocks += heap.usableSize(heap.u32[(p + C.LIST_ITEM) >>> 2] - 4);
    const r = { name, pynogilStruct: structBytes, pynogilBlocks: blocks, cpython64: pySizes[name] };
    results.memory.push(r);
    log(`bytes/object ${name.padEnd(16)} pynogil ${String(structBytes).padStart(4)} B (allocator blocks ${String(blocks).padStart(4)} B)   CPython 3.11 64-bit ${String(pySizes[name]).padStart(4)} B`);
    ctx.decref(p);
  }
}

// ---- part 2 sections (str, dict, set) go below this line ----

// --- str / dict / set (part 2) ------------------------------------------------
{
  const t = C.tablesOf(ctx);
  const K = 1000;
  const pyD = py(`
import timeit, json
N = ${N}
d = {f'key_{i}': i for i in range(${K})}
s = set(d)
ks = list(d)
hit = [ks[i % ${K}] for i in range(N)]  # the dict's own key objects, as our interned keys
miss = [f'miss_{i % ${K}}' for i in range(N)]
def base():
    for k in hit: pass
def get_hit():
    for k in hit: d[k]
def get_miss():
    for k in miss: d.get(k)
def set_item():
    for k in hit: d[k] = 5
def contains():
    for k in hit: k in s
b = min(timeit.repeat(base, number=1, repeat=5))
t = {k: (min(timeit.repeat(f, number=1, repeat=5)) - b) * 1e3 for k, f in
     [('hit', get_hit), ('miss', get_miss), ('set', set_item), ('contains', contains)]}
print(json.dumps(t))`);
  const names = Array.from({ length: K }, (_, i) => `key_${i}`);
  const keys = names.map((nm) => C.intern(ctx, nm));
  const missKeys = names.map((_, i) => C.strFromJs(t, `miss_${i}`));
  const d = C.dictNew(t);
  const so = C.setNew(t);
  for (let i = 0; i < K; i++) { C.dictSetItem(t, d, keys[i], ctx.smallInts[(i % 200) + 5]); C.setAdd(t, so, keys[i]); }
  const m = new Map(names.map((nm, i) => [nm, i]));
  const js = new Set(names);
  let sink = 0;
  const msHit = bestOf(5, () => { for (let i = 0; i < N; i++) { const v = C.dictGetRef(t, d, keys[i % K]); sink ^= v; rc.decref(v); } });
  const msHitJs = bestOf(5, () => { for (let i = 0; i < N; i++) sink ^= m.get(names[i % K]); });
  row('dict', 'd[k] hit (str keys)', N, msHit, msHitJs, pyD.hit);
  const msMiss = bestOf(5, () => { for (let i = 0; i < N; i++) sink ^= C.dictGetRef(t, d, missKeys[i % K]); });
  const missNames = names.map((_, i) => `miss_${i}`);
  const msMissJs = bestOf(5, () => { for (let i = 0; i < N; i++) sink ^= m.get(missNames[i % K]) ?? 1; });
  row('dict', 'd.get(k) miss (str keys)', N, msMiss, msMissJs, pyD.miss);
  const five = ctx.smallInts[10];
  const msSet = bestOf(5, () => { for (let i = 0; i < N; i++) C.dictSetItem(t, d, keys[i % K], five); });
  const msSetJs = bestOf(5, () => { for (let i = 0; i < N; i++) m.set(names[i % K], 5); });
  row('dict', 'd[k] = v (existing str key)', N, msSet, msSetJs, pyD.set);
  const msIn = bestOf(5, () => { for (let i = 0; i < N; i++) sink ^= C.setContains(t, so, keys[i % K]) ? 1 : 0; });
  const msInJs = bestOf(5, () => { for (let i = 0; i < N; i++) sink ^= js.has(names[i % K]) ? 1 : 0; });
  row('set', 'k in s (str keys)', N, msIn, msInJs, pyD.contains);
  if (sink === 0.5) log('');

  async function tableReaders(k, reads, obj, kind) {
    const ctl = new Int32Array(new SharedArrayBuffer(8));
    ctx.detach();
    const outs = await Promise.all(Array.from({ length: k }, (_, i) => new Promise((res, rej) => {
      const w = new Worker(new URL('./dict-read-worker.mjs', import.meta.url), {
        workerData: { memory: heap.memory, obj, kind, n: K, reads, ctl, parties: k, seed: 31 + i },
      });
      w.once('message', res);
      w.once('error', rej);
    })));
    ctx.attach();
    return k * reads / Math.max(...outs.map((o) => o.ms)) * 1e3;
  }
  for (const [kind, obj, label] of [['dict', d, 'd[k] lock-free (interned str keys)'], ['set', so, 'k in s lock-free (interned str keys)']]) {
    const reads = 2_000_000;
    const one = Math.max(await tableReaders(1, reads, obj, kind), await tableReaders(1, reads, obj, kind));
    const two = Math.max(await tableReaders(2, reads, obj, kind), await tableReaders(2, reads, obj, kind));
    const sc = { name: `${label}, 2 workers vs 1`, oneWorker: one, twoWorkers: two, scaling: two / one, target: 1.8 };
    results.scaling.push(sc);
    log(`${label} workers: 1 → ${(one / 1e6).toFixed(2)} M/s, 2 → ${(two / 1e6).toFixed(2)} M/s aggregate, scaling ${sc.scaling.toFixed(2)}x (target ≥ 1.8x; 2 cores shared)`);
  }
  for (const p of missKeys) ctx.decref(p);
  ctx.decref(d);
  ctx.decref(so);

  // Bytes per object: str, dict, set vs CPython 3.11 (64-bit) sys.getsizeof.
  const pyS = py(`
import sys, json
d10 = {}
for i in range(10): d10[i] = i
s10 = set(range(10))
print(json.dumps({"str 'a'": sys.getsizeof('a'), "str 'hello world'": sys.getsizeof('hello world'),
  "str 'é'*10": sys.getsizeof('é'*10), "str '€'*10": sys.getsizeof('€'*10), "str '😀'*10": sys.getsizeof('😀'*10),
  'dict empty': sys.getsizeof({}), 'dict 10 int items': sys.getsizeof(d10),
  'set empty': sys.getsizeof(set()), 'set 10 ints': sys.getsizeof(s10)}))`);
  const strRow = (js) => { const p = C.strFromJs(t, js); return [p, C.strObjectSize(C.strLength(heap.u32, p), C.strKindOf(heap.u8, p), [...js].every((c) => c.codePointAt(0) < 128)), heap.usableSize(p)]; };
  const mk = {
    "str 'a'": () => strRow('a'),
    "str 'hello world'": () => strRow('hello world'),
    "str 'é'*10": () => strRow('é'.repeat(10)),
    "str '€'*10": () => strRow('€'.repeat(10)),
    "str '😀'*10": () => strRow('😀'.repeat(10)),
    'dict empty': () => { const p = C.dictNew(t); return [p, C.dictSizeof(t, p), heap.usableSize(p)]; },
    'dict 10 int items': () => {
      const p = C.dictNew(t);
      for (let i = 0; i < 10; i++) C.dictSetItem(t, p, ctx.smallInts[i + 5], ctx.smallInts[i + 5]);
      return [p, C.dictSizeof(t, p), heap.usableSize(p) + heap.usableSize(heap.u32[(p + C.DICT_KEYS) >>> 2])];
    },
    'set empty': () => { const p = C.setNew(t); return [p, C.setSizeof(t, p), heap.usableSize(p)]; },
    'set 10 ints': () => {
      const p = C.setNew(t);
      for (let i = 0; i < 10; i++) C.setAdd(t, p, ctx.smallInts[i + 5]);
      const tb = heap.u32[(p + C.SET_TABLE) >>> 2];
      return [p, C.setSizeof(t, p), heap.usableSize(p) + (tb === p + C.SET_SMALLTABLE ? 0 : heap.usableSize(tb - C.SETTABLE_HEADER))];
    },
  };
  for (const [name, f] of Object.entries(mk)) {
    const [p, structBytes, blocks] = f();
    const r = { name, pynogilStruct: structBytes, pynogilBlocks: blocks, cpython64: pyS[name] };
    results.memory.push(r);
    log(`bytes/object ${name.padEnd(18)} pynogil ${String(structBytes).padStart(4)} B (allocator blocks ${String(blocks).padStart(4)} B)   CPython 3.11 64-bit ${String(pyS[name]).padStart(4)} B`);
    ctx.decref(p);
  }
}

if (JSON_OUT) console.log(JSON.stringify(results, null, 2));
