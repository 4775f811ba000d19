// Per-thread merge queue (CPython Python/brc.c): objects that a non-owner queued
// because its decrement found the shared count at zero. Multi-producer, single
// consumer, lock-free: a Treiber stack whose head is the thread slot's SLOT_QUEUE
// word, nodes allocated from the heap (QNODE_*, tag RAW), freed by the consumer.
//
//   head == 0             empty, open
//   head == QUEUE_CLOSED  the owner exited (or the slot was never used): pushMt
//                         fails and the pusher merges the object itself
//   otherwise             first node; node.next chains to 0
//
// Producers CAS a node onto the head; the owner takes the whole list with one
// exchange (takeAllLocal), so there is no pop and no ABA problem: a node address
// that is freed and reused can only make a push CAS succeed against a head that is
// genuinely current. Order of processing is irrelevant (merging commutes).
// After a push the producer sets BREAKER_MERGE in the owner's eval breaker.

import { addSeqCst, casSeqCst, exchangeSeqCst, loadSeqCst, orSeqCst } from './atomics.js';
import type { RefCore } from './core.js';
import {
  BREAKER_MERGE, QNODE_NEXT, QNODE_OBJ, QNODE_SIZE, QUEUE_CLOSED, RT_QUEUE_COUNT,
  SLOT_BREAKER, SLOT_QUEUE,
} from './layout.js';

const TAG_RAW = 0 as const;

/** Queues `obj` to thread `owner`. Returns false if its queue is closed. Any thread. */
export function pushMt(core: RefCore, owner: number, obj: number): boolean {
  const hw = core.slotWord(owner, SLOT_QUEUE);
  let head = loadSeqCst(core.i32, hw);
  let node = 0;
  for (;;) {
    if (head === QUEUE_CLOSED) {
      if (node !== 0) core.port.free(node);
      return false;
    }
    if (node === 0) {
      node = core.port.malloc(QNODE_SIZE, TAG_RAW);
      if (node === 0) throw new RangeError('@pynogil/refcount: out of memory queueing an object');
      core.ensure(node);
      core.u32[(node + QNODE_OBJ) >>> 2] = obj;
    }
    core.i32[(node + QNODE_NEXT) >>> 2] = head; // published by the CAS below
    const seen = casSeqCst(core.i32, hw, head, node);
    if (seen === head) break;
    head = seen;
  }
  addSeqCst(core.i32, core.rtWord(RT_QUEUE_COUNT), 1);
  orSeqCst(core.i32, core.slotWord(owner, SLOT_BREAKER), BREAKER_MERGE);
  return true;
}

/** Takes every queued node (0 if none). The owner only, while its queue is open. */
export function takeAllLocal(core: RefCore): number {
  const hw = core.slotw + (SLOT_QUEUE >>> 2);
  const head = loadSeqCst(core.i32, hw);
  if (head === 0 || head === QUEUE_CLOSED) return 0;
  return exchangeSeqCst(core.i32, hw, 0);
}

/** Closes the queue for good (thread exit) and returns what was in it. */
export function closeLocal(core: RefCore): number {
  const head = exchangeSeqCst(core.i32, core.slotw + (SLOT_QUEUE >>> 2), QUEUE_CLOSED);
  return head === QUEUE_CLOSED ? 0 : head;
}

/** Calls `visit(obj)` for each node of a taken list and frees the nodes. */
export function drainList(core: RefCore, head: number, visit: (obj: number) => void): void {
  while (head !== 0) {
    core.ensure(head);
    const next = core.i32[(head + QNODE_NEXT) >>> 2]!;
    const obj = core.u32[(head + QNODE_OBJ) >>> 2]!;
    core.port.free(head);
    visit(obj);
    head = next;
  }
}
