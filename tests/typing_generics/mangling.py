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
