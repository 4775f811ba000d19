// Test helper: run one python3 process for a whole batch of cases.
//
// The Python side reads a JSON document from stdin (`inp`) and prints one
// JSON document; doubles cross the boundary as 16-hex-digit bit patterns and
// big ints as decimal strings, so nothing is rounded in transit.

import { spawnSync } from 'node:child_process';

const PRELUDE = `
import sys, json, struct, math
sys.set_int_max_str_digits(0)
def F(h): return struct.unpack('>d', bytes.fromhex(h))[0]
def H(x): return struct.pack('>d', x).hex()
def E(f):
    try:
        return {'ok': f()}
    except Exception as e:
        return {'err': type(e).__name__, 'msg': str(e)}
inp = json.loads(sys.stdin.read())
`;

export function runPython<T = any>(body: string, input: unknown, env: Record<string, string> = {}): T {
  const r = spawnSync('python3', ['-c', PRELUDE + body], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, PYTHONHASHSEED: '0', ...env },
  });
  if (r.status !== 0) throw new Error('python3 failed: ' + r.stderr);
  return JSON.parse(r.stdout) as T;
}

const f64 = new Float64Array(1);
const u8 = new Uint8Array(f64.buffer);

/** Bit pattern of a double as 16 hex digits, big-endian. */
export function bitsOf(x: number): string {
  f64[0] = x;
  let s = '';
  for (let i = 7; i >= 0; i--) s += u8[i]!.toString(16).padStart(2, '0');
  return s;
}

export function fromBits(h: string): number {
  for (let i = 0; i < 8; i++) u8[7 - i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return f64[0]!;
}

/** Deterministic PRNG (xorshift128+ on two uint32 words) for reproducible cases. */
export class Rng {
  private a: number;
  private b: number;
  constructor(seed: number) {
    this.a = seed >>> 0 || 1;
    this.b = (seed * 2654435761) >>> 0 || 7;
  }
  u32(): number {
    let x = this.a;
    const y = this.b;
    this.a = y;
    x ^= x << 23;
    x ^= x >>> 17;
    x ^= y ^ (y >>> 26);
    this.b = x >>> 0;
    return (this.a + this.b) >>> 0;
  }
  int(n: number): number {
    return this.u32() % n;
  }
  /** A random double from random bits (finite or not). */
  double(): number {
    f64[0] = 0;
    const hi = this.u32();
    const lo = this.u32();
    const dv = new DataView(f64.buffer);
    dv.setUint32(4, hi, true);
    dv.setUint32(0, lo, true);
    return f64[0]!;
  }
  /** A random bigint with up to `maxDigits` decimal digits, random sign. */
  bigint(maxDigits: number): bigint {
    const n = 1 + this.int(maxDigits);
    let s = String(1 + this.int(9));
    while (s.length < n) s += String(this.u32() % 1000000000).padStart(9, '0');
    s = s.slice(0, n);
    const v = BigInt(s);
    return this.int(2) ? -v : v;
  }
}
