# Long operator chains compile as in CPython: the code generator's nesting guard
# must not refuse a sum of a few hundred terms.
a = 1
for n in [150, 201, 250, 1000, 5000, 19990]:
    code = compile("+".join(["a"] * n), "<chain>", "eval")
    print(n, eval(code))

b = [[1, 2], [3, 4]]
print(eval("b" + "[0][1][0]" * 0 + "[1][0]"))
attrs = compile("x" + ".real" * 3000, "<attrs>", "eval")
print(eval(attrs, {"x": 5}))
calls = compile("f" + "()" * 3000, "<calls>", "eval")
print("calls", calls.co_name)
cmp = compile(" < ".join(["a"] * 2000), "<cmp>", "eval")
print(eval(cmp))
boolop = compile(" and ".join(["a"] * 2000), "<bool>", "eval")
print(eval(boolop))
src = "def g():\n    return " + " - ".join(["a"] * 3000) + "\n"
ns = {"a": 1}
exec(src, ns)
print(ns["g"]())
cond = "if " + " + ".join(["a"] * 1000) + ":\n    print('cond', True)\n"
exec(cond, {"a": 1})
print(len("+".join(["a"] * 250)))
