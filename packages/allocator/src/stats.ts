// Statistics and the walk over live blocks, both by scanning the page table: the hot
// paths keep no counters. A block is live when it is below the page's capacity and on
// none of its three free lists. Both are exact only while no other thread allocates or
// frees (the cycle collector calls walk with the world stopped).
import { loadAcquire } from './atomics.js';
import type { HeapCore } from './context.js';
import {
  D_BLOCK_SIZE, D_CAPACITY, D_FREE, D_KIND, D_LOCAL_FREE, D_SPAN, D_TAGCLS,
  D_THREAD_FREE, D_USED, DESC_SHIFT, H_SIZE_PAGES, H_TOP, K_FREE, K_LARGE, K_RETIRED, K_SMALL,
  K_SMALL_SLOW, K_TAIL, NTAGS, PAGE_SIZE, R_STATE, S_ABANDONED, S_ACTIVE, S_RECLAIMING,
} from './layout.js';
import { CLASS_SIZE, NCLASSES } from './size-classes.js';
import type { BlockCounts, HeapStats, SizeClassStats } from './types.js';

/** Mark (in `mark`, one byte per block) the blocks of small page `d` that are free. */
export function markFreeBlocks(core: HeapCore, d: number, mark: Uint8Array): void {
  const i32 = core.i32;
  const start = core.pageOf(d) * PAGE_SIZE;
  const bs = i32[d + D_BLOCK_SIZE]!;
  const cap = i32[d + D_CAPACITY]!;
  mark.fill(0, 0, cap);
  for (const w of [D_FREE, D_LOCAL_FREE, D_THREAD_FREE]) {
    let n = 0;
    for (let p = loadAcquire(i32, d + w); p !== 0 && n <= cap; p = i32[p >>> 2]!, n++) {
      const idx = ((p >>> 0) - start) / bs;
      if (idx >= 0 && idx < cap && idx === Math.floor(idx)) mark[idx] = 1;
    }
  }
}

/** Visit every live block of `tag`: visit(blockStart, blockSize). */
export function walkTag(core: HeapCore, tag: number, visit: (ptr: number, size: number) => void): void {
  const mark = new Uint8Array(PAGE_SIZE / 8);
  const top = loadAcquire(core.i32, H_TOP);
  for (let p = core.firstData; p < top;) {
    const i32 = core.i32;
    const d = core.ptBase + (p << DESC_SHIFT);
    const kind = i32[d + D_KIND]!;
    const span = kind === K_TAIL ? 1 : Math.max(1, i32[d + D_SPAN]!);
    if ((i32[d + D_TAGCLS]! >>> 8) === tag) {
      if (kind === K_SMALL || kind === K_SMALL_SLOW) {
        markFreeBlocks(core, d, mark);
        const bs = i32[d + D_BLOCK_SIZE]!;
        const cap = i32[d + D_CAPACITY]!;
        const start = p * PAGE_SIZE;
        for (let k = 0; k < cap; k++) if (mark[k] === 0) visit(start + k * bs, bs);
      } else if (kind === K_LARGE && i32[d + D_USED] === 1 && loadAcquire(i32, d + D_THREAD_FREE) === 0) {
        visit(p * PAGE_SIZE, span * PAGE_SIZE);
      }
    }
    p += span;
  }
}

function zero(): BlockCounts {
  return { blocks: 0, bytes: 0, pages: 0 };
}

export function heapStats(core: HeapCore): HeapStats {
  const byTag: BlockCounts[] = [];
  for (let t = 0; t < NTAGS; t++) byTag.push(zero());
  const bySizeClass: SizeClassStats[] = [];
  for (let c = 0; c < NCLASSES; c++) bySizeClass.push({ sizeClass: c, blockSize: CLASS_SIZE[c]!, ...zero() });
  const large = zero();
  const mark = new Uint8Array(PAGE_SIZE / 8);
  let freeSpanPages = 0;
  let retiredPages = 0;
  const top = loadAcquire(core.i32, H_TOP);
  for (let p = core.firstData; p < top;) {
    const i32 = core.i32;
    const d = core.ptBase + (p << DESC_SHIFT);
    const kind = i32[d + D_KIND]!;
    const span = kind === K_TAIL ? 1 : Math.max(1, i32[d + D_SPAN]!);
    const tag = i32[d + D_TAGCLS]! >>> 8;
    if (kind === K_SMALL || kind === K_SMALL_SLOW) {
      markFreeBlocks(core, d, mark);
      let live = 0;
      const cap = i32[d + D_CAPACITY]!;
      for (let k = 0; k < cap; k++) if (mark[k] === 0) live++;
      const cls = i32[d + D_TAGCLS]! & 255;
      const bs = i32[d + D_BLOCK_SIZE]!;
      const c = bySizeClass[cls]!;
      c.blocks += live; c.bytes += live * bs; c.pages++;
      const t = byTag[tag]!;
      t.blocks += live; t.bytes += live * bs; t.pages++;
    } else if (kind === K_LARGE) {
      const live = i32[d + D_USED] === 1 && loadAcquire(i32, d + D_THREAD_FREE) === 0 ? 1 : 0;
      large.blocks += live; large.bytes += live * span * PAGE_SIZE; large.pages++;
      const t = byTag[tag]!;
      t.blocks += live; t.bytes += live * span * PAGE_SIZE; t.pages++;
    } else if (kind === K_FREE) {
      freeSpanPages += span;
    } else if (kind === K_RETIRED) {
      retiredPages += span;
    }
    p += span;
  }
  let active = 0;
  let abandoned = 0;
  for (let id = 1; id <= core.maxThreads; id++) {
    const st = loadAcquire(core.i32, core.recordOf(id) + R_STATE);
    if (st === S_ACTIVE) active++;
    else if (st === S_ABANDONED || st === S_RECLAIMING) abandoned++;
  }
  let inUseBytes = 0;
  let inUseBlocks = 0;
  for (const t of byTag) { inUseBytes += t.bytes; inUseBlocks += t.blocks; }
  return {
    committedBytes: loadAcquire(core.i32, H_SIZE_PAGES) * PAGE_SIZE,
    metadataBytes: core.firstData * PAGE_SIZE,
    pagesBytes: (top - core.firstData) * PAGE_SIZE,
    inUseBytes,
    inUseBlocks,
    freeSpanBytes: freeSpanPages * PAGE_SIZE,
    retiredBytes: retiredPages * PAGE_SIZE,
    byTag,
    bySizeClass,
    large,
    heaps: { active, abandoned },
  };
}
