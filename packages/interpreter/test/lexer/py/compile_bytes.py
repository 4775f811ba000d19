# Oracle for test/lexer/encoding.test.ts: reads a JSON list of base64 sources,
# compiles each as bytes and prints a JSON list of ["OK", repr-free text as code
# points of the decoded source] or [type, msg, lineno, offset, end_lineno,
# end_offset, text].
import base64, io, json, sys, tokenize, warnings

warnings.simplefilter('ignore')
out = []
for b64 in json.load(sys.stdin):
    data = base64.b64decode(b64)
    try:
        compile(data, '<x>', 'exec', dont_inherit=True)
        try:
            enc, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError:  # tokenize.py decodes line 1 strictly; CPython does not
            enc = 'utf-8'
        out.append(['OK', data.decode(enc, 'replace')])
    except SyntaxError as e:
        out.append([type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text])
print(json.dumps(out))
