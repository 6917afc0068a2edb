# _tuplegetter (namedtuple fields) and _count_elements (Counter's loop).
from _collections import _tuplegetter, _count_elements

class P(tuple):
    x = _tuplegetter(0, 'Alias for field number 0')
    y = _tuplegetter(1, 'the y')
p = P((3, 4))
print(p.x, p.y, P.x, P.y.__doc__)
print(P.x.__reduce__())
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
def set_x():
    p.x = 5
def del_x():
    del p.x
show(set_x)
show(del_x)
show(lambda: P.x.__get__(1))
show(lambda: P.y.__get__((1,)))
show(lambda: P.y.__get__(None, P))
show(lambda: _tuplegetter(0))
g = _tuplegetter(1, 'doc'); g.__doc__ = 'new'; print(g.__doc__)
counts = {}
_count_elements(counts, 'abracadabra')
print(counts)
_count_elements(counts, ['a', 'z'])
print(counts)
show(lambda: _count_elements(1, 'a'))
show(lambda: _count_elements({}, 1))
class M(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
m = M()
_count_elements(m, 'aab')
print(m)
