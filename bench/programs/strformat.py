# strformat: string formatting in all of Python's styles - f-strings with
# format specs (width, fill, alignment, sign, thousands separators, hex,
# octal, binary, fixed-point), printf-style %, str.format with positional,
# keyword and attribute fields, str.join, str.replace, str.split and
# repr(). Measures the formatting machinery and string allocation. Size:
# number of records formatted (argv[1]). Floats are printed with .2f/.3e,
# which is exact under correct rounding.
import sys


class Item:
    def __init__(self, ident, name, qty, price):
        self.ident = ident
        self.name = name
        self.qty = qty
        self.price = price


def h32(s, h):
    for ch in s:
        h = (h * 131 + ord(ch)) & 0xFFFFFFFF
    return h


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    names = ["widget", "gadget", "sprocket", "gizmo", "doohickey", "thingamajig"]
    seed = 1
    h = 0
    total_len = 0
    lines = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        item = Item(i, names[seed % len(names)], (seed >> 8) % 1000, ((seed >> 4) % 100000) / 100)
        a = f"{item.ident:>6d}|{item.name:<12}|{item.qty:+05d}|{item.price:10.2f}|{item.qty * 1234567:,}"
        b = "%-8s %5d %08.3f %x %o %r" % (item.name[:8], item.qty, item.price, item.ident, item.qty, item.name)
        c = "{0.name!s:^14}{1:#b}{total:>12,.2f}".format(item, item.qty, total=item.qty * item.price)
        d = f"{item.price:.3e} {item.ident:#06x} {item.name!r:>14} {'%' if i % 2 else '$'}{{}}"
        line = " ; ".join((a, b, c, d)).replace("  ", " ").upper()
        lines.append(line)
        if len(lines) == 64:
            block = "\n".join(lines)
            h = h32(block.split("\n")[-1], h)
            total_len += len(block)
            lines = []
    block = "\n".join(lines)
    total_len += len(block)
    print("strformat", n, total_len, h, repr(lines[-1][:40]) if lines else "''")


main()
