import operator
print(operator.add(1, 2), operator.mul('a', 3), operator.neg(5), operator.not_(0))
print(operator.itemgetter(1)([5, 6]), operator.attrgetter('real')(3), operator.methodcaller('upper')('a'))
print(operator.lt(1, 2), operator.contains([1], 1), operator.index(7), operator.truth([]))
print(operator.iadd([1], [2]), operator.concat('a', 'b'), operator.getitem({'k': 1}, 'k'))
print(operator.length_hint([1, 2, 3]), operator.or_(1, 2), operator.pow(2, 5))
