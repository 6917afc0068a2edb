# compile(), exec() and eval() with default and explicit namespaces.
x = 10
print(eval("x * 2 + 1"))
print(eval("  [i * i for i in range(4)]"))
exec("y = x + 5\nprint('in exec', y)")
print(y)
ns = {"a": 3}
exec("b = a * 2", ns)
print(ns["b"], sorted(k for k in ns if k != "__builtins__"))
print(eval("a + b", ns), eval("a + b", ns, {"b": 100}))
code = compile("1 + 2 * 3", "<expr>", "eval")
print(type(code).__name__, code.co_filename, eval(code))
stmts = compile("for i in range(3):\n    total = i\n", "<stmts>", "exec")
g = {}
exec(stmts, g)
print(g["total"], code.co_name, stmts.co_name)
for bad in ["1 +", "def f(:\n  pass", "x = (1,"]:
    try:
        compile(bad, "<bad>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset, e.filename)
try:
    eval("undefined_name")
except NameError as e:
    print("NameError:", e)
try:
    compile("x", "f", "nope")
except ValueError as e:
    print("ValueError:", e)
