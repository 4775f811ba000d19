# pidigits: the first n decimal digits of pi from an unbounded spigot
# (Gibbons' streaming algorithm over linear fractional transformations
# q, r, t). Measures big-integer multiply, add and floor division as the
# numbers grow to thousands of digits. Size: digits (argv[1]). Prints the
# last 20 digits and a rolling checksum of all of them.
import sys


def pi_digits(count):
    q, r, t, k = 1, 0, 1, 1
    produced = 0
    while produced < count:
        # Extract: the digit is fixed when floor((3q+r)/t) == floor((4q+r)/t).
        d = (3 * q + r) // t
        if d == (4 * q + r) // t:
            yield d
            produced += 1
            q, r = 10 * q, 10 * (r - d * t)
        else:
            # Consume the next term of the series for pi.
            l = 2 * k + 1
            q, r, t, k = q * k, (2 * q + r) * l, t * l, k + 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    checksum = 0
    tail = []
    for d in pi_digits(n):
        checksum = (checksum * 10 + d) % 1000000007
        tail.append(d)
        if len(tail) > 20:
            del tail[0]
    print("pidigits", n, checksum, "".join(map(str, tail)))


main()
