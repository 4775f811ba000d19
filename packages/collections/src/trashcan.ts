// The trashcan (CPython's Py_TRASHCAN_BEGIN/END, Include/cpython/object.h): freeing a
// deeply nested container — a tuple in a tuple in a tuple … — would recurse once per
// level through the deallocators and overflow the JS stack. Container deallocators
// run their body through `trashcanDealloc`; past TRASHCAN_DEPTH nested levels the
// object is queued instead, and the outermost call drains the queue iteratively.
//
// The queue and the depth are module state, and module state is per worker (each
// worker has its own module instance), so they are per thread, like CPython's
// per-thread-state trashcan. Nothing here is shared memory.

import type { ThreadContext } from '@pynogil/refcount';

/** Nesting depth after which frees are deferred (CPython uses 50). */
export const TRASHCAN_DEPTH = 50;

type Body = (ptr: number, rc: ThreadContext) => void;

let depth = 0;
const pendingPtr: number[] = [];
const pendingBody: Body[] = [];

/** Runs `body(ptr, rc)` now, or later in the outermost deallocation on this thread. */
export function trashcanDealloc(ptr: number, rc: ThreadContext, body: Body): void {
  if (depth >= TRASHCAN_DEPTH) {
    pendingPtr.push(ptr);
    pendingBody.push(body);
    return;
  }
  depth++;
  try {
    body(ptr, rc);
  } finally {
    depth--;
  }
  if (depth === 0) {
    while (pendingPtr.length > 0) {
      const p = pendingPtr.pop()!;
      const b = pendingBody.pop()!;
      depth++;
      try {
        b(p, rc);
      } finally {
        depth--;
      }
    }
  }
}
