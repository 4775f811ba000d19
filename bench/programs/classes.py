# classes: a class-heavy program - a tiny expression language built from an
# AST class hierarchy (abstract base, subclasses, super(), properties,
# __slots__, __eq__/__hash__, __repr__, class attributes, staticmethods),
# generated from a seeded LCG, then constant-folded by a visitor, evaluated
# in environments and pretty-printed. Stands in for DeltaBlue's role: many
# small objects and virtual dispatch. Size: programs to generate (argv[1]).
import sys


class Rng:
    __slots__ = ("state",)

    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


class Node:
    __slots__ = ()
    precedence = 100
    created = 0

    def __init__(self):
        Node.created += 1

    def accept(self, visitor):
        return getattr(visitor, "visit_" + self.kind)(self)

    @property
    def kind(self):
        return type(self).__name__

    def __repr__(self):
        return "%s(%s)" % (self.kind, ", ".join(repr(getattr(self, s)) for s in self.__slots__))


class Num(Node):
    __slots__ = ("value",)

    def __init__(self, value):
        super().__init__()
        self.value = value

    def __eq__(self, other):
        return isinstance(other, Num) and other.value == self.value

    def __hash__(self):
        return hash(("Num", self.value))

    def evaluate(self, env):
        return self.value


class Var(Node):
    __slots__ = ("name",)

    def __init__(self, name):
        super().__init__()
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Var) and other.name == self.name

    def __hash__(self):
        return hash(("Var", self.name))

    def evaluate(self, env):
        return env.lookup(self.name)


class BinOp(Node):
    __slots__ = ("left", "right")
    symbol = "?"

    def __init__(self, left, right):
        super().__init__()
        self.left = left
        self.right = right

    def evaluate(self, env):
        return self.apply(self.left.evaluate(env), self.right.evaluate(env))

    @staticmethod
    def apply(a, b):
        raise NotImplementedError


class Add(BinOp):
    __slots__ = ()
    symbol = "+"
    precedence = 10

    @staticmethod
    def apply(a, b):
        return (a + b) % 1000003


class Sub(BinOp):
    __slots__ = ()
    symbol = "-"
    precedence = 10

    @staticmethod
    def apply(a, b):
        return (a - b) % 1000003


class Mul(BinOp):
    __slots__ = ()
    symbol = "*"
    precedence = 20

    @staticmethod
    def apply(a, b):
        return (a * b) % 1000003


class Max(BinOp):
    __slots__ = ()
    symbol = "max"
    precedence = 100

    @staticmethod
    def apply(a, b):
        return a if a >= b else b


class Let(Node):
    __slots__ = ("name", "bound", "body")

    def __init__(self, name, bound, body):
        super().__init__()
        self.name = name
        self.bound = bound
        self.body = body

    def evaluate(self, env):
        return self.body.evaluate(Env(self.name, self.bound.evaluate(env), env))


class IfPos(Node):
    __slots__ = ("test", "then", "orelse")

    def __init__(self, test, then, orelse):
        super().__init__()
        self.test = test
        self.then = then
        self.orelse = orelse

    def evaluate(self, env):
        if self.test.evaluate(env) % 2:
            return self.then.evaluate(env)
        return self.orelse.evaluate(env)


class Env:
    __slots__ = ("name", "value", "parent")

    def __init__(self, name, value, parent):
        self.name = name
        self.value = value
        self.parent = parent

    def lookup(self, name):
        e = self
        while e is not None:
            if e.name == name:
                return e.value
            e = e.parent
        raise KeyError(name)


class Visitor:
    def visit_BinOp(self, node):
        raise NotImplementedError


class Folder(Visitor):
    """Constant folding; shares equal leaves through an intern table."""

    def __init__(self):
        self.folded = 0
        self.leaves = {}

    def share(self, node):
        return self.leaves.setdefault(node, node)

    def visit_Num(self, node):
        return self.share(node)

    def visit_Var(self, node):
        return self.share(node)

    def _binop(self, node):
        left = node.left.accept(self)
        right = node.right.accept(self)
        if isinstance(left, Num) and isinstance(right, Num):
            self.folded += 1
            return self.share(Num(node.apply(left.value, right.value)))
        return type(node)(left, right)

    visit_Add = visit_Sub = visit_Mul = visit_Max = _binop

    def visit_Let(self, node):
        return Let(node.name, node.bound.accept(self), node.body.accept(self))

    def visit_IfPos(self, node):
        test = node.test.accept(self)
        if isinstance(test, Num):
            self.folded += 1
            return (node.then if test.value % 2 else node.orelse).accept(self)
        return IfPos(test, node.then.accept(self), node.orelse.accept(self))


class Printer(Visitor):
    def visit_Num(self, node):
        return str(node.value)

    def visit_Var(self, node):
        return node.name

    def _binop(self, node):
        if node.symbol == "max":
            return "max(%s, %s)" % (node.left.accept(self), node.right.accept(self))
        parts = []
        for child in (node.left, node.right):
            text = child.accept(self)
            if child.precedence < node.precedence:
                text = "(" + text + ")"
            parts.append(text)
        return "%s %s %s" % (parts[0], node.symbol, parts[1])

    visit_Add = visit_Sub = visit_Mul = visit_Max = _binop

    def visit_Let(self, node):
        return "let %s = %s in [%s]" % (node.name, node.bound.accept(self), node.body.accept(self))

    def visit_IfPos(self, node):
        return "if %s then %s else %s" % tuple(c.accept(self) for c in (node.test, node.then, node.orelse))


NAMES = ("a", "b", "c", "d")
OPS = (Add, Sub, Mul, Max)


def generate(rng, depth, scope):
    r = rng.next(10)
    if depth == 0 or r < 2:
        if scope and rng.next(2):
            return Var(scope[rng.next(len(scope))])
        return Num(rng.next(100))
    if r < 8:
        return OPS[rng.next(4)](generate(rng, depth - 1, scope), generate(rng, depth - 1, scope))
    if r < 9:
        name = NAMES[rng.next(4)]
        return Let(name, generate(rng, depth - 1, scope), generate(rng, depth - 1, scope + (name,)))
    return IfPos(generate(rng, depth - 1, scope), generate(rng, depth - 1, scope),
                 generate(rng, depth - 1, scope))


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rng = Rng(42)
    total = 0
    folded = 0
    text_len = 0
    printer = Printer()
    for _ in range(count):
        tree = generate(rng, 7, ())
        folder = Folder()
        simple = tree.accept(folder)
        v1 = tree.evaluate(None)
        v2 = simple.evaluate(None)
        if v1 != v2:
            raise SystemExit("fold changed the value: %r" % (tree,))
        total = (total * 31 + v1) % 1000000007
        folded += folder.folded
        text_len += len(simple.accept(printer)) + len(repr(simple))
    print("classes", count, total, folded, text_len, Node.created)


main()
