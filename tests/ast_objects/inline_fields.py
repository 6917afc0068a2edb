# Parsed nodes keep their fields inline until the __dict__ is needed: reads, writes,
# vars(), new and deleted attributes, copy/pickle, dump and compile must all behave
# exactly as with a dict.
import ast, copy, pickle, gc
t = ast.parse("x = f(a, b=1)\nclass C: pass\n")
n = t.body[0]
print(n.lineno, n.targets[0].id, n._fields, n.value.func.id)
print(ast.dump(t, include_attributes=True))
v = n.value
print(vars(v))
v.extra = 5
print(v.__dict__, v.extra)
n.lineno = 9; n.end_lineno = 9
print(n.lineno, gc.is_tracked(n))
del n.type_comment
print(n.type_comment, vars(n))
n2 = copy.deepcopy(t)
print(ast.dump(n2) == ast.dump(t))
print(ast.dump(pickle.loads(pickle.dumps(t, protocol=0))) == ast.dump(t))
c = t.body[1]
c.name = "D"
print(ast.dump(t))
print(compile(t, "<x>", "exec").co_names)
print(repr(t.body[0]))
print(t.body[0].value.args[0].ctx is t.body[0].targets[0].ctx, hasattr(c, "zz"), getattr(c, "returns", 7))
try:
    c.zz
except AttributeError as e:
    print(e)
m = ast.parse("a")
m.body[0].value.self = m.body[0].value
del m
print(gc.collect() >= 0)
ast.Name.id2 = property(lambda s: "P")
print(ast.parse("q").body[0].value.id2)
print(sorted(dir(ast.parse("q").body[0]))[-8:])
