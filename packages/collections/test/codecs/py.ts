// Test helpers for the codec differential tests: one python3 process per batch
// (JSON in on stdin, JSON out on stdout; bytes cross as hex, str as code-point
// lists), a seeded PRNG, and the conversion of our result values to the same
// wire shape python3 produces.

import { spawnSync } from 'node:child_process';
import type { CodecResult } from '../../src/codecs/index.js';

export function runPython<T>(body: string, input: unknown): T {
  const r = spawnSync('python3', ['-W', 'ignore', '-c', 'import sys, json, codecs\ninp = json.loads(sys.stdin.read())\n' + body], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error('python3 failed: ' + r.stderr);
  return JSON.parse(r.stdout) as T;
}

/** Python-side helper: the wire form of a result or exception (prepend to a batch body). */
export const PY_WIRE = `
def wire(f):
    try:
        v = f()
    except (UnicodeEncodeError, UnicodeDecodeError) as e:
        o = e.object
        return {'err': type(e).__name__, 'enc': e.encoding, 'start': e.start, 'end': e.end, 'reason': e.reason,
                'msg': str(e), 'obj': o.hex() if isinstance(o, bytes) else [ord(c) for c in o]}
    except Exception as e:
        return {'err': type(e).__name__, 'msg': str(e)}
    return {'ok': v.hex() if isinstance(v, bytes) else [ord(c) for c in v]}
`;

export type Wire =
  | { ok: string | number[] }
  | { err: string; msg: string; enc?: string; start?: number; end?: number; reason?: string; obj?: string | number[] };

export const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');
export const bytesOf = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));

export function toWire(r: CodecResult<Uint8Array | Uint32Array>): Wire {
  if (r.ok) return { ok: r.value instanceof Uint8Array ? hexOf(r.value) : Array.from(r.value) };
  const e = r.error;
  if (e.type === 'UnicodeEncodeError' || e.type === 'UnicodeDecodeError') {
    return {
      err: e.type, enc: e.encoding, start: e.start, end: e.end, reason: e.reason, msg: e.message,
      obj: e.object instanceof Uint8Array ? hexOf(e.object) : Array.from(e.object),
    };
  }
  if (e.type === 'host') return { err: 'host', msg: String(e.value) };
  return { err: e.type, msg: e.message };
}

/** Deterministic PRNG (mulberry32) so a failing case can be replayed from its seed. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}
