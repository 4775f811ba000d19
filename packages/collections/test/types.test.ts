// Static type objects and singletons: PyTypeObject fields in the heap (tp_name,
// sizes, 3.11 flags, tp_base chain), immortality, the runtime block found through
// root slot 1, and a worker that joins and sees the very same objects.
import { describe, expect, it } from 'vitest';
import {
  CR_MAGIC, CR_MAGIC_VALUE, OB_TYPE, ROOT_SLOT_COLLECTIONS, STATIC_TYPES, TP_BASE, TP_BASICSIZE, TP_FLAGS,
  TP_ITEMSIZE, TPFLAGS_LONG_SUBCLASS, TPFLAGS_TYPE_SUBCLASS, hashKeyFromSeed, joinCollections, startCollections,
  typeNameOf,
} from '@pynogil/collections';
import { createHeap } from '@pynogil/allocator';
import { startRefcount } from '@pynogil/refcount';
import { objEnv, runWorker } from './objects-env.js';

describe('static types and singletons', () => {
  it('every static type is an immortal PyTypeObject of type `type` with its name, sizes, flags and base', () => {
    const { ctx, heap, rc } = objEnv();
    for (const spec of STATIC_TYPES) {
      const t = ctx.types[spec.index]!;
      expect(t).not.toBe(0);
      expect(rc.isImmortal(t)).toBe(true);
      expect(heap.u32[(t + OB_TYPE) >>> 2]).toBe(ctx.tType);
      expect(typeNameOf(heap, t)).toBe(spec.name);
      expect(heap.i32[(t + TP_BASICSIZE) >>> 2]).toBe(spec.basicsize);
      expect(heap.i32[(t + TP_ITEMSIZE) >>> 2]).toBe(spec.itemsize);
      expect(heap.u32[(t + TP_FLAGS) >>> 2]).toBe(spec.flags >>> 0);
      expect(heap.u32[(t + TP_BASE) >>> 2]).toBe(spec.base < 0 ? 0 : ctx.types[spec.base]);
    }
    expect(heap.u32[(ctx.tBool + TP_BASE) >>> 2]).toBe(ctx.tInt);
    expect(heap.u32[(ctx.tBool + TP_FLAGS) >>> 2]! & TPFLAGS_LONG_SUBCLASS).not.toBe(0);
    expect(heap.u32[(ctx.tType + TP_FLAGS) >>> 2]! & (TPFLAGS_TYPE_SUBCLASS >>> 0)).not.toBe(0);
    for (const s of [ctx.None, ctx.True, ctx.False, ctx.Ellipsis, ctx.NotImplemented, ctx.emptyTuple, ctx.emptyBytes]) {
      expect(rc.isImmortal(s)).toBe(true);
    }
    expect(ctx.typeOf(ctx.None)).toBe(ctx.tNone);
    expect(ctx.typeOf(ctx.True)).toBe(ctx.tBool);
    expect(ctx.reprOf(ctx.None)).toBe('None');
    expect(ctx.reprOf(ctx.Ellipsis)).toBe('Ellipsis');
    const rt = heap.loadRoot(ROOT_SLOT_COLLECTIONS);
    expect(heap.u32[(rt + CR_MAGIC) >>> 2]).toBe(CR_MAGIC_VALUE);
    expect(() => startCollections(heap, rc)).toThrow(/already started/);
  });

  it('joinCollections without a runtime fails with a clear error', () => {
    const heap = createHeap({ maximumPages: 1024 });
    const rc = startRefcount(heap);
    expect(() => joinCollections(heap, rc)).toThrow(/startCollections first/);
  });

  it('a worker that joins sees the same types, singletons, small ints and hash key', async () => {
    const heap = createHeap({ maximumPages: 4096 });
    const rc = startRefcount(heap);
    const key = hashKeyFromSeed(12345);
    const ctx = startCollections(heap, rc, { hashKey: key });
    ctx.detach();
    const w = await runWorker<Record<string, unknown>>('join-worker.mjs', { memory: heap.memory });
    ctx.attach();
    expect(w.None).toBe(ctx.None);
    expect(w.True).toBe(ctx.True);
    expect(w.False).toBe(ctx.False);
    expect(w.emptyTuple).toBe(ctx.emptyTuple);
    expect(w.emptyBytes).toBe(ctx.emptyBytes);
    expect(w.types).toEqual(Array.from(ctx.types));
    expect(w.small).toEqual(Array.from(ctx.smallInts));
    expect(w.hashKey).toEqual(key);
    expect(w.intName).toBe('int');
    expect(w.minus5).toBe(-5);
    expect(w.floatType).toBe(true);
    expect(w.fv).toBe(2.5);
  });
});
