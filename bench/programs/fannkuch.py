# fannkuch-redux: for every permutation of 1..n (generated in a fixed order
# by an explicit counter array), count the prefix reversals ("pancake flips")
# needed until 1 is in front. Measures list slicing, indexing and small loops.
# Size: n (argv[1]) and how many times to repeat the whole run (argv[2],
# default 1: n! grows too fast to size a run by n alone). Prints the checksum
# (alternating sum of flips), the maximum flip count and the permutations seen.
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        # Count flips of this permutation.
        perm = perm1[:]
        flips = 0
        first = perm[0]
        while first != 0:
            perm[:first + 1] = perm[first::-1]
            flips += 1
            first = perm[0]
        if flips > max_flips:
            max_flips = flips
        if index % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        index += 1
        # Next permutation: rotate the first r+1 elements left by one,
        # advancing the counter of the lowest position that has not wrapped.
        while True:
            if r == n:
                return checksum, max_flips, index
            head = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = head
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    first = fannkuch(n)
    for _ in range(repeat - 1):
        if fannkuch(n) != first:
            raise SystemExit("fannkuch: repeated run differs")
    checksum, max_flips, perms = first
    print("fannkuch", n, repeat, checksum, max_flips, perms)


main()
