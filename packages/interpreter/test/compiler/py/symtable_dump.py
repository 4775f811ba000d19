# Oracle for test/compiler/corpus.ts: for each path (relative to argv[1]) read from
# stdin, print one line
#   <path> \t <symbol tables: sha1 | ERR ...> \t <code objects: lines joined by \x1f | '-' when compile() fails>
# or, with argv[2] == 'full', the full renderings of one file (for diffs).
# The renderings must stay identical to renderTables/renderCode in corpus.ts.
import hashlib
import os
import symtable
import sys
import types
import warnings

warnings.simplefilter('ignore')
CODE_FLAG_MASK = 0x2bf  # OPTIMIZED NEWLOCALS VARARGS VARKEYWORDS NESTED GENERATOR COROUTINE ASYNC_GENERATOR


def bools(sym):
    return ''.join('1' if f() else '0' for f in (
        sym.is_referenced, sym.is_imported, sym.is_parameter, sym.is_global, sym.is_nonlocal,
        sym.is_declared_global, sym.is_local, sym.is_annotated, sym.is_free, sym.is_assigned,
        sym.is_namespace))


def render_table(t, out):
    raw = t._table
    syms = raw.symbols
    # names added only because a child uses them freely come last, in set order: sort those
    names = [n for n, f in syms.items() if f & 0x7ff] + sorted(n for n, f in syms.items() if not f & 0x7ff)
    children = t.get_children()
    out.append('T %d %s %d %d %d [%s]' % (raw.type, t.get_name(), t.get_lineno(), t.is_nested(),
                                          t.is_optimized(), ' '.join(c.get_name() for c in children)))
    for n in names:
        out.append('  %s %d %s' % (n, syms[n], bools(t.lookup(n))))
    if isinstance(t, symtable.Function):
        order = {n: i for i, n in enumerate(names)}
        for label, group in (('params', t.get_parameters()), ('locals', t.get_locals()),
                             ('globals', t.get_globals()), ('nonlocals', t.get_nonlocals()),
                             ('frees', t.get_frees())):
            out.append('  %s: %s' % (label, ' '.join(sorted(group, key=order.__getitem__))))
    for c in children:
        render_table(c, out)


def render_code(co, out):
    out.append('C %s %d %d v=%s c=%s f=%s' % (co.co_qualname, co.co_firstlineno, co.co_flags & CODE_FLAG_MASK,
                                              ' '.join(co.co_varnames), ' '.join(co.co_cellvars),
                                              ' '.join(co.co_freevars)))
    for k in co.co_consts:
        if isinstance(k, types.CodeType):
            render_code(k, out)


def results(data, path, mode='exec'):
    try:
        out = []
        render_table(symtable.symtable(data, path, mode), out)
        st = '\n'.join(out)
    except (SyntaxError, RecursionError) as e:
        if isinstance(e, SyntaxError):
            st = 'ERR\t%s\t%s\t%s\t%s\t%s\t%s' % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
        else:
            st = 'ERR\tRecursionError\t%s' % (e,)
        return st, None
    try:
        out = []
        render_code(compile(data, path, mode, dont_inherit=True), out)
        co = '\n'.join(sorted(out))
    except (SyntaxError, RecursionError, ValueError):
        co = None
    return st, co


def sha(s):
    return hashlib.sha1(s.encode('utf-8', 'surrogatepass')).hexdigest()


def compile_error(src):
    # called at Python frame depth 2 (<module>, compile_error): see errors.test.ts
    try:
        compile(src, '<string>', 'exec', dont_inherit=True)
        return None
    except SyntaxError as e:
        return [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
    except RecursionError as e:
        return ['RecursionError', str(e)]


root = sys.argv[1]
if root == 'json':
    # snippets: a JSON list of sources in, a JSON list of renderings / errors out
    import json
    out = []
    for src in json.load(sys.stdin):
        if sys.argv[2] == 'errors':
            out.append(compile_error(src))
        else:
            mode = 'exec'
            if isinstance(src, list):
                src, mode = src
            st, co = results(src, '<string>', mode)
            out.append([st, co])
    print(json.dumps(out))
elif len(sys.argv) > 2 and sys.argv[2] == 'full':
    rel = sys.stdin.read().strip()
    st, co = results(open(os.path.join(root, rel), 'rb').read(), rel)
    sys.stdout.buffer.write((st + '\n=====\n' + (co or '-')).encode('utf-8', 'surrogatepass'))
else:
    for rel in sys.stdin.read().split('\n'):
        if not rel:
            continue
        st, co = results(open(os.path.join(root, rel), 'rb').read(), rel)
        print(rel, st if st.startswith('ERR') else sha(st), '-' if co is None else co.replace('\n', '\x1f'), sep='\t')
