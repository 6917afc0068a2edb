# PyCF_TYPE_COMMENTS: type comments and type: ignore comments in the tree.
import _ast

SOURCE = """\
import os  # type: ignore
x = []  # type: list[int]
def f(a,  # type: int
      b,  # type: str
      ):
    # type: (...) -> None
    for i in a:  # type: int
        pass
    with b as c:  # type: ignore[misc]
        pass
"""
flags = _ast.PyCF_ONLY_AST | _ast.PyCF_TYPE_COMMENTS
tree = compile(SOURCE, "<tc>", "exec", flags)
print([(t.lineno, t.tag) for t in tree.type_ignores])
assign, func = tree.body[1], tree.body[2]
print(assign.type_comment, func.type_comment)
print([a.type_comment for a in func.args.args])
print(func.body[0].type_comment, func.body[1].type_comment)
plain = compile(SOURCE, "<tc>", "exec", _ast.PyCF_ONLY_AST)
print(plain.type_ignores, plain.body[1].type_comment)
try:
    compile("return 1  # type: int\n", "<tc>", "exec", flags)
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset)
