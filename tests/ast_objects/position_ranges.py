# Position attributes of _ast nodes hold any int (and other values): the parser's
# positions fit 32 bits, but a program may store anything there.
import ast
tree = ast.parse("x = 1")
node = tree.body[0].targets[0]
for value in (0, 7, 2**32 - 1, 2**32, -1, -2**31, 2**70, "text", None):
    node.lineno = value
    node.end_col_offset = value
    print(repr(node.lineno), repr(node.end_col_offset), node.col_offset)
node.lineno = 3
print(ast.dump(tree, include_attributes=True))
made = ast.Name("y", ast.Load(), lineno=2**33, col_offset=-5, end_lineno=2**33, end_col_offset=0)
print(made.lineno, made.col_offset, made.end_lineno, made.end_col_offset)
del made.lineno
print(hasattr(made, "lineno"), made.col_offset)
big = ast.parse("\n" * 70000 + "z" * 5000 + " = 1")
target = big.body[0].targets[0]
print(target.lineno, target.col_offset, target.end_col_offset)
