// The numeric and hashing core of @pynogil/collections: pure functions over
// JS values that reproduce CPython 3.11 bit for bit. The heap-backed int,
// float, str, tuple, dict and set objects are built on these. Design notes:
// docs/internals/numbers.md.

export { PyExc, isExc, type PyExcType } from './errors.js';
export { type PyInt, normInt, toBig, MAX_SAFE } from './pyint.js';
export {
  PYLONG_SHIFT,
  PYLONG_MASK,
  longDigitCount,
  longWriteDigits,
  longReadDigits,
  longReadValue,
  bigintToLongDigits,
} from './int-digits.js';
export {
  intAdd,
  intSub,
  intMul,
  intNeg,
  intAbs,
  intInvert,
  intFloorDiv,
  intMod,
  intDivmod,
  intToFloat,
  intTrueDiv,
  intPow,
  intPowMod,
  intLshift,
  intRshift,
  intAnd,
  intOr,
  intXor,
  intBitLength,
  intBitCount,
  compareIntFloat,
} from './int-ops.js';
export {
  DEFAULT_MAX_STR_DIGITS,
  MAX_STR_DIGITS_THRESHOLD,
  parseIntPy,
  digitsToBigint,
  intToStr,
  intToBaseString,
  intToPrefixedString,
} from './int-str.js';
export {
  COMPLEX_RESULT,
  type ComplexResult,
  floatPow,
  floatMod,
  floatFloorDiv,
  floatDivmod,
  floatTrueDiv,
  floatToInt,
  floatFloor,
  floatCeil,
  floatRoundToInt,
  floatRound,
  floatAsIntegerRatio,
  floatHex,
} from './float-ops.js';
export { floatRepr, formatFloat, type FloatFormatType } from './float-format.js';
export { shortestDigits, significantDigits, fixedDigits, type Digits } from './float-decimal.js';
export { parseFloatPy, floatFromHex } from './float-parse.js';
export { pyStrRepr, isPyWhitespace } from './text.js';
export { hashToPyInt, bigintToHash, numberToHash } from './hash64.js';
export { HASH_MODULUS, HASH_INF, hashInt, hashFloat, hashPointer } from './hash-numeric.js';
export {
  type HashKey,
  hashSecretFromSeed,
  hashKeyFromSeed,
  hashKeyFromEnv,
  hashKeyFromWords,
  randomHashKey,
} from './hash-secret.js';
export { hashBytes, hashString, hashStrData, strKind, setSipHashBackend, sipHashBackend } from './siphash.js';
export { createWasmSipHasher, type WasmSipHasher, type WasmMemoryLike } from './siphash-wasm.js';
export { TupleHasher, FrozensetHasher } from './tuple-hash.js';
export { DictProbe, SetTableModel, PERTURB_SHIFT, LINEAR_PROBES, SET_MINSIZE } from './probe.js';
