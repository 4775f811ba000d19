"""Count primes below a limit on 1 thread, then on N threads, and print the speed-up.

Under CPython 3.11 (with its GIL) the speed-up stays near 1x; under pynogil the
threads run on separate workers over one shared heap, so it approaches N.
"""
import os
import sys
import threading
import time


def count_primes(lo, hi):
    count = 0
    for n in range(max(lo, 2), hi):
        if n % 2 == 0:
            count += n == 2
            continue
        d = 3
        while d * d <= n:
            if n % d == 0:
                break
            d += 2
        else:
            count += 1
    return count


def run(threads, limit):
    results = [0] * threads
    step = limit // threads

    def work(i):
        hi = limit if i == threads - 1 else (i + 1) * step
        results[i] = count_primes(i * step, hi)

    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return sum(results), time.perf_counter() - start


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    n = os.cpu_count() or 2
    total1, t1 = run(1, limit)
    totaln, tn = run(n, limit)
    assert total1 == totaln
    print(f"primes below {limit}: {total1}")
    print(f"1 thread:  {t1:.3f} s")
    print(f"{n} threads: {tn:.3f} s   speed-up {t1 / tn:.2f}x")


if __name__ == "__main__":
    main()
