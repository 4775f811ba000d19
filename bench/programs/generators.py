# generators: a pipeline of generator functions and generator expressions -
# a source, a map, a filter, a sliding window, a running total, `yield from`
# delegation, send() into a coroutine-style accumulator and itertools-free
# chunking. Measures generator creation, resumption and frame switching.
# Size: number of items pushed through the pipeline (argv[1]).
import sys


def source(n):
    seed = 99
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield seed >> 12


def scaled(items, k):
    for x in items:
        yield x * k % 10007


def only_odd(items):
    for x in items:
        if x & 1:
            yield x


def windows(items, size):
    window = []
    for x in items:
        window.append(x)
        if len(window) > size:
            del window[0]
        if len(window) == size:
            yield tuple(window)


def flatten(chunks):
    for chunk in chunks:
        yield from chunk


def chunked(items, size):
    chunk = []
    for x in items:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def accumulator():
    total = 0
    count = 0
    while True:
        x = yield total
        if x is None:
            return count
        total = (total + x) % 1000000007
        count += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    pipeline = windows(only_odd(scaled(source(n), 31)), 3)
    sums = (a + b - c for a, b, c in pipeline)
    acc = accumulator()
    next(acc)
    last = 0
    for v in flatten(chunked(sums, 7)):
        last = acc.send(v)
    try:
        acc.send(None)
        count = -1
    except StopIteration as stop:
        count = stop.value
    squares = sum(x * x for x in range(n // 10) if x % 3)
    print("generators", n, count, last, squares)


main()
