# Oracle for test/lexer/tokenize-edge.test.ts: reads a JSON list of sources and
# prints, for each, tokenize's token dump in the format of tokenize_stdlib.py
# (UTF-8 byte columns), or ["error", message] when tokenize rejects the source.
import io, json, sys, tokenize

def bytecol(lines, row, col):
    line = lines[row - 1] if row - 1 < len(lines) else ''
    return len(line[:col].encode('utf-8', 'surrogatepass')) + max(0, col - len(line))

out = []
for src in json.load(sys.stdin):
    lines = src.split('\n')
    try:
        parts = []
        for t in tokenize.generate_tokens(io.StringIO(src).readline):
            (sr, sc), (er, ec) = t.start, t.end
            parts.append('%s %d,%d %d,%d %s\n' % (tokenize.tok_name[t.type], sr, bytecol(lines, sr, sc), er, bytecol(lines, er, ec), t.string))
        out.append(''.join(parts))
    except Exception as e:
        out.append(['error', '%s: %s' % (type(e).__name__, e)])
print(json.dumps(out))
