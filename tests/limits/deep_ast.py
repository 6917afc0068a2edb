# Deep but valid trees: compile(..., PyCF_ONLY_AST) and compile(tree) go as deep as
# CPython (whose limit is its C stack, so past it only the exception type is shown).
import ast


def attempt(label, action):
    try:
        action()
        print(label, "ok")
    except (RecursionError, MemoryError, SyntaxError) as e:
        print(label, type(e).__name__)


def parse(src):
    return lambda: compile(src, "<deep>", "exec", ast.PyCF_ONLY_AST)


def build(src):
    return lambda: compile(src, "<deep>", "exec")


attempt("add 50000 ast", parse("+".join(["a"] * 50000)))
attempt("attr 60000 ast", parse("a" + ".b" * 60000))
attempt("call 30000 ast", parse("a" + "()" * 30000))
attempt("subscript 30000 ast", parse("a" + "[0]" * 30000))
attempt("and 30000 ast", parse(" and ".join(["a"] * 30000)))
attempt("add 20000 compile", build("+".join(["a"] * 20000)))
attempt("attr 20000 compile", build("a" + ".b" * 20000))
attempt("add 160000 ast", parse("+".join(["a"] * 160000)))
attempt("add 60000 compile", build("+".join(["a"] * 60000)))

tree = compile("a" + ".b" * 60000, "<deep>", "eval", ast.PyCF_ONLY_AST)
depth = 0
node = tree.body
while isinstance(node, ast.Attribute):
    depth += 1
    node = node.value
print("attribute depth", depth, node.id)


def parsed(src):
    return compile(src, "<deep>", "exec", ast.PyCF_ONLY_AST)


deep = parsed("+".join(["a"] * 20000))
attempt("tree 20000 round trip", lambda: compile(deep, "<t>", "exec", ast.PyCF_ONLY_AST))
attempt("tree 20000 compile", lambda: compile(deep, "<t>", "exec"))
deeper = parsed("a" + ".b" * 60000)
attempt("tree 60000 round trip", lambda: compile(deeper, "<t>", "exec", ast.PyCF_ONLY_AST))
attempt("tree 60000 compile", lambda: compile(deeper, "<t>", "exec"))
