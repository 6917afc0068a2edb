# Trees from ast.parse are ordinary gc-tracked objects: a cycle made through them after
# parsing is found by an explicit collection, and dropping a tree frees it at once.
import ast
import gc
import weakref

tree = ast.parse("x = 1\nfor i in y:\n    print(i)\n")
print(gc.is_tracked(tree), gc.is_tracked(tree.body[0]), gc.is_tracked(tree.body[1].target))

# A cycle: a statement points back at its module.
tree.body[1].parent = tree
alive = weakref.ref(tree)
del tree
print("kept alive by its cycle:", alive() is not None)
found = gc.collect()
print("freed by a collection:", alive() is None, found > 0)

# Without a cycle, reference counting frees the tree immediately.
plain = ast.parse("a + b")
gone = weakref.ref(plain.body[0])
del plain
print("freed without a collection:", gone() is None)

# Nodes made by the program (not the parser) and mixed into a parsed tree.
tree = ast.parse("pass")
extra = ast.Name(id="z", ctx=ast.Load())
tree.body.append(ast.Expr(value=extra))
extra.owner = tree.body
owner = weakref.ref(tree.body[1])
del tree, extra
gc.collect()
print("mixed cycle freed:", owner() is None)

# Many trees in a row, each kept until the next one: memory stays bounded.
for n in range(300):
    tree = ast.parse("def f(a, b):\n    return [a * k for k in range(b)]\n" * 20)
    tree.body[0].loop = tree
print(len(tree.body), gc.collect() >= 0)
