# Differential oracle for test/lexer/stdlib.test.ts: tokenizes every .py file of
# the standard library (site-packages excluded) with Python's `tokenize` module,
# and compiles to an AST the files listed on stdin (a JSON list: the files pynogil
# rejects) and the files tokenize rejects, printing one JSON line per file:
#   {"f": path, "tok": sha1 | null, "tokerr": why tokenize was skipped | null,
#    "comp": null (not compiled) | "OK" | [type, msg, lineno, offset, end_lineno, end_offset]}
# The hashed text has one line per token: "TYPE sl,sc el,ec VALUE\n" with columns
# converted to UTF-8 bytes (tokenize counts characters, pynogil counts bytes as
# `ast` does) and newlines normalized (\r\n and \r -> \n) before tokenizing.
import ast, hashlib, io, json, os, sys, sysconfig, tokenize, warnings

warnings.simplefilter('ignore')
root = sys.argv[1] if len(sys.argv) > 1 else sysconfig.get_paths()['stdlib']
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 0
files = []
for d, dirs, fs in os.walk(root):
    dirs[:] = sorted(x for x in dirs if x not in ('site-packages', '__pycache__'))
    files.extend(os.path.join(d, f) for f in sorted(fs) if f.endswith('.py'))
if limit:
    files = files[:limit]

def bytecol(lines, row, col):
    line = lines[row - 1] if row - 1 < len(lines) else ''
    if line.isascii():
        return col
    return len(line[:col].encode('utf-8', 'surrogatepass')) + max(0, col - len(line))

to_compile = set(json.load(sys.stdin))
out = sys.stdout
names = tokenize.tok_name
for f in files:
    with open(f, 'rb') as fh:
        data = fh.read()
    rec = {'f': f, 'tok': None, 'tokerr': None, 'comp': None}
    try:
        enc, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(enc).replace('\r\n', '\n').replace('\r', '\n')
        lines = text.split('\n')
        ascii_text = text.isascii()
        h = hashlib.sha1()
        parts = []
        for t in tokenize.generate_tokens(io.StringIO(text).readline):
            if t.type == tokenize.ERRORTOKEN:
                raise ValueError('ERRORTOKEN %r at %s' % (t.string, t.start))
            (sr, sc), (er, ec) = t.start, t.end
            if ascii_text:
                parts.append('%s %d,%d %d,%d %s\n' % (names[t.type], sr, sc, er, ec, t.string))
                continue
            parts.append('%s %d,%d %d,%d %s\n' % (names[t.type], sr, bytecol(lines, sr, sc), er, bytecol(lines, er, ec), t.string))
        h.update(''.join(parts).encode('utf-8', 'surrogatepass'))
        rec['tok'] = h.hexdigest()
    except Exception as e:
        rec['tokerr'] = '%s: %s' % (type(e).__name__, e)
    if f in to_compile or rec['tokerr'] is not None:
        try:
            compile(data, f, 'exec', ast.PyCF_ONLY_AST, dont_inherit=True)
            rec['comp'] = 'OK'
        except SyntaxError as e:
            rec['comp'] = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
        except Exception as e:
            rec['comp'] = [type(e).__name__, str(e), None, None, None, None]
    out.write(json.dumps(rec) + '\n')
