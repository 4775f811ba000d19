// The JS representation of a Python int value used by the numeric core.
//
// `PyInt = number | bigint`: a `number` is always a safe integer
// (|n| <= 2**53 - 1, never -0), anything larger is a `bigint`. Every function
// that returns a PyInt normalises with `normInt`, so equal values always have
// the same representation and the small-int fast paths stay hot.

export type PyInt = number | bigint;

export const MAX_SAFE = 9007199254740991;
export const MAX_SAFE_BIG = 9007199254740991n;

/** A bigint as a `PyInt`: a number when it is a safe integer. */
export function normInt(v: bigint): PyInt {
  return v <= MAX_SAFE_BIG && v >= -MAX_SAFE_BIG ? Number(v) : v;
}

/** Any `PyInt` as a bigint. */
export function toBig(v: PyInt): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}
