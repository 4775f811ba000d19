// Unicode character names for \N{...} escapes (CPython's unicodedata _getcode
// without named sequences): the explicit names and aliases of unicode-names.ts
// (generated from python3's unicodedata), plus the two algorithmic families CPython
// computes: "CJK UNIFIED IDEOGRAPH-XXXX" and "HANGUL SYLLABLE <L><V><T>".
// Matching is case-insensitive, as in CPython. The table is decoded on first use
// (~35k names), so programs that never write \N{...} pay nothing.

import { ENTRIES, WORDS } from './unicode-names.js';

let table: Map<string, number> | null = null;

function decodeTable(): Map<string, number> {
  const words = WORDS.split(' ');
  const digit = new Int8Array(128).fill(-1);
  const cont = new Uint8Array(128);
  let d = 0;
  for (let c = 0x28; c < 0x7f; c++) {
    if (c === 0x5c) continue;
    digit[c] = d % 43;
    cont[c] = d >= 43 ? 1 : 0;
    d++;
  }
  const map = new Map<string, number>();
  let i = 0;
  const n = ENTRIES.length;
  const readVarint = (): number => {
    let v = 0;
    for (;;) {
      const c = ENTRIES.charCodeAt(i++);
      v = v * 43 + digit[c]!;
      if (cont[c] === 0) return v;
    }
  };
  let cp = 0;
  while (i < n) {
    cp += readVarint();
    const count = readVarint();
    let name = words[readVarint()]!;
    for (let k = 1; k < count; k++) name += ' ' + words[readVarint()]!;
    map.set(name, cp);
  }
  return map;
}

// Hangul syllable composition (Unicode 3.12): jamo short names.
const JAMO_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const JAMO_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU', 'YI', 'I'];
const JAMO_T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];

/** Longest jamo name in `list` that prefixes s at i: [index, length] or null. */
function jamo(list: readonly string[], s: string, i: number): [number, number] | null {
  let best = -1;
  let len = -1;
  for (let k = 0; k < list.length; k++) {
    const j = list[k]!;
    if (j.length > len && s.startsWith(j, i)) {
      best = k;
      len = j.length;
    }
  }
  return best < 0 ? null : [best, len];
}

/** CJK unified ideograph ranges of Unicode 14.0 (CPython's is_unified_ideograph). */
function isUnifiedIdeograph(cp: number): boolean {
  return (
    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b738) || (cp >= 0x2b740 && cp <= 0x2b81d) || (cp >= 0x2b820 && cp <= 0x2cea1) ||
    (cp >= 0x2ceb0 && cp <= 0x2ebe0) || (cp >= 0x30000 && cp <= 0x3134a)
  );
}

/** Code point named `name` as \N{name} accepts it, or -1. */
export function lookupUnicodeName(name: string): number {
  const up = name.toUpperCase();
  // The prefixes compare case-insensitively, the jamo and hex digits after them
  // case-sensitively (upper case), as in CPython's _getcode.
  if (up.startsWith('HANGUL SYLLABLE ')) {
    let i = 16;
    const l = jamo(JAMO_L, name, i);
    if (l === null) return -1;
    i += l[1];
    const v = jamo(JAMO_V, name, i);
    if (v === null) return -1;
    i += v[1];
    const t = jamo(JAMO_T, name, i);
    if (t === null) return -1;
    i += t[1];
    if (i !== name.length) return -1;
    return 0xac00 + (l[0] * 21 + v[0]) * 28 + t[0];
  }
  if (up.startsWith('CJK UNIFIED IDEOGRAPH-')) {
    const hex = name.slice(22);
    if ((hex.length !== 4 && hex.length !== 5) || !/^[0-9A-F]+$/.test(hex)) return -1;
    const cp = parseInt(hex, 16);
    return isUnifiedIdeograph(cp) ? cp : -1;
  }
  table ??= decodeTable();
  return table.get(up) ?? -1;
}
