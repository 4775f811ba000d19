# spectral-norm: the largest singular value of the infinite matrix
# A[i][j] = 1 / ((i+j)(i+j+1)/2 + i + 1), truncated to n x n, by ten rounds of
# the power method on A^T A. Measures float division, function calls and
# generator expressions over lists. Size: n (argv[1]).
import sys
from math import sqrt


def a_entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def mul_av(v, n):
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += a_entry(i, j) * v[j]
        out.append(acc)
    return out


def mul_atv(v, n):
    return [sum(a_entry(j, i) * v[j] for j in range(n)) for i in range(n)]


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = 0.0
    vv = 0.0
    for ui, vi in zip(u, v):
        vbv += ui * vi
        vv += vi * vi
    print("spectral_norm", n, "%.9f" % sqrt(vbv / vv))


main()
