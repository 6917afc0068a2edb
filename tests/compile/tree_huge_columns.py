# compile() of an AST whose positions are too big for a column offset: a
# SyntaxWarning (turned into an error) and a compile error located there are
# reported, not a crash.
import ast
import warnings


def with_huge_columns(source):
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if hasattr(node, "col_offset"):
            node.col_offset = 2**31 - 1
            node.end_col_offset = 2**31 - 1
    return tree


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    compile(with_huge_columns("x is 1"), "f", "exec")
print([str(w.message) for w in caught])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        compile(with_huge_columns("x is 1"), "f", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)

try:
    compile(with_huge_columns("return 1"), "f", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
