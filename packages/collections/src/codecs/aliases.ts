// Codec name lookup: CPython's codecs.lookup() for the codecs we implement.
// Steps (Python/codecs.c normalizestring, then Lib/encodings/__init__.py
// search_function with normalize_encoding and encodings.aliases):
//   1. lower-case ASCII letters; 2. every run of characters that are neither
//   alphanumeric nor '.' becomes one '_' (none at either end; non-ASCII
//   alphanumerics are dropped); 3. look the result up in the alias table (also
//   with '.' replaced by '_'), else take it as a module name of `encodings`.
// The alias rows below are the entries of encodings.aliases whose target is
// one of our modules; the module table gives each codec's CodecInfo.name.

/** Our codecs, by their `encodings` module name. */
export type CodecId =
  | 'utf_8' | 'utf_8_sig' | 'utf_16' | 'utf_16_le' | 'utf_16_be' | 'utf_32' | 'utf_32_le' | 'utf_32_be'
  | 'latin_1' | 'ascii' | 'cp1252' | 'unicode_escape' | 'raw_unicode_escape';

/** Module name -> codecs.lookup(name).name. */
export const CODEC_NAMES: Readonly<Record<CodecId, string>> = {
  utf_8: 'utf-8',
  utf_8_sig: 'utf-8-sig',
  utf_16: 'utf-16',
  utf_16_le: 'utf-16-le',
  utf_16_be: 'utf-16-be',
  utf_32: 'utf-32',
  utf_32_le: 'utf-32-le',
  utf_32_be: 'utf-32-be',
  latin_1: 'iso8859-1',
  ascii: 'ascii',
  cp1252: 'cp1252',
  unicode_escape: 'unicode-escape',
  raw_unicode_escape: 'raw-unicode-escape',
};

/** encodings.aliases rows for our modules (alias -> module). */
export const ALIASES: Readonly<Record<string, CodecId>> = {
  // ascii
  '646': 'ascii', 'ansi_x3.4_1968': 'ascii', 'ansi_x3.4_1986': 'ascii', 'ansi_x3_4_1968': 'ascii', 'cp367': 'ascii',
  'csascii': 'ascii', 'ibm367': 'ascii', 'iso646_us': 'ascii', 'iso_646.irv_1991': 'ascii', 'iso_ir_6': 'ascii',
  'us': 'ascii', 'us_ascii': 'ascii',
  // cp1252
  '1252': 'cp1252', 'windows_1252': 'cp1252',
  // latin_1
  '8859': 'latin_1', 'cp819': 'latin_1', 'csisolatin1': 'latin_1', 'ibm819': 'latin_1', 'iso8859': 'latin_1',
  'iso8859_1': 'latin_1', 'iso_8859_1': 'latin_1', 'iso_8859_1_1987': 'latin_1', 'iso_ir_100': 'latin_1', 'l1': 'latin_1',
  'latin': 'latin_1', 'latin1': 'latin_1',
  // utf_16 / utf_32
  'u16': 'utf_16', 'utf16': 'utf_16', 'unicodelittleunmarked': 'utf_16_le', 'utf_16le': 'utf_16_le',
  'unicodebigunmarked': 'utf_16_be', 'utf_16be': 'utf_16_be',
  'u32': 'utf_32', 'utf32': 'utf_32', 'utf_32le': 'utf_32_le', 'utf_32be': 'utf_32_be',
  // utf_8
  'cp65001': 'utf_8', 'u8': 'utf_8', 'utf': 'utf_8', 'utf8': 'utf_8', 'utf8_ucs2': 'utf_8', 'utf8_ucs4': 'utf_8',
};

const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/** Python's str.isalnum for one character, enough for a name: letters and digits of any script. */
const ALNUM = /[\p{L}\p{Nd}\p{Nl}\p{No}]/u;

/** codecs normalizestring + encodings.normalize_encoding. */
export function normalizeEncodingName(name: string): string {
  let out = '';
  let punct = false;
  for (const ch of name) {
    const c = ch.codePointAt(0)!;
    const lower = c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : ch;
    if (isAsciiAlnum(c) || c === 0x2e || ALNUM.test(ch)) {
      if (punct && out.length > 0) out += '_';
      if (c < 0x80) out += lower;
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

const MODULES: ReadonlySet<string> = new Set(Object.keys(CODEC_NAMES));
/** A Map, so that names like 'constructor' never hit Object.prototype. */
const ALIAS_MAP: ReadonlyMap<string, CodecId> = new Map(Object.entries(ALIASES));

/** codecs.lookup(name): our codec, or the LookupError CPython raises. */
export function lookupCodec(name: string): { readonly id: CodecId; readonly name: string } | { readonly type: 'LookupError'; readonly message: string } {
  const norm = normalizeEncodingName(name);
  const id = ALIAS_MAP.get(norm) ?? ALIAS_MAP.get(norm.replace(/\./g, '_')) ?? (MODULES.has(norm) ? (norm as CodecId) : undefined);
  if (id === undefined) return { type: 'LookupError', message: `unknown encoding: ${name}` };
  return { id, name: CODEC_NAMES[id] };
}
