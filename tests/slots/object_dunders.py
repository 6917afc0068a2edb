# object's special methods, called directly.
class A:
    pass
a, b = A(), A()
print(object.__eq__(a, a), object.__eq__(a, b), object.__ne__(a, b), object.__ne__(a, a))
print(object.__lt__(a, b), object.__ge__(a, b), a.__eq__(b), a.__ne__(a))
print(object.__hash__(a) == hash(a), a.__hash__() == hash(a))
object.__setattr__(a, 'x', 1)
print(a.x, object.__getattribute__(a, 'x'), a.__getattribute__('x'))
object.__delattr__(a, 'x')
print(hasattr(a, 'x'), object.__format__(a, '') == str(a), a.__format__('') == str(a))
try:
    object.__format__(a, 'x')
except TypeError as e:
    print(e)
print(object.__init__(a), object.__str__(1), object.__repr__(a) == repr(a))
print(object.__subclasshook__(int), A.__subclasshook__(int), object.__sizeof__(a) > 0)
a.y = 2
print(a.__getstate__(), A().__getstate__(), sorted(object.__dir__(a))[:3])
print(type(a.__reduce_ex__(2)[0]).__name__, a.__reduce_ex__(2)[1][0] is A, a.__reduce_ex__(4)[2])
try:
    object.__init__(a, 1)
except TypeError as e:
    print(e)
try:
    object.__eq__()
except TypeError as e:
    print(e)
try:
    object.__setattr__(1, 'x', 2)
except AttributeError as e:
    print(e)
class B:
    def __eq__(self, other):
        return 'custom'
print(object.__ne__(B(), B()), B().__ne__(B()))
