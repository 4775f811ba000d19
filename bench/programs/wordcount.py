# wordcount: generates deterministic text from syllables with a tiny LCG,
# then counts words with a dict, normalises case and punctuation with str
# methods, and ranks the words by (-count, word). Measures str.split,
# str.lower/strip, dict get/set, sorted with a key, and string building.
# Size: number of words generated (argv[1]).
import sys

SYLLABLES = ("ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "zen", "qua", "bri", "pho")
PUNCT = (".", ",", ";", "!", "?", "")


def generate(words):
    seed = 7
    out = []
    line = []
    for i in range(words):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        n = 1 + (seed >> 20) % 3
        w = ""
        for _ in range(n):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            w += SYLLABLES[(seed >> 16) % len(SYLLABLES)]
        if (seed >> 8) % 7 == 0:
            w = w.capitalize()
        w += PUNCT[(seed >> 4) % len(PUNCT)] if (seed >> 12) % 5 == 0 else ""
        line.append(w)
        if len(line) == 12:
            out.append(" ".join(line))
            line = []
    out.append(" ".join(line))
    return "\n".join(out)


def count(text):
    counts = {}
    for line in text.splitlines():
        for raw in line.split():
            w = raw.strip(".,;!?").lower()
            if w:
                counts[w] = counts.get(w, 0) + 1
    return counts


def main():
    words = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    text = generate(words)
    counts = count(text)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top = " ".join("%s:%d" % kv for kv in ranked[:5])
    longest = max(counts, key=lambda w: (len(w), w))
    print("wordcount", words, len(text), len(counts), sum(counts.values()), longest, top)


main()
