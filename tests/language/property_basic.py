# property: getter/setter/deleter decorators, __doc__, fget/fset/fdel, class access
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "Temperature in Celsius."
        print("get")
        return self._c
    @celsius.setter
    def celsius(self, value):
        print("set", value)
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("delete")
        self._c = None
    def _get_f(self):
        return self._c * 9 / 5 + 32
    fahrenheit = property(_get_f, doc="Fahrenheit, read-only")

t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
del t.celsius
print(t._c)
print(Temp.celsius.__doc__)
print(Temp.fahrenheit.__doc__)
print(type(Temp.celsius).__name__, Temp.celsius.fget.__name__, Temp.celsius.fset.__name__)
print(Temp.fahrenheit.fset, Temp.fahrenheit.fdel)
print(isinstance(Temp.__dict__["celsius"], property))
print(Temp.celsius.__get__(t, Temp), Temp.celsius.__get__(None, Temp) is Temp.celsius)
Temp.celsius.__set__(t, 5)
print(t._c)
t.__dict__["celsius"] = "shadow"
print(t.celsius)
p = property(lambda self: 42)
class Late:
    pass
Late.answer = p
print(Late().answer)
print(property().fget, property(None, None, None, "doc").__doc__)
