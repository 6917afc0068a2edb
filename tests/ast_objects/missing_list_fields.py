import ast
t = ast.parse("f(1)\nx = 1\n")
del t.body[0].value.args
print(ast.dump(t.body[0].value))
code = compile(t, "<t>", "exec")
print(code.co_names)
t2 = ast.parse("x = 1")
del t2.body[0].targets
try:
    compile(t2, "<t>", "exec")
except Exception as e:
    print(type(e).__name__, e)
t3 = ast.parse("def g(): pass")
del t3.body[0].decorator_list
del t3.type_ignores
print(compile(t3, "<t>", "exec").co_names)
m = ast.Module(body=[ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant(5)]))])
try:
    ast.fix_missing_locations(m)
    exec(compile(m, "<m>", "exec"))
except Exception as e:
    print(type(e).__name__, e)
