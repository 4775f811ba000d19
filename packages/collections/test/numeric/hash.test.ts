// hash() of str, bytes and tuple, and set iteration order, vs python3 under
// several PYTHONHASHSEED values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPython, Rng } from './py.js';
import {
  hashKeyFromSeed, hashString, hashBytes, hashStrData, hashToPyInt, hashInt, hashFloat, TupleHasher, SetTableModel,
  DictProbe, strKind, type HashKey, normInt, hashKeyFromEnv, floatRepr, setSipHashBackend, sipHashBackend,
  createWasmSipHasher, FrozensetHasher,
} from '../../src/numeric/index.js';

function randomString(rng: Rng): string {
  const len = rng.int(6) === 0 ? rng.int(300) : rng.int(20);
  const kind = rng.int(4);
  let s = '';
  for (let i = 0; i < len; i++) {
    if (kind === 0) s += String.fromCharCode(32 + rng.int(95));
    else if (kind === 1) s += String.fromCharCode(rng.int(256));
    else if (kind === 2) s += String.fromCharCode(rng.int(0xd7ff) + 1);
    else s += rng.int(3) === 0 ? String.fromCodePoint(0x10000 + rng.int(0xfffff)) : String.fromCharCode(rng.int(0x3000));
  }
  return s;
}

const out = new Uint32Array(2);
function strHash(key: HashKey, s: string): string {
  hashString(key, s, out, 0);
  return String(hashToPyInt(out[0]!, out[1]!));
}

for (const backend of ['wasm', 'js'] as const) describe(`str and bytes hashing (SipHash-1-3, ${backend})`, () => {
  beforeAll(() => setSipHashBackend(backend));
  afterAll(() => setSipHashBackend('wasm'));
  it('backend is active', () => expect(sipHashBackend()).toBe(backend));
  for (const seed of [0, 1, 42, 4294967295]) {
    it(`PYTHONHASHSEED=${seed}`, () => {
      const rng = new Rng(seed + 1);
      const strs = ['', 'a', 'abc', 'é', 'é€', '€', '\u{1f600}', 'x\ud800y', '\ud800', 'abcdefgh', 'abcdefghi', '\x00', '\xff'.repeat(9)];
      for (let i = 0; i < 700; i++) strs.push(randomString(rng));
      const bytes: number[][] = [];
      for (let i = 0; i < 200; i++) bytes.push(Array.from({ length: rng.int(40) }, () => rng.int(256)));
      const exp = runPython<{ s: string[]; b: string[] }>(
        `print(json.dumps({'s': [str(hash(s)) for s in inp['s']], 'b': [str(hash(bytes(b))) for b in inp['b']]}))`,
        { s: strs, b: bytes },
        { PYTHONHASHSEED: String(seed) },
      );
      const key = hashKeyFromSeed(seed);
      strs.forEach((s, i) => expect(strHash(key, s), JSON.stringify(s)).toBe(exp.s[i]));
      bytes.forEach((b, i) => {
        // Unaligned start to exercise the byte-assembling path too.
        const buf = new Uint8Array(b.length + 3);
        buf.set(b, 3);
        hashBytes(key, buf, 3, b.length, out, 0);
        expect(String(hashToPyInt(out[0]!, out[1]!))).toBe(exp.b[i]);
        const aligned = Uint8Array.from(b);
        hashBytes(key, aligned, 0, b.length, out, 0);
        expect(String(hashToPyInt(out[0]!, out[1]!))).toBe(exp.b[i]);
      });
    });
  }

  it('heap-style UCS-1/2/4 data hashes like the JS string', () => {
    const key = hashKeyFromSeed(0);
    const rng = new Rng(9);
    for (let i = 0; i < 200; i++) {
      const s = randomString(rng);
      const cps = Array.from(s, (c) => c.codePointAt(0)!);
      const kind = strKind(s);
      const data = kind === 1 ? Uint8Array.from(cps) : kind === 2 ? Uint16Array.from(cps) : Uint32Array.from(cps);
      hashStrData(key, data, 0, cps.length, out, 0);
      expect(String(hashToPyInt(out[0]!, out[1]!))).toBe(strHash(key, s));
    }
  });

  it('in-place hashing over a shared memory agrees', () => {
    const mem = new (globalThis as any).WebAssembly.Memory({ initial: 1, maximum: 16, shared: true });
    const h = createWasmSipHasher(mem, true)!;
    const u8 = new Uint8Array(mem.buffer);
    const key = hashKeyFromSeed(3);
    const o2 = new Uint32Array(2);
    for (let len = 0; len < 200; len += 7) {
      for (let i = 0; i < len; i++) u8[100 + i] = (i * 37 + len) & 255;
      h(key, 100, len, out, 0);
      hashBytes(key, Uint8Array.from(u8.subarray(100, 100 + len)), 0, len, o2, 0);
      expect([out[0], out[1]]).toEqual([o2[0], o2[1]]);
    }
  });

  it('PYTHONHASHSEED parsing', () => {
    expect(hashKeyFromEnv('0')).toEqual(hashKeyFromSeed(0));
    expect(hashKeyFromEnv('4294967296')).toBeNull();
    expect(hashKeyFromEnv('abc')).toBeNull();
    expect(hashKeyFromEnv('random')).not.toBeNull();
  });
});

type Item = { t: 'i'; v: string } | { t: 's'; v: string } | { t: 'f'; v: number } | { t: 'T'; v: Item[] };

function itemHash(key: HashKey, it: Item, o: Uint32Array, off: number): void {
  if (it.t === 'i') hashInt(normInt(BigInt(it.v)), o, off);
  else if (it.t === 's') hashString(key, it.v, o, off);
  else if (it.t === 'f') hashFloat(it.v, 0, o, off);
  else {
    const h = new TupleHasher();
    const tmp = new Uint32Array(2);
    for (const x of it.v) {
      itemHash(key, x, tmp, 0);
      h.add(tmp[0]!, tmp[1]!);
    }
    h.finish(it.v.length, o, off);
  }
}

function randomItem(rng: Rng, depth: number): Item {
  const k = rng.int(depth > 2 ? 3 : 4);
  if (k === 0) return { t: 'i', v: rng.bigint(rng.int(2) ? 5 : 40).toString() };
  if (k === 1) return { t: 's', v: randomString(rng) };
  if (k === 2) return { t: 'f', v: (rng.int(2000) - 1000) / 8 };
  return { t: 'T', v: Array.from({ length: rng.int(6) }, () => randomItem(rng, depth + 1)) };
}

const PY_ITEM = `
def build(it):
    t, v = it['t'], it['v']
    if t == 'i': return int(v)
    if t == 's': return v
    if t == 'f': return float(v)
    return tuple(build(x) for x in v)
`;

describe('tuple hash (xxHash-based tuplehash)', () => {
  for (const seed of [0, 7]) {
    it(`nested tuples of ints, strs and floats, PYTHONHASHSEED=${seed}`, () => {
      const rng = new Rng(100 + seed);
      const items: Item[] = [{ t: 'T', v: [] }, { t: 'T', v: [{ t: 'i', v: '-1' }] }, { t: 'T', v: [{ t: 'i', v: '1' }, { t: 'i', v: '2' }] }];
      for (let i = 0; i < 600; i++) items.push({ t: 'T', v: Array.from({ length: rng.int(8) }, () => randomItem(rng, 0)) });
      const exp = runPython<string[]>(PY_ITEM + `print(json.dumps([str(hash(build(x))) for x in inp]))`, items, { PYTHONHASHSEED: String(seed) });
      const key = hashKeyFromSeed(seed);
      items.forEach((it, i) => {
        itemHash(key, it, out, 0);
        expect(String(hashToPyInt(out[0]!, out[1]!))).toBe(exp[i]);
      });
    });
  }
});

describe('frozenset hash', () => {
  for (const seed of [0, 7]) {
    it(`frozensets of ints, strs, floats and tuples, PYTHONHASHSEED=${seed}`, () => {
      const rng = new Rng(300 + seed);
      const sets: Item[][] = [[], [{ t: 'i', v: '0' }], [{ t: 'i', v: '-1' }, { t: 'i', v: '-2' }]];
      for (let i = 0; i < 400; i++) sets.push(Array.from({ length: rng.int(i % 10 === 0 ? 200 : 12) }, () => randomItem(rng, 1)));
      const exp = runPython<string[]>(PY_ITEM + `print(json.dumps([str(hash(frozenset(build(x) for x in s))) for s in inp]))`, sets, {
        PYTHONHASHSEED: String(seed),
      });
      const key = hashKeyFromSeed(seed);
      // Python equality: 2 == 2.0, also inside tuples.
      const norm = (it: Item): unknown =>
        it.t === 'f' && Number.isInteger(it.v) ? { t: 'i', v: String(it.v) } : it.t === 'T' ? { t: 'T', v: it.v.map(norm) } : it;
      const keyOf = (it: Item): string => JSON.stringify(norm(it));
      sets.forEach((items, i) => {
        // Deduplicate as the set would (1 == 1.0; tuples compare by value).
        const uniq = new Map<string, Item>();
        for (const it of items) if (!uniq.has(keyOf(it))) uniq.set(keyOf(it), it);
        const h = new FrozensetHasher();
        for (const it of uniq.values()) {
          itemHash(key, it, out, 0);
          h.add(out[0]!, out[1]!);
        }
        h.finish(uniq.size, out, 0);
        expect(String(hashToPyInt(out[0]!, out[1]!)), `set ${i}`).toBe(exp[i]);
      });
    });
  }
});

describe('set iteration order (SetTableModel) vs python3', () => {
  it('sets of ints and strs built by add/discard sequences', () => {
    const rng = new Rng(31);
    type Op = ['a' | 'd' | 'p' | 'c', Item];
    const programs: Op[][] = [];
    for (let p = 0; p < 150; p++) {
      const pool: Item[] = [];
      const n = 1 + rng.int(p % 3 === 0 ? 400 : 40);
      const strMode = rng.int(3);
      for (let i = 0; i < n; i++) {
        if (strMode === 0) pool.push({ t: 'i', v: String(rng.int(3) === 0 ? rng.bigint(25) : BigInt(rng.int(200) - 50)) });
        else if (strMode === 1) pool.push({ t: 's', v: randomString(rng).slice(0, 6) });
        else pool.push(rng.int(2) ? { t: 'i', v: String(rng.int(1000)) } : { t: 'f', v: rng.int(100) / 4 });
      }
      const ops: Op[] = [];
      const steps = n * 2;
      for (let i = 0; i < steps; i++) {
        const r = rng.int(100);
        ops.push([r < 60 ? 'a' : r < 85 ? 'd' : r < 99 ? 'p' : 'c', pool[rng.int(pool.length)]!]);
      }
      programs.push(ops);
    }
    const exp = runPython<string[][]>(
      PY_ITEM +
        `
out = []
for ops in inp:
    K = lambda x: 's:' + x if isinstance(x, str) else 'n:' + repr(x)
    s = set()
    popped = []
    for op, it in ops:
        if op == 'a': s.add(build(it))
        elif op == 'd': s.discard(build(it))
        elif op == 'p': popped.append(K(s.pop()) if s else 'empty')
        else: s.clear()
    t = set(s)         # set_merge into an empty set
    u = {0.5}; u |= s  # merge into a non-empty set
    d = dict.fromkeys(build(it) for op, it in ops)
    v = set(d)         # set_update_internal's dict path
    w = {0.25, 'x'}; w.update(d)
    out.append([[K(x) for x in s], [K(x) for x in t], [K(x) for x in u], popped, [K(x) for x in v], [K(x) for x in w]])
print(json.dumps(out))
`,
      programs,
    );
    const key = hashKeyFromSeed(0);
    const reprOf = (it: Item): string => (it.t === 's' ? 's:' + it.v : it.t === 'f' ? 'n:' + floatRepr(it.v) : it.t === 'i' ? 'n:' + it.v : '?');
    const keyOf = (it: Item): string => (it.t === 'f' && Number.isInteger(it.v) ? 'i' + it.v : it.t === 's' ? 's' + it.v : 'i' + (it.t === 'i' ? it.v : it.v));
    programs.forEach((ops, pi) => {
      const m = new SetTableModel<Item>((a, b) => keyOf(a) === keyOf(b));
      const popped: string[] = [];
      const dictEntries = new Map<string, [Item, number, number]>();
      for (const [op, it] of ops) {
        itemHash(key, it, out, 0);
        if (!dictEntries.has(keyOf(it))) dictEntries.set(keyOf(it), [it, out[0]!, out[1]!]);
        if (op === 'a') m.add(it, out[0]!, out[1]!);
        else if (op === 'd') m.discard(it, out[0]!, out[1]!);
        else if (op === 'p') {
          const k = m.pop();
          popped.push(k === undefined ? 'empty' : reprOf(k));
        } else m.clear();
      }
      const v = new SetTableModel<Item>((a, b) => keyOf(a) === keyOf(b));
      v.updateFromDict([...dictEntries.values()]);
      const w = new SetTableModel<Item>((a, b) => keyOf(a) === keyOf(b));
      for (const extra of [{ t: 'f', v: 0.25 }, { t: 's', v: 'x' }] as Item[]) {
        itemHash(key, extra, out, 0);
        w.add(extra, out[0]!, out[1]!);
      }
      w.updateFromDict([...dictEntries.values()]);
      const t = new SetTableModel<Item>((a, b) => keyOf(a) === keyOf(b));
      t.merge(m);
      const u = new SetTableModel<Item>((a, b) => keyOf(a) === keyOf(b));
      const half: Item = { t: 'f', v: 0.5 };
      hashFloat(0.5, 0, out, 0);
      u.add(half, out[0]!, out[1]!);
      u.merge(m);
      expect(
        [m.ordered().map(reprOf), t.ordered().map(reprOf), u.ordered().map(reprOf), popped, v.ordered().map(reprOf), w.ordered().map(reprOf)],
        `program ${pi}`,
      ).toEqual(exp[pi]);
    });
  });

  it('dict probe sequence visits every slot of a table', () => {
    const p = new DictProbe();
    for (const mask of [7, 63, 1023]) {
      const seen = new Set<number>();
      let i = p.start(0x12345678, 0x9abcdef0, mask);
      for (let k = 0; k < 50 * (mask + 1) && seen.size <= mask; k++) {
        seen.add(i);
        i = p.next();
      }
      expect(seen.size).toBe(mask + 1);
    }
  });
});
