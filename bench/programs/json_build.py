# json_build: builds a random tree of dicts, lists, strings, ints, bools and
# None from a seeded LCG, serialises it with a hand-written recursive encoder
# (string escapes included), parses the text back with a hand-written
# recursive-descent decoder, and checks the round trip. Measures dict and
# list construction, string building with join, isinstance dispatch and
# recursion. Size: number of documents (argv[1]).
import sys

WORDS = ("alpha", "beta", "gamma", "delta", "quote\"d", "tab\there", "new\nline",
         "back\\slash", "caf\u00e9", "\u65e5\u672c", "x", "")


class Lcg:
    def __init__(self, seed):
        self.s = seed

    def below(self, n):
        self.s = (self.s * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.s >> 10) % n


def build(rng, depth):
    r = rng.below(10)
    if depth <= 0 or r < 3:
        k = rng.below(5)
        if k == 0:
            return rng.below(100000) - 50000
        if k == 1:
            return WORDS[rng.below(len(WORDS))] + str(rng.below(100))
        if k == 2:
            return rng.below(2) == 1
        if k == 3:
            return None
        return rng.below(1 << 30) * 3
    if r < 7:
        d = {}
        for i in range(rng.below(6) + 1):
            d["k%d_%s" % (i, WORDS[rng.below(len(WORDS))])] = build(rng, depth - 1)
        return d
    return [build(rng, depth - 1) for _ in range(rng.below(6))]


ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def encode_str(s, out):
    out.append('"')
    for ch in s:
        esc = ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif ord(ch) > 126:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')


def encode(value, out):
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, str):
        encode_str(value, out)
    elif isinstance(value, list):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            encode(item, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        first = True
        for k, v in value.items():
            if not first:
                out.append(",")
            first = False
            encode_str(k, out)
            out.append(":")
            encode(v, out)
        out.append("}")
    else:
        raise TypeError(type(value).__name__)


class Decoder:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def value(self):
        t = self.text
        c = t[self.pos]
        if c == "{":
            self.pos += 1
            d = {}
            if t[self.pos] == "}":
                self.pos += 1
                return d
            while True:
                k = self.string()
                self.expect(":")
                d[k] = self.value()
                if t[self.pos] == ",":
                    self.pos += 1
                    continue
                self.expect("}")
                return d
        if c == "[":
            self.pos += 1
            items = []
            if t[self.pos] == "]":
                self.pos += 1
                return items
            while True:
                items.append(self.value())
                if t[self.pos] == ",":
                    self.pos += 1
                    continue
                self.expect("]")
                return items
        if c == '"':
            return self.string()
        for word, val in (("null", None), ("true", True), ("false", False)):
            if t.startswith(word, self.pos):
                self.pos += len(word)
                return val
        start = self.pos
        if c == "-":
            self.pos += 1
        while self.pos < len(t) and t[self.pos].isdigit():
            self.pos += 1
        return int(t[start:self.pos])

    def expect(self, ch):
        if self.text[self.pos] != ch:
            raise ValueError("expected %r at %d" % (ch, self.pos))
        self.pos += 1

    def string(self):
        self.expect('"')
        t = self.text
        parts = []
        while True:
            c = t[self.pos]
            if c == '"':
                self.pos += 1
                return "".join(parts)
            if c == "\\":
                e = t[self.pos + 1]
                if e == "u":
                    parts.append(chr(int(t[self.pos + 2:self.pos + 6], 16)))
                    self.pos += 6
                    continue
                parts.append({"n": "\n", "t": "\t", "r": "\r"}.get(e, e))
                self.pos += 2
                continue
            parts.append(c)
            self.pos += 1


def text_hash(s):
    h = 5381
    for ch in s:
        h = (h * 33 + ord(ch)) & 0xFFFFFFFF
    return h


def main():
    docs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rng = Lcg(2024)
    total_len = 0
    combined = 0
    for _ in range(docs):
        doc = build(rng, 6)
        out = []
        encode(doc, out)
        text = "".join(out)
        back = Decoder(text).value()
        if back != doc:
            raise SystemExit("round trip failed")
        total_len += len(text)
        combined = (combined * 31 + text_hash(text)) % 1000000007
    print("json_build", docs, total_len, combined)


main()
