# Thread-scaling suite: each workload is a CPU-bound function that is run
# once by 1 thread and then by N threads at the same time, every thread
# doing the full amount of work. With perfect parallelism both take the same
# wall time, so scaling = (time_1 * N) / time_N is N; under a GIL it is ~1.
# The workloads deliberately share what real programs share between threads
# (module-level functions, a shared object, a shared dict and list, module
# attributes, string constants) to expose reference-count and lock
# contention on those objects.
#
# usage: scaling.py WORKLOAD|all THREADS SCALE
#   SCALE multiplies each workload's base iteration count (1.0 = full size).
# Output per workload, on stdout:
#   scaling WORKLOAD THREADS RESULT_1 RESULT_N        (deterministic)
#   time: WORKLOAD SECONDS_1 SECONDS_N                (measured, not compared)
import math
import os
import sys
import threading
import time

# ---- shared state read by every thread -------------------------------------

G_OFFSET = 7
SHARED_DICT = {"k%d" % i: i * 3 for i in range(64)}
SHARED_KEYS = tuple(SHARED_DICT)
SHARED_LIST = [i * 5 for i in range(64)]
LOCAL = threading.local()


def _inc(x):
    return x + 1


def _add_global(x):
    return x + G_OFFSET


class Shared:
    def __init__(self, k):
        self.k = k

    def mix(self, x):
        return (x ^ self.k) & 0xFFFF


SHARED_OBJ = Shared(0x5A5A)


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


# ---- workloads: each returns a deterministic int ---------------------------

def pure_calls(n):
    f = _inc
    total = 0
    for i in range(n):
        total = f(total) ^ (i & 3)
    return total


def method_calls(n):
    obj = SHARED_OBJ
    total = 0
    for i in range(n):
        total += obj.mix(i)
    return total


def global_lookups(n):
    total = 0
    for i in range(n):
        total += _add_global(i & 255) - G_OFFSET
    return total


def module_attr_calls(n):
    total = 0
    for i in range(n):
        total += math.gcd(i, 360)
    return total


def float_arith(n):
    x = 0.5
    acc = 0.0
    for i in range(n):
        x = x * 1.0000001 + 0.25
        acc += x / (1.0 + i)
        if x > 1000.0:
            x -= 999.0
    return int(acc * 1000.0)


def object_creation(n):
    total = 0
    for i in range(n):
        p = Point(i, i + 1)
        total += p.y - p.x
    return total


def closure_creation(n):
    total = 0
    for i in range(n):
        def add(x, k=i & 7):
            return x + k
        total += add(1)
    return total


def dict_creation(n):
    total = 0
    for i in range(n):
        d = {"a": i, "b": i + 1, "c": 3}
        total += d["b"] - d["a"] + d["c"]
    return total


def shared_dict_read(n):
    d = SHARED_DICT
    keys = SHARED_KEYS
    total = 0
    for i in range(n):
        total += d[keys[i & 63]]
    return total


def shared_list_read(n):
    lst = SHARED_LIST
    total = 0
    for i in range(n):
        total += lst[i & 63]
    return total


def _countdown(k):
    while k:
        yield k
        k -= 1


def generators(n):
    total = 0
    for i in range(n // 8):
        for v in _countdown(8):
            total += v
    return total


def thread_local(n):
    LOCAL.value = 3
    loc = LOCAL
    total = 0
    for _ in range(n):
        total += loc.value
    return total


def str_constants(n):
    total = 0
    for i in range(n):
        s = "alpha" if i & 1 else "beta"
        if s == "alpha":
            total += len("constant string")
        elif s in ("beta", "gamma"):
            total += 2
    return total


# name -> (function, iterations at SCALE 1.0: ~0.3 s for one thread in CPython)
WORKLOADS = {
    "pure_calls": (pure_calls, 3_000_000),
    "method_calls": (method_calls, 2_500_000),
    "global_lookups": (global_lookups, 3_000_000),
    "module_attr_calls": (module_attr_calls, 3_000_000),
    "float_arith": (float_arith, 3_000_000),
    "object_creation": (object_creation, 1_500_000),
    "closure_creation": (closure_creation, 1_500_000),
    "dict_creation": (dict_creation, 2_000_000),
    "shared_dict_read": (shared_dict_read, 4_000_000),
    "shared_list_read": (shared_list_read, 5_000_000),
    "generators": (generators, 3_000_000),
    "thread_local": (thread_local, 5_000_000),
    "str_constants": (str_constants, 5_000_000),
}


def run_threads(func, n, threads):
    results = [None] * threads

    def body(slot):
        results[slot] = func(n)

    workers = [threading.Thread(target=body, args=(slot,)) for slot in range(threads)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - start
    return results, elapsed


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else (os.cpu_count() or 1)
    scale = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    names = list(WORKLOADS) if which == "all" else which.split(",")
    for name in names:
        func, base = WORKLOADS[name]
        n = max(16, int(base * scale))
        one, t1 = run_threads(func, n, 1)
        many, tn = run_threads(func, n, threads)
        if any(r != one[0] for r in many):
            raise SystemExit("scaling %s: threads disagree: %r vs %r" % (name, one, many))
        print("scaling", name, threads, one[0], sum(many))
        print("time:", name, "%.6f" % t1, "%.6f" % tn)
        sys.stdout.flush()


main()
