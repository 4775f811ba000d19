# chaos: fractal float code - the "chaos game" of an iterated function system
# (a fern-like set of four affine maps chosen by a seeded LCG with fixed
# weights) binned into a grid, and Mandelbrot escape counts over a window.
# Measures float arithmetic in tight loops, tuple unpacking and list indexing.
# Only + - * / are used. Size: iterations of the chaos game (argv[1]); the
# Mandelbrot grid grows with its square root.
import sys
from math import isqrt

# (a, b, c, d, e, f, cumulative weight out of 100): x' = a x + b y + e, y' = c x + d y + f
MAPS = (
    (0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1),
    (0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 86),
    (0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 93),
    (-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 100),
)
GRID = 64


def chaos_game(iterations):
    grid = [[0] * GRID for _ in range(GRID)]
    seed = 12345
    x = y = 0.0
    for _ in range(iterations):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        pick = (seed >> 16) % 100
        for a, b, c, d, e, f, w in MAPS:
            if pick < w:
                x, y = a * x + b * y + e, c * x + d * y + f
                break
        # The fern lies in x in [-2.2, 2.7], y in [0, 10].
        gx = int((x + 2.2) / 4.9 * GRID)
        gy = int(y / 10.0 * GRID)
        if 0 <= gx < GRID and 0 <= gy < GRID:
            grid[gy][gx] += 1
    return grid


def mandelbrot(size, limit):
    counts = 0
    inside = 0
    for j in range(size):
        ci = -1.2 + 2.4 * j / size
        for i in range(size):
            cr = -2.0 + 2.6 * i / size
            zr = zi = 0.0
            n = 0
            while n < limit:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                n += 1
            if n == limit:
                inside += 1
            counts += n
    return counts, inside


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    grid = chaos_game(iterations)
    occupied = sum(1 for row in grid for v in row if v)
    weighted = 0
    for gy, row in enumerate(grid):
        for gx, v in enumerate(row):
            weighted = (weighted * 7 + v * (gx + 1) * (gy + 1)) % 1000000007
    side = isqrt(iterations) // 4 + 8
    counts, inside = mandelbrot(side, 64)
    print("chaos", iterations, occupied, weighted, side, counts, inside)


main()
