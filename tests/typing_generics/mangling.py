# Private names among type parameters are mangled inside classes.
class Outer:
    def method[__T, _U, __V__](self):
        return __T, _U, __V__

    type Alias[__W] = list[__W]

    def uses[__X](self, x: __X) -> __X:
        return __X


print(Outer().method())
print([p.__name__ for p in Outer().method()])
print(Outer.method.__type_params__)
print(Outer.Alias.__type_params__, Outer.Alias.__value__)
print(Outer.uses.__type_params__, Outer().uses(1))
print(Outer.uses.__annotations__)

# A generic class's type parameters are its private names: visible in the code of
# its type-parameter scope (compiled only: creating the class needs typing).
source = """
class C[__T, _U, *__Ts, **__P](__Base):
    x = __T
    def meth(self, a: __T) -> __P:
        return __Ts
class __D[__X]: pass
"""
code = compile(source, "<generic>", "exec")


def show(code, depth=0):
    print("  " * depth + code.co_name, code.co_varnames, code.co_cellvars, code.co_freevars, code.co_names)
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            show(const, depth + 1)


show(code)
