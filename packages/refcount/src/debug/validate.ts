// Invariant checks of the runtime block, the thread slots and (optionally) every
// object header, for tests and debugging. Exact only while no other thread changes
// them (world stopped, or only the caller alive). Returns the problems found.
//
// Checked (layout.ts for the fields):
//   R1  magic; RT_LIVE_THREADS == #slots DETACHED|ATTACHED|SUSPENDED;
//       RT_ZOMBIES == #slots ZOMBIE; every non-FREE tid <= RT_TID_HIGH
//   R2  FREE and ZOMBIE slots: queue CLOSED, QSBR OFFLINE
//   R3  live slots: queue open (0 or a node)
//   R4  no SUSPENDED slot unless a stop is requested
//   R5  RD_SEQ <= WR_SEQ; every online read sequence <= WR_SEQ; all odd
//   O1  immortal: ob_ref_shared == 0 and ob_tid == 0
//   O2  MERGED: ob_ref_local == 0 and ob_tid == 0
//   O3  ob_tid != 0: ob_ref_local >= 1 and the tid is registered or a zombie
//   O4  DEFAULT / MAYBE_WEAKREF: shared count >= 0

import { loadSeqCst } from '../atomics.js';
import type { RefCore } from '../core.js';
import {
  IMMORTAL_LOCAL, OB_REF_LOCAL, OB_REF_SHARED, QSBR_OFFLINE, QUEUE_CLOSED, REF_MERGED,
  REF_QUEUED, REF_SHARED_FLAG_MASK, REF_SHARED_SHIFT, RT_LIVE_THREADS, RT_MAGIC,
  RT_MAGIC_VALUE, RT_QSBR_RD_SEQ, RT_QSBR_WR_SEQ, RT_STW_REQUESTED, RT_TID_HIGH, RT_ZOMBIES,
  SLOT_QSBR_SEQ, SLOT_QUEUE, SLOT_STATE, THREAD_FREE, THREAD_SUSPENDED, THREAD_ZOMBIE,
} from '../layout.js';
import { seqGeq } from '../qsbr.js';

export interface ValidateOptions {
  /** Also check every object header of tags OBJECT and GC (uses the allocator's
   *  walk: the world must be stopped or the caller alone). */
  objects?: boolean;
}

export function validateRuntime(core: RefCore, options: ValidateOptions = {}): string[] {
  const problems: string[] = [];
  const { i32 } = core;
  const rt = (f: number) => loadSeqCst(i32, core.rtWord(f));
  if (rt(RT_MAGIC) !== RT_MAGIC_VALUE) return ['R1 bad magic'];
  const wr = rt(RT_QSBR_WR_SEQ);
  const rd = rt(RT_QSBR_RD_SEQ);
  const high = rt(RT_TID_HIGH);
  const stopping = rt(RT_STW_REQUESTED) !== 0;
  let live = 0;
  let zombies = 0;
  const state = new Int32Array(core.capacity + 1);
  for (let tid = 1; tid <= core.capacity; tid++) {
    const st = loadSeqCst(i32, core.slotWord(tid, SLOT_STATE));
    state[tid] = st;
    const q = loadSeqCst(i32, core.slotWord(tid, SLOT_QUEUE));
    const seq = loadSeqCst(i32, core.slotWord(tid, SLOT_QSBR_SEQ));
    if (st !== THREAD_FREE && tid > high) problems.push(`R1 tid ${tid} above RT_TID_HIGH ${high}`);
    if (st === THREAD_FREE || st === THREAD_ZOMBIE) {
      if (st === THREAD_ZOMBIE) zombies++;
      if (q !== QUEUE_CLOSED) problems.push(`R2 slot ${tid} (state ${st}) has an open queue`);
      if (seq !== QSBR_OFFLINE) problems.push(`R2 slot ${tid} (state ${st}) is QSBR-online`);
      continue;
    }
    live++;
    if (q === QUEUE_CLOSED) problems.push(`R3 live slot ${tid} has a closed queue`);
    if (st === THREAD_SUSPENDED && !stopping) problems.push(`R4 slot ${tid} SUSPENDED with no stop requested`);
    if (seq !== QSBR_OFFLINE && (!seqGeq(wr, seq) || (seq & 1) === 0)) problems.push(`R5 slot ${tid} read seq ${seq} vs write seq ${wr}`);
  }
  if (live !== rt(RT_LIVE_THREADS)) problems.push(`R1 ${live} live slots, RT_LIVE_THREADS ${rt(RT_LIVE_THREADS)}`);
  if (zombies !== rt(RT_ZOMBIES)) problems.push(`R1 ${zombies} zombie slots, RT_ZOMBIES ${rt(RT_ZOMBIES)}`);
  if (!seqGeq(wr, rd) || (wr & 1) === 0 || (rd & 1) === 0) problems.push(`R5 rd seq ${rd} vs wr seq ${wr}`);

  if (options.objects) {
    const visit = (p: number): void => {
      core.ensure(p);
      const tid = core.u16[p >>> 1]!;
      const local = core.u32[(p + OB_REF_LOCAL) >>> 2]!;
      const shared = loadSeqCst(core.i32, (p + OB_REF_SHARED) >>> 2);
      const flags = shared & REF_SHARED_FLAG_MASK;
      const where = `object 0x${p.toString(16)}`;
      if (local === IMMORTAL_LOCAL) {
        if (shared !== 0 || tid !== 0) problems.push(`O1 ${where}: immortal with shared ${shared}, tid ${tid}`);
        return;
      }
      if (flags === REF_MERGED && (local !== 0 || tid !== 0)) problems.push(`O2 ${where}: merged with local ${local}, tid ${tid}`);
      if (tid !== 0) {
        if (local < 1) problems.push(`O3 ${where}: owned by ${tid} with local 0`);
        if (tid > core.capacity || state[tid] === THREAD_FREE) problems.push(`O3 ${where}: owner ${tid} is not registered`);
      }
      if (flags < REF_QUEUED && (shared >> REF_SHARED_SHIFT) < 0) problems.push(`O4 ${where}: negative shared count in state ${flags}`);
    };
    core.port.walk(1, visit);
    core.port.walk(2, visit);
  }
  return problems;
}

/** Throws when validateRuntime finds a problem. */
export function assertRuntimeValid(core: RefCore, options: ValidateOptions = {}): void {
  const problems = validateRuntime(core, options);
  if (problems.length > 0) throw new Error(`refcount runtime invalid:\n  ${problems.join('\n  ')}`);
}
