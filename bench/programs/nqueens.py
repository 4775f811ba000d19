# n-queens: count every placement of n non-attacking queens by backtracking,
# once with sets of occupied columns/diagonals and once with bit masks, and
# list the first solution found. Measures recursion, set membership, integer
# bit operations. Size: n (argv[1]).
import sys


def count_with_sets(n):
    cols = set()
    diag1 = set()
    diag2 = set()
    placed = []
    found = []

    def place(row):
        if row == n:
            if not found:
                found.append(tuple(placed))
            return 1
        total = 0
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            placed.append(c)
            total += place(row + 1)
            placed.pop()
            cols.discard(c)
            diag1.discard(row + c)
            diag2.discard(row - c)
        return total

    return place(0), found[0] if found else ()


def count_with_bits(n):
    full = (1 << n) - 1

    def place(cols, left, right):
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | left | right)
        while free:
            bit = free & -free
            free ^= bit
            total += place(cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
        return total

    return place(0, 0, 0)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    a, first = count_with_sets(n)
    b = count_with_bits(n)
    if a != b:
        raise SystemExit("mismatch %d != %d" % (a, b))
    print("nqueens", n, a, ",".join(str(c) for c in first))


main()
