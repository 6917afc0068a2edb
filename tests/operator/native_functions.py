# _operator: the operator functions with CPython's argument checks and messages.
import _operator as o
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: o.add(1)); t(lambda: o.add(1, 'a')); t(lambda: o.neg()); t(lambda: o.concat(1, 2)); t(lambda: o.concat([1], (2,))); t(lambda: o.concat('a', 'b'))
t(lambda: o.iconcat([1], [2])); t(lambda: o.iconcat(1, [2])); t(lambda: o.index(1.5)); t(lambda: o.index(True)); t(lambda: o.countOf([1, 2, 1], 1)); t(lambda: o.indexOf([1, 2], 3)); t(lambda: o.indexOf([1, 2], 2))
t(lambda: o.length_hint([1, 2])); t(lambda: o.length_hint(5, 7)); t(lambda: o.length_hint(5, 'x'))
t(lambda: o.call(max, 1, 2, key=lambda v: -v)); t(lambda: o.call()); t(lambda: o.is_none(None)); t(lambda: o.is_not_none(0))
t(lambda: o._compare_digest(b'ab', b'ab')); t(lambda: o._compare_digest('ab', 'ac')); t(lambda: o._compare_digest('ab', b'ab')); t(lambda: o._compare_digest('é', 'é'))
t(lambda: o.truth([])); t(lambda: o.not_(0)); t(lambda: o.is_(1, 1)); t(lambda: o.contains([1], 1)); t(lambda: o.getitem([1, 2], 1)); t(lambda: o.pow(2, 10)); t(lambda: o.matmul(1, 2))
t(lambda: o.ipow(2, 3)); t(lambda: o.inv(5)); t(lambda: o.invert(5)); t(lambda: o.abs(-2)); t(lambda: o.pos(-2)); t(lambda: o.truediv(1, 0)); t(lambda: o.lt(1, 'a'))
l = [1, 2, 3]; o.setitem(l, 0, 9); o.delitem(l, 1); print(l)

