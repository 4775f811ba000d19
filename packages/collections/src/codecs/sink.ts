// Growable output buffers for the codecs: bytes (encoders) and code points
// (decoders). Each codec sizes the first buffer for the common case (e.g.
// utf-8 encode: 1 byte per code point) and grows by doubling.

import type { CodePoints } from './errors.js';

export class ByteSink {
  buf: Uint8Array;
  len = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(capacity, 16));
  }
  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const b = new Uint8Array(cap);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  push(b: number): void {
    if (this.len === this.buf.length) this.reserve(1);
    this.buf[this.len++] = b;
  }
  pushBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }
  finish(): Uint8Array {
    return this.len === this.buf.length ? this.buf : this.buf.slice(0, this.len);
  }
}

export class CpSink {
  buf: Uint32Array;
  len = 0;
  constructor(capacity: number) {
    this.buf = new Uint32Array(Math.max(capacity, 16));
  }
  reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const b = new Uint32Array(cap);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  push(c: number): void {
    if (this.len === this.buf.length) this.reserve(1);
    this.buf[this.len++] = c;
  }
  pushAll(cps: CodePoints): void {
    this.reserve(cps.length);
    for (let i = 0; i < cps.length; i++) this.buf[this.len++] = cps[i]!;
  }
  finish(): Uint32Array {
    // No copy when the estimate was exact (e.g. one code point per byte).
    return this.len === this.buf.length ? this.buf : this.buf.slice(0, this.len);
  }
}
