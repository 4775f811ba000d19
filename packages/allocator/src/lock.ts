// The global heap lock (word H_LOCK): a three-state futex mutex (0 free, 1 held,
// 2 held with waiters). It guards only the slow, rare operations on global state:
// growing the memory, the global pool of free spans and H_TOP. No thread holds it while
// running user code, and nothing under it allocates.
import { casAcqRel, exchangeAcqRel, notifyWaiters, waitWhileEqual } from './atomics.js';
import { H_LOCK } from './layout.js';

export function globalLockAcquire(i32: Int32Array): void {
  let c = casAcqRel(i32, H_LOCK, 0, 1);
  if (c === 0) return;
  for (let spin = 0; spin < 100; spin++) {
    c = casAcqRel(i32, H_LOCK, 0, 1);
    if (c === 0) return;
  }
  if (c !== 2) c = exchangeAcqRel(i32, H_LOCK, 2);
  while (c !== 0) {
    if (!waitWhileEqual(i32, H_LOCK, 2, 1)) {
      // Cannot block on this thread: spin.
    }
    c = exchangeAcqRel(i32, H_LOCK, 2);
  }
}

export function globalLockRelease(i32: Int32Array): void {
  if (exchangeAcqRel(i32, H_LOCK, 0) === 2) notifyWaiters(i32, H_LOCK, 1);
}
