# Oracle for test/lexer/literals.test.ts. Reads JSON {"strings": [...], "fstrings": [...]}
# on stdin.
#   strings : source of one string literal each; prints for each
#             ["str", [code points], [warnings]] | ["bytes", [ints], [warnings]]
#             | ["err", type, msg]   (via compile + ast.literal_eval, warnings recorded)
#   fstrings: [source, our split result]; rebuilds a JoinedStr from our pieces
#             (expressions parsed by CPython from our expression text) and compares
#             its ast.dump with CPython's own parse of the source; prints for each
#             "ok" | "mismatch: ..." | ["err", type, msg] when CPython rejects it.
import ast, json, sys, warnings

data = json.load(sys.stdin)
res_strings = []
for src in data['strings']:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            tree = compile(src, '<x>', 'eval', ast.PyCF_ONLY_AST, dont_inherit=True)
            v = ast.literal_eval(tree)
        except SyntaxError as e:
            res_strings.append(['err', type(e).__name__, e.msg])
            continue
    msgs = [str(x.message) for x in w]
    if isinstance(v, bytes):
        res_strings.append(['bytes', list(v), msgs])
    else:
        res_strings.append(['str', [ord(c) for c in v], msgs])

def build(pieces):
    values, lit = [], ''
    for p in pieces:
        if p['kind'] == 'literal':
            lit += p['value']
            continue
        if p['debugText'] is not None:
            lit += p['debugText']
        if lit:
            values.append(ast.Constant(value=lit))
            lit = ''
        expr = ast.parse('(' + p['expression'] + ')', mode='eval').body
        conv = -1 if p['conversion'] is None else ord(p['conversion'])
        if conv == -1 and p['debugText'] is not None and p['formatSpec'] is None:
            conv = ord('r')
        spec = None if p['formatSpec'] is None else ast.JoinedStr(values=build(p['formatSpec']))
        values.append(ast.FormattedValue(value=expr, conversion=conv, format_spec=spec))
    if lit:
        values.append(ast.Constant(value=lit))
    return values

res_f = []
for src, ours in data['fstrings']:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            theirs = ast.parse(src, mode='eval').body
    except SyntaxError as e:
        res_f.append(['err', type(e).__name__, e.msg])
        continue
    if not ours.get('ok'):
        res_f.append('mismatch: we failed with %r' % (ours.get('error'),))
        continue
    try:
        mine = ast.JoinedStr(values=build(ours['pieces']))
        a, b = ast.dump(mine), ast.dump(theirs)
        res_f.append('ok' if a == b else 'mismatch: ours %s\n   CPython %s' % (a, b))
    except SyntaxError as e:
        res_f.append('mismatch: our expression text does not parse: %s' % e)
print(json.dumps({'strings': res_strings, 'fstrings': res_f}))
