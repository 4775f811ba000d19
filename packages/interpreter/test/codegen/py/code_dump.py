# The CPython side of the code generator's differential tests. One process per
# batch: reads a JSON request on stdin, writes a JSON answer on stdout.
#
#   code_dump.py files ROOT   stdin: ["rel/path.py", ...]  → {path: [codeobj...] | {"err": ...}}
#   code_dump.py snippets     stdin: ["source", ...]        → [[codeobj...] | {"err": ...}]
#   code_dump.py errors       stdin: ["source", ...]        → [{"type","msg","lineno","offset","end_lineno","end_offset"} | null]
#   code_dump.py dis          stdin: ["source", ...]        → ["dis.dis output", ...]
#
# A code object is rendered as a dict of canonical strings, one per field; the
# TypeScript side (render.ts) produces the same strings.
import dis
import io
import json
import sys
import warnings

FIELDS = ("name", "qualname", "firstlineno", "argcount", "posonlyargcount", "kwonlyargcount",
          "flags", "stacksize", "code", "consts", "names", "varnames", "cellvars", "freevars",
          "exceptiontable", "linetable")


def const_repr(c):
    if c is None or c is True or c is False or c is Ellipsis:
        return repr(c)
    t = type(c)
    if t is int:
        return "i" + str(c)
    if t is float:
        return "f" + repr(c)
    if t is complex:
        return "c" + repr(c)
    if t is str:
        return "s" + repr(c)
    if t is bytes:
        return "b" + c.hex()
    if t is tuple:
        return "(" + ",".join(const_repr(x) for x in c) + ")"
    if t is frozenset:
        return "frozenset(" + ",".join(sorted(const_repr(x) for x in c)) + ")"
    if hasattr(c, "co_code"):
        return "code:" + c.co_qualname
    return "?" + t.__name__


def render(co, out):
    out.append({
        "name": co.co_name,
        "qualname": co.co_qualname,
        "firstlineno": str(co.co_firstlineno),
        "argcount": str(co.co_argcount),
        "posonlyargcount": str(co.co_posonlyargcount),
        "kwonlyargcount": str(co.co_kwonlyargcount),
        "flags": str(co.co_flags),
        "stacksize": str(co.co_stacksize),
        "code": co.co_code.hex(),
        "consts": "[" + ",".join(const_repr(c) for c in co.co_consts) + "]",
        "names": " ".join(co.co_names),
        "varnames": " ".join(co.co_varnames),
        "cellvars": " ".join(co.co_cellvars),
        "freevars": " ".join(co.co_freevars),
        "exceptiontable": co.co_exceptiontable.hex(),
        "linetable": co.co_linetable.hex(),
    })
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            render(c, out)


def compile_render(src, filename):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            co = compile(src, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        return {"err": type(e).__name__ + ": " + str(getattr(e, "msg", e))}
    out = []
    render(co, out)
    return out


def main():
    mode = sys.argv[1]
    req = json.loads(sys.stdin.read())
    if mode == "files":
        root = sys.argv[2]
        res = {}
        for rel in req:
            with open(root + "/" + rel, "rb") as f:
                data = f.read()
            res[rel] = compile_render(data, rel)
        json.dump(res, sys.stdout)
    elif mode == "snippets":
        json.dump([compile_render(s, "<s>") for s in req], sys.stdout)
    elif mode == "errors":
        res = []
        for s in req:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    compile(s, "<s>", "exec", dont_inherit=True)
                res.append(None)
            except SyntaxError as e:
                res.append({"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                            "end_lineno": e.end_lineno, "end_offset": e.end_offset})
        json.dump(res, sys.stdout)
    elif mode == "warnings":
        res = []
        for s in req:
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                compile(s, "<s>", "exec", dont_inherit=True)
            res.append([[x.category.__name__, str(x.message), x.lineno] for x in w])
        json.dump(res, sys.stdout)
    elif mode == "dis":
        res = []
        for s in req:
            buf = io.StringIO()
            dis.dis(compile(s, "<s>", "exec", dont_inherit=True), file=buf)
            res.append(buf.getvalue())
        json.dump(res, sys.stdout)


main()
