# Oracle for test/lexer/errors.test.ts: reads a JSON list of sources on stdin,
# compiles each with CPython and prints a JSON list of
# [type, msg, lineno, offset, end_lineno, end_offset, text] or ["OK"].
import json, sys, warnings

warnings.simplefilter('ignore')
out = []
for src in json.load(sys.stdin):
    try:
        compile(src, '<x>', 'exec', dont_inherit=True)
        out.append(['OK'])
    except SyntaxError as e:
        out.append([type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text])
    except ValueError as e:
        out.append([type(e).__name__, str(e), None, None, None, None, None])
print(json.dumps(out))
