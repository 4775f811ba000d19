// Size classes of small blocks and the size -> class lookup used by malloc's fast path.
// Classes are multiples of 8 up to 128 bytes, then four classes per power of two up to
// SMALL_MAX (32 KiB), as in mimalloc: at most 25% of a block is lost to rounding.
// A page (64 KiB) of class c holds floor(PAGE_SIZE / CLASS_SIZE[c]) blocks; because
// pages are 64 KiB-aligned, a block whose size is a multiple of 2^k is 2^k-aligned.

/** Largest block served from size-class pages; bigger requests get a span of their own. */
export const SMALL_MAX = 32768;

function buildClasses(): number[] {
  const sizes: number[] = [];
  for (let s = 8; s <= 128; s += 8) sizes.push(s);
  for (let base = 128; base < SMALL_MAX; base *= 2) {
    const step = base / 4;
    for (let k = 1; k <= 4; k++) sizes.push(base + k * step);
  }
  return sizes;
}

const sizes = buildClasses();

/** Block size of each class, indexed by class number. */
export const CLASS_SIZE: Int32Array = Int32Array.from(sizes);
/** Number of size classes. */
export const NCLASSES = sizes.length;

/** SIZE_TO_CLASS[(size + 7) >>> 3] is the class of a request of `size` bytes (0 <= size <= SMALL_MAX). */
export const SIZE_TO_CLASS: Uint8Array = (() => {
  const t = new Uint8Array((SMALL_MAX >>> 3) + 1);
  let c = 0;
  for (let i = 0; i < t.length; i++) {
    const bytes = Math.max(8, i * 8);
    while (sizes[c]! < bytes) c++;
    t[i] = c;
  }
  return t;
})();

/** Size class for a request of `size` bytes, or -1 when it is a large request. */
export function sizeClassOf(size: number): number {
  if (!(size >= 0) || size > SMALL_MAX) return -1;
  return SIZE_TO_CLASS[(size + 7) >>> 3]!;
}
