# operator.py on top of _operator: functions, dunder aliases, itemgetter & co.
import operator

print(operator.add(2, 3), operator.__add__(2, 3), operator.mul('ab', 2), operator.neg(5))
print(operator.itemgetter(1)([4, 5, 6]), operator.itemgetter(0, 2)('xyz'))
print(operator.attrgetter('real')(3 + 4j), operator.attrgetter('real', 'imag')(3 + 4j))
print(operator.methodcaller('split', ',')('a,b'), repr(operator.methodcaller('f', 1, k=2)))
print(repr(operator.itemgetter(1)), repr(operator.attrgetter('a.b')))
print(operator.index(7), operator.countOf('banana', 'a'), operator.indexOf('banana', 'n'))
print(operator.concat([1], [2]), operator.is_none(None), operator.length_hint([1, 2], 9))
x = [1]
print(operator.iadd(x, [2]) is x, x, operator.ipow(2, 5), operator.truth(''))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a')], key=operator.itemgetter(0)))
print(operator.lt(1, 2), operator.ge('b', 'a'), operator.contains('abc', 'b'))
print(operator.call(divmod, 7, 2))
