// The one definition of every shared-memory layout of @pynogil/collections: the
// object structs (CPython 3.11's C structs compiled for wasm32, with our 16-byte
// header in place of PyObject), PyTypeObject, the runtime block that every worker
// finds through an allocator root slot, the parking lot, and the list item array.
// Offsets are defined here once; every other file (and part 2's str/dict/set)
// imports them. Design notes: docs/internals/objects.md, docs/internals/locks.md.
//
// ABI ("wasm32 with a 64-bit Py_hash_t"): pointers, Py_ssize_t, long and int are
// 4 bytes, aligned 4; Py_hash_t, uint64_t and double are 8 bytes, aligned 8. The C
// rules: each field at the next multiple of its alignment; a struct is aligned to
// its most aligned field and its sizeof is rounded up to that alignment. The
// header (refcount's layout.ts: ob_tid u16, ob_mutex u8, ob_gc_bits u8,
// ob_ref_local u32, ob_ref_shared i32, ob_type u32) is 16 bytes, aligned 4;
// PyObject_VAR_HEAD adds `ob_size` (Py_ssize_t) at +16, so variable-size objects
// start their own fields at +20. test/layout.test.ts recomputes every offset below
// from the field lists with those rules.
//
// Writers and locks, common to every object:
//   header      refcount's rules (owner / Atomics); `ob_mutex` is this package's
//               lock byte (lock.ts), CAS only.
//   ob_type     written once at creation, never again.
//   immutable objects (int, float, bytes, tuple, str, frozenset contents) are
//   written only by the creating thread before the object is published (stored
//   where another thread can load it); after that only their hash caches change,
//   and those are idempotent (every thread computes the same value).
//   mutable objects (list, dict, set) are written under their `ob_mutex` (a
//   critical section, critical-section.ts); fields that lock-free readers load
//   (list ob_size/ob_item/items, dict ma_keys/entries) are written with
//   Atomics stores and read with Atomics loads (atomics.ts).

export { HEADER_SIZE, OB_TYPE, OB_MUTEX, OB_SIZE } from '@pynogil/refcount';

// ---------------------------------------------------------------------------
// Allocator root slots (32 u32 words in the allocator header; loadRoot/storeRoot).
// The table of who owns which slot — add a line when a package takes one.
// ---------------------------------------------------------------------------

/** 0: @pynogil/refcount runtime block (refcount's ROOT_REFCOUNT). */
export const ROOT_SLOT_REFCOUNT = 0;
/** 1: @pynogil/collections runtime block (CR_* below). Written once, by the thread
 *  that runs startCollections, after the block is complete (publication). */
export const ROOT_SLOT_COLLECTIONS = 1;
/** 2..31: free. The interpreter should take 2 (its interpreter state). */
export const ROOT_SLOT_FIRST_FREE = 2;

// ---------------------------------------------------------------------------
// PyLongObject (Include/cpython/longintrepr.h):
//   struct { PyObject_VAR_HEAD; digit ob_digit[1]; }   digit = uint32_t, 30 bits used
// ---------------------------------------------------------------------------

/** +16 i32 ob_size: number of digits, negative for a negative int, 0 for zero. */
export const LONG_SIZE = 16;
/** +20 u32[] ob_digit: |ob_size| little-endian 30-bit digits; the top one != 0. */
export const LONG_DIGITS = 20;
/** Block size for n digits: CPython 3.11 allocates at least one digit (zero too). */
export const longBlockSize = (ndigits: number): number => LONG_DIGITS + 4 * (ndigits > 0 ? ndigits : 1);
/** sizeof(PyLongObject) = 24; tp_basicsize = offsetof(ob_digit) = 20, itemsize 4. */
export const LONG_BASICSIZE = 20;
/** Invariant: immutable after publication; the value is the digits' sum times the
 *  sign of ob_size. Small ints −5..256 are the immortal singletons (int.ts). bool's
 *  True/False are PyLongObjects of type bool with ob_size 1/0. */
export const SMALL_INT_MIN = -5;
export const SMALL_INT_MAX = 256;
export const SMALL_INT_COUNT = SMALL_INT_MAX - SMALL_INT_MIN + 1;

// ---------------------------------------------------------------------------
// PyFloatObject: struct { PyObject_HEAD; double ob_fval; }   sizeof 24, align 8
// ---------------------------------------------------------------------------

/** +16 f64 ob_fval. Immutable after creation. (16 is 8-aligned: f64 view index ptr/8+2.) */
export const FLOAT_FVAL = 16;
export const FLOAT_SIZE = 24;

// ---------------------------------------------------------------------------
// PyBytesObject: struct { PyObject_VAR_HEAD; Py_hash_t ob_shash; char ob_sval[1]; }
//   ob_size +16, (pad +20), ob_shash +24 (8-aligned), ob_sval +32; sizeof 40.
// ---------------------------------------------------------------------------

/** +16 i32 ob_size: number of bytes. Immutable. */
export const BYTES_SIZE = 16;
/** +24 i64 ob_shash, as two u32 words (lo at +24, hi at +28); -1 (both words
 *  0xFFFFFFFF) = not computed yet. Written by any thread that computes the hash:
 *  lo and hi are stored separately, so a reader that sees a word pair it did not
 *  expect could see half of one; the hash of bytes is never -1, so the writer
 *  stores hi first then lo, and a reader takes the cache only if lo AND hi are
 *  both not 0xFFFFFFFF — every thread writes the same value, so a mix of "old
 *  -1 word" and "new word" is the only torn state and it reads as "not cached". */
export const BYTES_SHASH = 24;
/** +32 u8[] ob_sval: ob_size bytes followed by a NUL (C strings). */
export const BYTES_SVAL = 32;
/** Block size: PyBytesObject_SIZE (offsetof(ob_sval) + 1) + n, as CPython. */
export const bytesBlockSize = (n: number): number => BYTES_SVAL + 1 + n;
export const BYTES_STRUCT_SIZE = 40;

// ---------------------------------------------------------------------------
// PyTupleObject: struct { PyObject_VAR_HEAD; PyObject *ob_item[1]; }
// ---------------------------------------------------------------------------

/** +16 i32 ob_size. Immutable. */
export const TUPLE_SIZE = 16;
/** +20 u32[] ob_item: ob_size owned references, never 0 after creation. Written by
 *  the creating thread only, before publication; immutable after. */
export const TUPLE_ITEMS = 20;
export const tupleBlockSize = (n: number): number => TUPLE_ITEMS + 4 * n;

// ---------------------------------------------------------------------------
// PyListObject: struct { PyObject_VAR_HEAD; PyObject **ob_item; Py_ssize_t allocated; }
//   sizeof 28
// ---------------------------------------------------------------------------

/** +16 i32 ob_size: number of items. Written under the list's lock (Atomics
 *  store); read lock-free with Atomics.load (len(), the index check). */
export const LIST_SIZE = 16;
/** +20 u32 ob_item: pointer to item 0 of the current item array, or 0 when
 *  allocated == 0. Written under the lock (Atomics store) only after the new array
 *  is complete; an old array is freed through QSBR (qsbrDeferFree), never at once,
 *  because lock-free readers may still be reading it. */
export const LIST_ITEM = 20;
/** +24 i32 allocated: capacity of the current item array. Under the lock. */
export const LIST_ALLOCATED = 24;
export const LIST_STRUCT_SIZE = 28;

// List item array (our design, as CPython 3.13's _PyListArray): one raw block
//   +0 u32 capacity (== the list's `allocated` when the array was made)
//   +4 u32[capacity] items
// `ob_item` points at +4, so C code indexes ob_item[i] unchanged; the capacity sits
// at ob_item[-1], where a lock-free reader bounds-checks an index against the array
// it actually loaded. Invariants: items[0..ob_size) are owned references (!= 0);
// items[ob_size..capacity) are 0 (writers clear a slot before dropping its
// reference), so a reader that races a shrink finds 0 and falls back to the lock.
export const LIST_ARRAY_CAP = -4;
export const LIST_ARRAY_HEADER = 4;
export const listArrayBlockSize = (cap: number): number => LIST_ARRAY_HEADER + 4 * cap;

// ---------------------------------------------------------------------------
// str (PEP 393 compact forms of 3.11, Include/cpython/unicodeobject.h) — used by
// part 2 (objects/str.ts), defined here so that offsets live in one place.
//
// PyASCIIObject: struct { PyObject_HEAD; Py_ssize_t length; Py_hash_t hash;
//   struct { unsigned interned:2, kind:3, compact:1, ascii:1, ready:1, :24; } state;
//   wchar_t *wstr; }
//   length +16, (pad +20), hash +24 (8-aligned), state +32, wstr +36; sizeof 40, align 8.
// PyCompactUnicodeObject: struct { PyASCIIObject _base; Py_ssize_t utf8_length;
//   char *utf8; Py_ssize_t wstr_length; }
//   utf8_length +40, utf8 +44, wstr_length +48; sizeof 52 -> 56 (align 8).
// Data: compact ASCII strings store their 1-byte characters right after the
// PyASCIIObject (+40); other compact strings after the PyCompactUnicodeObject (+56),
// 1, 2 or 4 bytes per code point (kind), NUL-terminated (one code unit of 0).
// ---------------------------------------------------------------------------

/** +16 i32 length in code points. Immutable. */
export const STR_LENGTH = 16;
/** +24 i64 hash (lo +24, hi +28); -1 = not computed. Same torn-write rule as
 *  BYTES_SHASH (str hashes are never -1). */
export const STR_HASH = 24;
/** +32 u32 state bit-field (clang, little-endian: the first bit-field in the low
 *  bits): interned bits 0-1 (0 not, 1 interned mortal, 2 immortal, 3 immortal
 *  static), kind bits 2-4 (1, 2, 4 = bytes per code point), compact bit 5, ascii
 *  bit 6, ready bit 7. Written at creation; `interned` is set by the intern table
 *  before the string is published. */
export const STR_STATE = 32;
export const STR_STATE_INTERNED_SHIFT = 0;
export const STR_STATE_INTERNED_MASK = 0x3;
export const STR_STATE_KIND_SHIFT = 2;
export const STR_STATE_KIND_MASK = 0x7 << 2;
export const STR_STATE_COMPACT = 1 << 5;
export const STR_STATE_ASCII = 1 << 6;
export const STR_STATE_READY = 1 << 7;
/** +36 u32 wstr: always 0 (no wchar_t cache in pynogil). */
export const STR_WSTR = 36;
export const ASCII_STRUCT_SIZE = 40;
/** Data of a compact ASCII string. */
export const STR_ASCII_DATA = 40;
/** +40 i32 utf8_length (non-ASCII compact): bytes of the cached UTF-8, 0 if none. */
export const STR_UTF8_LENGTH = 40;
/** +44 u32 utf8: pointer to a raw block with the UTF-8 form + NUL, 0 if not cached.
 *  Set once with a CAS from 0 (the loser frees its copy); freed with the string. */
export const STR_UTF8 = 44;
/** +48 i32 wstr_length: always 0. */
export const STR_WSTR_LENGTH = 48;
export const COMPACT_STRUCT_SIZE = 56;
/** Data of a compact non-ASCII string. */
export const STR_COMPACT_DATA = 56;

// ---------------------------------------------------------------------------
// PyDictObject: struct { PyObject_HEAD; Py_ssize_t ma_used; uint64_t ma_version_tag;
//   PyDictKeysObject *ma_keys; PyDictValues *ma_values; }
//   ma_used +16, (pad +20), ma_version_tag +24, ma_keys +32, ma_values +36; sizeof 40.
// ---------------------------------------------------------------------------

/** +16 i32 ma_used: number of items. Under the dict's lock; Atomics store/load
 *  (len() reads it lock-free). */
export const DICT_USED = 16;
/** +24 u64 ma_version_tag (lo +24, hi +28). Under the lock. */
export const DICT_VERSION = 24;
/** +32 u32 ma_keys: the keys table (below). Replaced under the lock (Atomics
 *  store) only with a complete table; old tables freed through QSBR. */
export const DICT_KEYS = 32;
/** +36 u32 ma_values: split-table values; always 0 (pynogil dicts are combined). */
export const DICT_VALUES = 36;
export const DICT_STRUCT_SIZE = 40;
/** Block size of a dict object (= sizeof(PyDictObject)); part 2's name. */
export const DICT_SIZE = DICT_STRUCT_SIZE;

// Keys table (our design after CPython 3.11's PyDictKeysObject, one raw block):
//   +0  i32 dk_refcnt     1 (tables are not shared between dicts; kept for C layout)
//   +4  u8  dk_log2_size  log2 of the number of index slots (>= 3)
//   +5  u8  dk_log2_index_bytes  log2(size * index width)
//   +6  u8  dk_kind       0 general (DictKeyEntry), 1 unicode-only (still general
//                         entries here: one entry format keeps the lock-free reader
//                         simple; the value is recorded for C code)
//   +7  u8  (pad)
//   +8  u32 dk_version
//   +12 i32 dk_usable     entries that may still be appended
//   +16 i32 dk_nentries   entries used (including deleted ones)
//   +20 u32 (pad, 0)      so the indices and the 8-aligned entries start at +24
//   +24 dk_indices[size]  i8/i16/i32 by size (<= 128: 1 byte, <= 32768: 2, else 4):
//                         -1 empty (DKIX_EMPTY), -2 dummy, else an entry index
//   +24 + (1 << dk_log2_index_bytes)  entries[usable capacity], 16 bytes each:
//         +0 i64 me_hash (lo, hi), +8 u32 me_key, +12 u32 me_value
// Writers: the dict's owner of the lock; a published table's entries change only
// under the lock; readers re-validate ma_keys and the entry after tryIncref.
export const DK_REFCNT = 0;
export const DK_LOG2_SIZE = 4;
export const DK_LOG2_INDEX_BYTES = 5;
export const DK_KIND = 6;
export const DK_VERSION = 8;
export const DK_USABLE = 12;
export const DK_NENTRIES = 16;
export const DK_INDICES = 24;
export const DK_ENTRY_SIZE = 16;
export const DKE_HASH = 0;
export const DKE_KEY = 8;
export const DKE_VALUE = 12;
export const DKIX_EMPTY = -1;
export const DKIX_DUMMY = -2;

// ---------------------------------------------------------------------------
// PySetObject: setentry = struct { PyObject *key; Py_hash_t hash; }: key +0,
// (pad +4), hash +8; sizeof 16, align 8.
//   struct { PyObject_HEAD; Py_ssize_t fill, used, mask; setentry *table;
//            Py_hash_t hash; Py_ssize_t finger; setentry smalltable[8];
//            PyObject *weakreflist; }
//   fill +16, used +20, mask +24, table +28, hash +32, finger +40,
//   smalltable +48 (8-aligned after 44), weakreflist +176; sizeof 180 -> 184.
// ---------------------------------------------------------------------------

/** +16 i32 fill: active + dummy entries. Under the set's lock. */
export const SET_FILL = 16;
/** +20 i32 used: active entries (len). Under the lock; Atomics store/load. */
export const SET_USED = 20;
/** +24 i32 mask: table size - 1. Under the lock. */
export const SET_MASK = 24;
/** +28 u32 table: smalltable (obj + 48) or a raw block of (mask + 1) entries.
 *  Replaced under the lock; old tables freed through QSBR. */
export const SET_TABLE = 28;
/** +32 i64 hash: frozenset's cached hash, -1 = not computed (lo +32, hi +36). */
export const SET_HASH = 32;
/** +40 i32 finger: set.pop's search start. Under the lock. */
export const SET_FINGER = 40;
/** +44 u32 table generation (seqlock for lock-free readers, part 2's design):
 *  odd while the set's table is being rebuilt, even otherwise; written under the
 *  lock with Atomics. In C this word is the padding before smalltable, so C code
 *  never sees it. */
export const SET_TABLE_GEN = 44;
/** +48 setentry[8] smalltable. */
export const SET_SMALLTABLE = 48;
export const SET_MINSIZE = 8;
/** +176 u32 weakreflist: 0 (weak references are the interpreter's business). */
export const SET_WEAKREFLIST = 176;
export const SET_STRUCT_SIZE = 184;
export const SETENTRY_SIZE = 16;
/** Key of a deleted entry (CPython uses a `dummy` object; any value that is never
 *  an object offset works: blocks are 8-aligned and offset 1 is in the allocator
 *  header). Its hash is -1. */
export const SET_DUMMY_KEY = 1;
/** A heap set table (not the smalltable) is a raw block: +0 u32 mask, +4 pad, then
 *  the entries at +8; `table` points at the entries, so the mask is at table - 8
 *  and a reader gets a matching (table, mask) pair from one load of `table`. */
export const SETTABLE_HEADER = 8;
export const SETTABLE_MASK = -8;
export const SETENTRY_KEY = 0;
export const SETENTRY_HASH = 8;

// ---------------------------------------------------------------------------
// PyTypeObject of 3.11 (Include/cpython/object.h) on wasm32: PyObject_VAR_HEAD,
// then 48 fields that are all 4 bytes (pointers, Py_ssize_t, unsigned long
// tp_flags, unsigned int tp_version_tag), so field i is at 20 + 4*i and
// sizeof(PyTypeObject) = 212. Function-pointer slots hold wasm table indices for
// C types and 0 for types implemented in JS (their behaviour is in the per-thread
// registry, type-object.ts). Static types are immortal and written only by the
// thread that creates the runtime, before publication.
// ---------------------------------------------------------------------------

export const TYPE_FIELDS: readonly string[] = [
  'tp_name', 'tp_basicsize', 'tp_itemsize', 'tp_dealloc', 'tp_vectorcall_offset',
  'tp_getattr', 'tp_setattr', 'tp_as_async', 'tp_repr', 'tp_as_number',
  'tp_as_sequence', 'tp_as_mapping', 'tp_hash', 'tp_call', 'tp_str',
  'tp_getattro', 'tp_setattro', 'tp_as_buffer', 'tp_flags', 'tp_doc',
  'tp_traverse', 'tp_clear', 'tp_richcompare', 'tp_weaklistoffset', 'tp_iter',
  'tp_iternext', 'tp_methods', 'tp_members', 'tp_getset', 'tp_base',
  'tp_dict', 'tp_descr_get', 'tp_descr_set', 'tp_dictoffset', 'tp_init',
  'tp_alloc', 'tp_new', 'tp_free', 'tp_is_gc', 'tp_bases',
  'tp_mro', 'tp_cache', 'tp_subclasses', 'tp_weaklist', 'tp_del',
  'tp_version_tag', 'tp_finalize', 'tp_vectorcall',
];
export const TYPE_FIELDS_START = 20;
export const typeFieldOffset = (name: string): number => {
  const i = TYPE_FIELDS.indexOf(name);
  if (i < 0) throw new RangeError(`no PyTypeObject field ${name}`);
  return TYPE_FIELDS_START + 4 * i;
};
/** +20 u32 tp_name: pointer to a NUL-terminated UTF-8 name (raw block). */
export const TP_NAME = 20;
/** +24 i32 tp_basicsize, +28 i32 tp_itemsize (wasm32 sizes of this file). */
export const TP_BASICSIZE = 24;
export const TP_ITEMSIZE = 28;
/** +32 u32 tp_dealloc: wasm table index or 0 (JS deallocator in the registry). */
export const TP_DEALLOC = 32;
export const TP_REPR = 52;
export const TP_HASH = 68;
/** +92 u32 tp_flags (Py_TPFLAGS_*). */
export const TP_FLAGS = 92;
export const TP_DOC = 96;
export const TP_RICHCOMPARE = 108;
/** +136 u32 tp_base: the base type object, 0 for object. */
export const TP_BASE = 136;
export const TP_VERSION_TAG = 200;
export const TYPE_STRUCT_SIZE = 212;

// Py_TPFLAGS_* of 3.11 (Include/object.h).
export const TPFLAGS_SEQUENCE = 1 << 5;
export const TPFLAGS_MAPPING = 1 << 6;
export const TPFLAGS_IMMUTABLETYPE = 1 << 8;
export const TPFLAGS_BASETYPE = 1 << 10;
export const TPFLAGS_READY = 1 << 12;
export const TPFLAGS_HAVE_GC = 1 << 14;
export const TPFLAGS_HAVE_VERSION_TAG = 1 << 18;
export const TPFLAGS_DEFAULT = TPFLAGS_HAVE_VERSION_TAG;
export const TPFLAGS_LONG_SUBCLASS = 1 << 24;
export const TPFLAGS_LIST_SUBCLASS = 1 << 25;
export const TPFLAGS_TUPLE_SUBCLASS = 1 << 26;
export const TPFLAGS_BYTES_SUBCLASS = 1 << 27;
export const TPFLAGS_UNICODE_SUBCLASS = 1 << 28;
export const TPFLAGS_DICT_SUBCLASS = 1 << 29;
export const TPFLAGS_BASE_EXC_SUBCLASS = 1 << 30;
export const TPFLAGS_TYPE_SUBCLASS = 1 << 31;

// Builtin static types: index into the runtime block's type table (CR_TYPES).
export const TY_TYPE = 0;
export const TY_OBJECT = 1;
export const TY_INT = 2;
export const TY_BOOL = 3;
export const TY_FLOAT = 4;
export const TY_BYTES = 5;
export const TY_TUPLE = 6;
export const TY_LIST = 7;
export const TY_STR = 8;
export const TY_DICT = 9;
export const TY_SET = 10;
export const TY_FROZENSET = 11;
export const TY_NONE = 12;
export const TY_ELLIPSIS = 13;
export const TY_NOTIMPLEMENTED = 14;
/** Slots in the type table (one spare). */
export const TYPE_TABLE_SLOTS = 16;

// ---------------------------------------------------------------------------
// Runtime block of this package (one raw block, found through root slot
// ROOT_SLOT_COLLECTIONS). Every word is written once by the creating thread
// before the root slot is stored, except the ones marked "part 2", which part 2's
// initialisation writes once with a CAS from 0. Read by every thread with plain
// loads after it loaded the root slot (an Atomics load: the publication point).
// ---------------------------------------------------------------------------

/** 'PYC1' */
export const CR_MAGIC = 0;
export const CR_MAGIC_VALUE = 0x31435950;
export const CR_VERSION = 4;
export const CR_LAYOUT_VERSION = 1;
/** +8..+23 the SipHash key: k0lo, k0hi, k1lo, k1hi (hashKeyFromWords). */
export const CR_HASH_KEY = 8;
/** +24 u32 parking-lot bucket array; +28 number of buckets (a power of two). */
export const CR_PARKING_LOT = 24;
export const CR_PARKING_BUCKETS = 28;
/** +32 u32 raw block of SMALL_INT_COUNT pointers: small int v is entry v + 5. */
export const CR_SMALL_INTS = 32;
export const CR_NONE = 36;
export const CR_TRUE = 40;
export const CR_FALSE = 44;
export const CR_ELLIPSIS = 48;
export const CR_NOTIMPLEMENTED = 52;
export const CR_EMPTY_TUPLE = 56;
export const CR_EMPTY_BYTES = 60;
/** +64 u32 the empty str singleton (part 2). */
export const CR_EMPTY_STR = 64;
/** +68 u32 the intern table (part 2). */
export const CR_INTERN_TABLE = 68;
/** +72..+95 reserved for part 2 (CAS from 0). */
export const CR_PART2_RESERVED = 72;
/** +96 u32[TYPE_TABLE_SLOTS] static type objects by TY_* index. */
export const CR_TYPES = 96;
export const CR_SIZE = CR_TYPES + 4 * TYPE_TABLE_SLOTS;

// ---------------------------------------------------------------------------
// Parking lot (lock.ts / parking-lot.ts): a fixed array of buckets; an address is
// hashed to a bucket; each bucket has a spin lock and a FIFO list of wait nodes.
//   bucket (8 bytes):  +0 i32 lock word (0 free, 1 held; CAS, held for a few
//                      loads/stores, never across a wait), +4 u32 first wait node
//   wait node (one per thread, raw block, 24 bytes; written by its thread when it
//   enqueues, by the unparker under the bucket lock when it dequeues):
//     +0 u32 next node in the bucket list (under the bucket lock)
//     +4 u32 key: the address the thread waits on (under the bucket lock)
//     +8 i32 futex word: 0 waiting, 1 woken, 2 woken and handed the lock
//            (written by the unparker after dequeueing, Atomics store + notify;
//            the waiter Atomics.waits on it)
//     +16 f64 time the waiter enqueued (Date.now(), ms) for the fairness hand-off
// Invariant: a node is in at most one bucket list, and only while its futex word
// is 0; a key's waiters are in FIFO order in its bucket.
// ---------------------------------------------------------------------------

export const PARKING_BUCKETS = 256;
export const BUCKET_SIZE = 8;
export const BUCKET_LOCK = 0;
export const BUCKET_HEAD = 4;
export const WAITER_NEXT = 0;
export const WAITER_KEY = 4;
export const WAITER_FUTEX = 8;
export const WAITER_TIME = 16;
export const WAITER_SIZE = 24;
export const WAKE_NONE = 0;
export const WAKE_NORMAL = 1;
export const WAKE_HANDOFF = 2;

// ob_mutex bits (BRIEF.md section 2): a byte at +2 of every header.
export const MUTEX_LOCKED = 1;
export const MUTEX_PARKED = 2;
