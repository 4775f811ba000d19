// Open-addressing probe sequences of CPython 3.11's dict and set, and a
// plain-JS model of the set table that reproduces set iteration order.
//
// dict (Objects/dictobject.c, lookdict & friends):
//   i = hash & mask; perturb = (uint64) hash
//   repeat: perturb >>= 5; i = (i*5 + perturb + 1) & mask
// set (Objects/setobject.c): from each probe start i it also looks at the
// LINEAR_PROBES = 9 following slots when i + 9 <= mask, then jumps with the
// same recurrence. Both use the full unsigned 64-bit hash as `perturb`, kept
// here as two uint32 halves (hash64.ts); since mask < 2**32, only the low half
// of perturb matters in the index computation.
//
// `SetTableModel` is the reference for the heap set: the same fill/used
// accounting, dummies (hash -1), growth rule (fill*5 >= mask*3 → resize to
// used*4, or used*2 above 50000), insert_clean on resize and merge fast paths.

export const PERTURB_SHIFT = 5;
export const LINEAR_PROBES = 9;
export const SET_MINSIZE = 8;

/** Walks the dict probe sequence for one hash. */
export class DictProbe {
  /** Current slot index. */
  i = 0;
  private plo = 0;
  private phi = 0;
  private mask = 0;

  /** Start at `hash & mask` with perturb = the unsigned 64-bit hash. */
  start(hashLo: number, hashHi: number, mask: number): number {
    this.mask = mask;
    this.plo = hashLo >>> 0;
    this.phi = hashHi >>> 0;
    this.i = (hashLo & mask) >>> 0;
    return this.i;
  }

  /** Next slot: perturb >>= 5; i = (i*5 + perturb + 1) & mask. */
  next(): number {
    this.plo = ((this.plo >>> PERTURB_SHIFT) | (this.phi << (32 - PERTURB_SHIFT))) >>> 0;
    this.phi >>>= PERTURB_SHIFT;
    this.i = ((this.i * 5 + this.plo + 1) & this.mask) >>> 0;
    return this.i;
  }
}

const EMPTY = undefined;
const DUMMY: unique symbol = Symbol('dummy');

/**
 * A model of PySetObject's table over JS keys. Equality of keys is decided
 * by `eq` (default: ===) after the hashes compare equal, as in CPython.
 */
export class SetTableModel<K> {
  mask = SET_MINSIZE - 1;
  fill = 0;
  used = 0;
  /** Search start of set.pop() (so->finger). */
  finger = 0;
  keys: (K | typeof DUMMY | undefined)[] = new Array(SET_MINSIZE).fill(EMPTY);
  hashLo = new Uint32Array(SET_MINSIZE);
  hashHi = new Uint32Array(SET_MINSIZE);

  constructor(private readonly eq: (a: K, b: K) => boolean = (a, b) => a === b) {}

  /** set_add_entry. */
  add(key: K, hlo: number, hhi: number): void {
    hlo >>>= 0;
    hhi >>>= 0;
    const mask = this.mask;
    let i = (hlo & mask) >>> 0;
    let plo = hlo;
    let phi = hhi;
    let freeslot = -1;
    for (;;) {
      let j = i;
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      do {
        const k = this.keys[j];
        if (k === EMPTY && this.hashLo[j] === 0 && this.hashHi[j] === 0) {
          if (freeslot >= 0) {
            this.used++;
            this.put(freeslot, key, hlo, hhi);
            return;
          }
          this.fill++;
          this.used++;
          this.put(j, key, hlo, hhi);
          if (this.fill * 5 < mask * 3) return;
          this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (this.hashLo[j] === hlo && this.hashHi[j] === hhi) {
          if (k !== DUMMY && this.eq(k as K, key)) return;
        } else if (this.hashLo[j] === 0xffffffff && this.hashHi[j] === 0xffffffff) {
          freeslot = j;
        }
        j++;
      } while (probes-- > 0);
      plo = ((plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT))) >>> 0;
      phi >>>= PERTURB_SHIFT;
      i = ((i * 5 + 1 + plo) & mask) >>> 0;
    }
  }

  private put(j: number, key: K, hlo: number, hhi: number): void {
    this.keys[j] = key;
    this.hashLo[j] = hlo;
    this.hashHi[j] = hhi;
  }

  /** set_lookkey: slot of `key`, or -1. */
  find(key: K, hlo: number, hhi: number): number {
    hlo >>>= 0;
    hhi >>>= 0;
    const mask = this.mask;
    let i = (hlo & mask) >>> 0;
    let plo = hlo;
    let phi = hhi;
    for (;;) {
      let j = i;
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      do {
        const k = this.keys[j];
        if (k === EMPTY) return -1;
        if (this.hashLo[j] === hlo && this.hashHi[j] === hhi && k !== DUMMY && this.eq(k as K, key)) return j;
        j++;
      } while (probes-- > 0);
      plo = ((plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT))) >>> 0;
      phi >>>= PERTURB_SHIFT;
      i = ((i * 5 + 1 + plo) & mask) >>> 0;
    }
  }

  /** set_discard_entry: true if the key was present. */
  discard(key: K, hlo: number, hhi: number): boolean {
    const j = this.find(key, hlo, hhi);
    if (j < 0) return false;
    this.keys[j] = DUMMY;
    this.hashLo[j] = 0xffffffff;
    this.hashHi[j] = 0xffffffff;
    this.used--;
    return true;
  }

  private static insertClean<K>(
    keys: (K | typeof DUMMY | undefined)[],
    hl: Uint32Array,
    hh: Uint32Array,
    mask: number,
    key: K,
    hlo: number,
    hhi: number,
  ): void {
    let i = (hlo & mask) >>> 0;
    let plo = hlo;
    let phi = hhi;
    for (;;) {
      if (keys[i] === EMPTY) break;
      let found = -1;
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (keys[i + j] === EMPTY) {
            found = i + j;
            break;
          }
        }
      }
      if (found >= 0) {
        i = found;
        break;
      }
      plo = ((plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT))) >>> 0;
      phi >>>= PERTURB_SHIFT;
      i = ((i * 5 + 1 + plo) & mask) >>> 0;
    }
    keys[i] = key;
    hl[i] = hlo;
    hh[i] = hhi;
  }

  /** set_table_resize. */
  resize(minused: number): void {
    let newsize = SET_MINSIZE;
    while (newsize <= minused) newsize *= 2;
    if (newsize === SET_MINSIZE && this.mask === SET_MINSIZE - 1 && this.fill === this.used) return;
    const oldKeys = this.keys;
    const oldLo = this.hashLo;
    const oldHi = this.hashHi;
    this.keys = new Array(newsize).fill(EMPTY);
    this.hashLo = new Uint32Array(newsize);
    this.hashHi = new Uint32Array(newsize);
    this.mask = newsize - 1;
    this.fill = this.used;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j];
      if (k !== EMPTY && k !== DUMMY) {
        SetTableModel.insertClean(this.keys, this.hashLo, this.hashHi, this.mask, k as K, oldLo[j]!, oldHi[j]!);
      }
    }
  }

  /** set_merge (s.update(other) / set(other_set)). */
  merge(other: SetTableModel<K>): void {
    if (other === this || other.used === 0) return;
    if ((this.fill + other.used) * 5 >= this.mask * 3) this.resize((this.used + other.used) * 2);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      for (let j = 0; j <= other.mask; j++) {
        const k = other.keys[j];
        if (k !== EMPTY) this.put(j, k as K, other.hashLo[j]!, other.hashHi[j]!);
      }
      this.fill = other.fill;
      this.used = other.used;
      return;
    }
    if (this.fill === 0) {
      this.fill = other.used;
      this.used = other.used;
      for (let j = 0; j <= other.mask; j++) {
        const k = other.keys[j];
        if (k !== EMPTY && k !== DUMMY) {
          SetTableModel.insertClean(this.keys, this.hashLo, this.hashHi, this.mask, k as K, other.hashLo[j]!, other.hashHi[j]!);
        }
      }
      return;
    }
    for (let j = 0; j <= other.mask; j++) {
      const k = other.keys[j];
      if (k !== EMPTY && k !== DUMMY) this.add(k as K, other.hashLo[j]!, other.hashHi[j]!);
    }
  }

  /**
   * set_update_internal for an exact dict argument (`set(d)`, `s.update(d)`):
   * one up-front resize, then set_add_entry for each key in dict order with
   * the dict's stored hash. `entries` are [key, hashLo, hashHi].
   */
  updateFromDict(entries: readonly (readonly [K, number, number])[]): void {
    const dictsize = entries.length;
    if ((this.fill + dictsize) * 5 >= this.mask * 3) this.resize((this.used + dictsize) * 2);
    for (const [k, lo, hi] of entries) this.add(k, lo, hi);
  }

  /** set_pop: remove and return an element, scanning from the finger. */
  pop(): K | undefined {
    if (this.used === 0) return undefined; // KeyError('pop from an empty set')
    let j = this.finger & this.mask;
    while (this.keys[j] === EMPTY || this.keys[j] === DUMMY) {
      j++;
      if (j > this.mask) j = 0;
    }
    const key = this.keys[j] as K;
    this.keys[j] = DUMMY;
    this.hashLo[j] = 0xffffffff;
    this.hashHi[j] = 0xffffffff;
    this.used--;
    this.finger = j + 1;
    return key;
  }

  /** set_clear_internal: back to an empty minimum-size table. */
  clear(): void {
    this.mask = SET_MINSIZE - 1;
    this.fill = 0;
    this.used = 0;
    this.keys = new Array(SET_MINSIZE).fill(EMPTY);
    this.hashLo = new Uint32Array(SET_MINSIZE);
    this.hashHi = new Uint32Array(SET_MINSIZE);
  }

  /** Keys in iteration order (slot order), as `list(s)` / `repr(s)` show them. */
  ordered(): K[] {
    const out: K[] = [];
    for (let j = 0; j <= this.mask; j++) {
      const k = this.keys[j];
      if (k !== EMPTY && k !== DUMMY) out.push(k as K);
    }
    return out;
  }
}
