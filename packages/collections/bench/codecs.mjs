// Benchmark of the text codecs (run after a build: `node bench/codecs.mjs [--json]`
// from packages/collections): utf-8 encode and decode throughput in MB/s of
// UTF-8 bytes, on ASCII, latin-1, CJK and emoji text, for our codec, for the
// platform's TextEncoder/TextDecoder on the equivalent JS string (a bound, not
// a substitute: they cannot carry lone surrogates or Python's error handlers),
// and for python3 (str.encode / bytes.decode, timeit in one process, same run).
// Figures are noisy when the machine is shared.
import { spawnSync } from 'node:child_process';
import { encodeStr, decodeBytes } from '../dist/codecs/index.js';

const JSON_OUT = process.argv.includes('--json');
const SIZE = 1 << 20; // code points per text

function text(kind) {
  const cps = new Uint32Array(SIZE);
  let x = 12345;
  for (let i = 0; i < SIZE; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const r = x >>> 8;
    switch (kind) {
      case 'ascii': cps[i] = 0x20 + (r % 95); break;
      case 'latin-1': cps[i] = r % 4 === 0 ? 0xc0 + (r % 64) : 0x20 + (r % 95); break;
      case 'cjk': cps[i] = 0x4e00 + (r % 0x5000); break;
      default: cps[i] = r % 3 === 0 ? 0x20 : 0x1f600 + (r % 80);
    }
  }
  return cps;
}

function bestOf(n, f) {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best / 1000;
}

const kinds = ['ascii', 'latin-1', 'cjk', 'emoji'];
const rows = [];
const te = new TextEncoder();
const td = new TextDecoder('utf-8', { fatal: true });
for (const kind of kinds) {
  const cps = text(kind);
  const enc = encodeStr(cps, 'utf-8');
  if (!enc.ok) throw new Error('encode failed');
  const bytes = enc.value;
  const dec = decodeBytes(bytes, 'utf-8');
  if (!dec.ok || dec.value.length !== cps.length) throw new Error('decode failed');
  const js = td.decode(bytes);
  const mb = bytes.length / 1e6;
  rows.push({
    kind,
    bytes: bytes.length,
    oursEncode: mb / bestOf(7, () => encodeStr(cps, 'utf-8')),
    oursDecode: mb / bestOf(7, () => decodeBytes(bytes, 'utf-8')),
    textEncoder: mb / bestOf(7, () => te.encode(js)),
    textDecoder: mb / bestOf(7, () => td.decode(bytes)),
  });
}

const py = spawnSync('python3', ['-c', `
import json, sys, timeit, random
SIZE = ${SIZE}
def text(kind):
    x = 12345
    out = []
    for i in range(SIZE):
        x = (x * 1103515245 + 12345) & 0xffffffff
        r = x >> 8
        if kind == 'ascii': c = 0x20 + r % 95
        elif kind == 'latin-1': c = 0xc0 + r % 64 if r % 4 == 0 else 0x20 + r % 95
        elif kind == 'cjk': c = 0x4e00 + r % 0x5000
        else: c = 0x20 if r % 3 == 0 else 0x1f600 + r % 80
        out.append(chr(c))
    return ''.join(out)
res = {}
for kind in ${JSON.stringify(kinds)}:
    s = text(kind); b = s.encode('utf-8'); mb = len(b) / 1e6
    e = min(timeit.repeat(lambda: s.encode('utf-8'), number=1, repeat=7))
    d = min(timeit.repeat(lambda: b.decode('utf-8'), number=1, repeat=7))
    res[kind] = {'bytes': len(b), 'encode': mb / e, 'decode': mb / d}
print(json.dumps(res))
`], { encoding: 'utf8', maxBuffer: 1 << 26 });
if (py.status !== 0) throw new Error(py.stderr);
const pyRes = JSON.parse(py.stdout);

for (const r of rows) {
  const p = pyRes[r.kind];
  if (p.bytes !== r.bytes) throw new Error(`texts differ for ${r.kind}`);
  r.pythonEncode = p.encode;
  r.pythonDecode = p.decode;
}
if (JSON_OUT) {
  console.log(JSON.stringify(rows, null, 1));
} else {
  const f = (x) => x.toFixed(0).padStart(7);
  console.log(`utf-8 MB/s (${SIZE} code points per text; higher is better; ratio = ours/python3)`);
  console.log('text      bytes     enc ours  TextEnc  python3  ratio | dec ours  TextDec  python3  ratio');
  for (const r of rows) {
    console.log(`${r.kind.padEnd(8)} ${String(r.bytes).padStart(8)} ${f(r.oursEncode)}  ${f(r.textEncoder)}  ${f(r.pythonEncode)}  ${(r.oursEncode / r.pythonEncode).toFixed(2).padStart(5)} | ${f(r.oursDecode)}  ${f(r.textDecoder)}  ${f(r.pythonDecode)}  ${(r.oursDecode / r.pythonDecode).toFixed(2).padStart(5)}`);
  }
}
