// The SipHash key of str/bytes hashing, derived like CPython's
// _Py_HashRandomization_Init (Python/bootstrap_hash.c).
//
// CPython fills the 24-byte _Py_HashSecret union and SipHash uses its first
// 16 bytes as two little-endian uint64 keys k0 (bytes 0..7) and k1 (8..15).
//   PYTHONHASHSEED=0      → all zero bytes (randomization disabled);
//   PYTHONHASHSEED=N > 0  → lcg_urandom(N): x = x * 214013 + 2531011 (mod
//                           2**32) per byte, the byte being (x >> 16) & 0xff;
//   unset / "random"      → bytes from the OS CSPRNG (crypto.getRandomValues).
// Every thread of one interpreter must use the same key: the key is four
// uint32 (`HashKey`), which the interpreter stores in the heap and each worker
// reads back with `hashKeyFromWords`.

/** A SipHash key as four uint32 halves. */
export interface HashKey {
  readonly k0lo: number;
  readonly k0hi: number;
  readonly k1lo: number;
  readonly k1hi: number;
}

/** The 24 secret bytes for PYTHONHASHSEED=seed (0 <= seed <= 4294967295). */
export function hashSecretFromSeed(seed: number): Uint8Array {
  const out = new Uint8Array(24);
  if (seed === 0) return out;
  let x = seed >>> 0;
  for (let i = 0; i < 24; i++) {
    x = (Math.imul(x, 214013) + 2531011) >>> 0;
    out[i] = (x >>> 16) & 0xff;
  }
  return out;
}

function keyFromSecret(b: Uint8Array): HashKey {
  const w = (i: number): number => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
  return { k0lo: w(0), k0hi: w(4), k1lo: w(8), k1hi: w(12) };
}

/** The key CPython uses under PYTHONHASHSEED=seed. */
export function hashKeyFromSeed(seed: number): HashKey {
  return keyFromSecret(hashSecretFromSeed(seed));
}

/** A random key (hash randomization enabled, PYTHONHASHSEED unset). */
export function randomHashKey(): HashKey {
  const b = new Uint8Array(24);
  globalThis.crypto.getRandomValues(b);
  return keyFromSecret(b);
}

/** Rebuild a key from its four words (as stored in the heap). */
export function hashKeyFromWords(k0lo: number, k0hi: number, k1lo: number, k1hi: number): HashKey {
  return { k0lo: k0lo >>> 0, k0hi: k0hi >>> 0, k1lo: k1lo >>> 0, k1hi: k1hi >>> 0 };
}

/**
 * The key for a PYTHONHASHSEED environment value, with CPython's parsing:
 * undefined/"" or "random" → random; else a decimal integer in
 * [0, 4294967295]. Returns null for an invalid value (CPython then aborts
 * start-up with "PYTHONHASHSEED must be \"random\" or an integer in range
 * [0; 4294967295]").
 */
export function hashKeyFromEnv(value: string | undefined): HashKey | null {
  if (value === undefined || value === '' || value === 'random') return randomHashKey();
  if (!/^\s*\d+\s*$/.test(value)) return null;
  const n = Number(value.trim());
  if (n > 4294967295) return null;
  return hashKeyFromSeed(n);
}
