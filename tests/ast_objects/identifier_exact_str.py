# compile() of a hand-built tree refuses identifiers that are str subclasses, as CPython does.
import ast

class S(str):
    pass

node = ast.Name(S("x"), ast.Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
try:
    compile(ast.Expression(node), "", "eval")
except TypeError as e:
    print("TypeError", e)
node.id = "x"
print(eval(compile(ast.Expression(node), "", "eval"), {"x": 42}))
