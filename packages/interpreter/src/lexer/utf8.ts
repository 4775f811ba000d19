// UTF-8 validation with the wording of CPython's decoder errors, and the
// "surrogateescape" decoding the tokenizer uses to locate undecodable bytes.
//
// CPython's tokenizer reads bytes and decodes token by token, so an invalid byte
// in a comment is harmless, one in a name fails verify_identifier, one in a string
// fails when the parser decodes the literal. decodeSource mirrors that by decoding
// invalid bytes to lone surrogates U+DC80..U+DCFF (one per byte, as Python's
// surrogateescape; valid UTF-8 never yields a lone surrogate), tokenizing, and
// asking the tokens where the bytes ended up.

export interface Utf8Fault {
  /** Index of the offending byte in the decoded chunk. */
  readonly position: number;
  /** End (exclusive) of the undecodable subpart: the start byte and the valid
   * continuation bytes that follow it. */
  readonly end: number;
  readonly byte: number;
  /** 'invalid start byte' | 'invalid continuation byte' | 'unexpected end of data' */
  readonly reason: string;
}

/** First invalid sequence of b[from, to) as CPython's UTF-8 decoder reports it. */
export function firstUtf8Fault(b: ArrayLike<number>, from = 0, to = b.length): Utf8Fault | null {
  for (let i = from; i < to;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return { position: i - from, end: i - from + 1, byte: c, reason: 'invalid start byte' };
    for (let k = 1; k <= need; k++) {
      if (i + k >= to) return { position: i - from, end: i - from + k, byte: c, reason: 'unexpected end of data' };
      const d = b[i + k]!;
      if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return { position: i - from, end: i - from + k, byte: c, reason: 'invalid continuation byte' };
    }
    i += need + 1;
  }
  return null;
}

/** CPython's message for a decode failure of a source chunk. */
export function utf8FaultMessage(f: Utf8Fault): string {
  const where = f.end - f.position === 1
    ? `byte 0x${f.byte.toString(16).padStart(2, '0')} in position ${f.position}`
    : `bytes in position ${f.position}-${f.end - 1}`;
  return `(unicode error) 'utf-8' codec can't decode ${where}: ${f.reason}`;
}

/** Decode UTF-8, mapping every byte of an invalid sequence to U+DC00 + byte. */
export function decodeUtf8SurrogateEscape(b: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    let cp = -1;
    let len = 1;
    if (c < 0x80) cp = c;
    else {
      const f = firstUtf8Fault(b, i, Math.min(b.length, i + 4));
      const need = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
      if (f === null || f.position > 0) {
        len = need + 1;
        cp = c >= 0xf0 ? c & 0x07 : c >= 0xe0 ? c & 0x0f : c & 0x1f;
        for (let k = 1; k <= need; k++) cp = (cp << 6) | (b[i + k]! & 0x3f);
      }
    }
    chunk += cp >= 0 ? String.fromCodePoint(cp) : String.fromCharCode(0xdc00 + c);
    i += len;
    if (chunk.length > 4096) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** The bytes a surrogate-escaped string stands for (escapes back to raw bytes). */
export function encodeSurrogateEscaped(s: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff) {
      out.push(c - 0xdc00);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

export function isEscapedByte(c: number): boolean {
  return c >= 0xdc80 && c <= 0xdcff;
}

const replaceDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Replace escaped bytes by U+FFFD, one per maximal invalid subpart (as Python's
 * 'replace' error handler and the WHATWG decoder both do). */
export function replaceEscapes(s: string): string {
  return s.replace(/[\udc80-\udcff]+/g, (run) => replaceDecoder.decode(Uint8Array.from(encodeSurrogateEscaped(run, 0, run.length))));
}
