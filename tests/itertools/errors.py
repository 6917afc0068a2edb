# itertools: constructor argument errors and messages.
import itertools


def show(expr):
    try:
        print(expr, '->', repr(eval(expr)))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)


for expr in [
    'itertools.count(1, 2, 3)', 'itertools.count(start=1, x=2)', 'itertools.count("a")',
    'itertools.accumulate()', 'itertools.accumulate([1], None, None, None)',
    'itertools.batched([1])', 'itertools.batched([1], 2, 3, 4)', 'itertools.batched([1], 0)',
    'itertools.permutations()', 'itertools.combinations([1])', 'itertools.zip_longest(x=1)',
    'itertools.islice()', 'itertools.islice([1])', 'itertools.islice([1], "a")',
    'itertools.islice([1], -1)', 'itertools.islice([1], 0, 1, 0)', 'itertools.islice([1], -1, 2)',
    'itertools.islice([1], 0, "x")', 'itertools.islice([1], stop=2)',
    'itertools.repeat()', 'itertools.repeat(1, 2, 3)', 'itertools.groupby()', 'itertools.tee()',
    'itertools.tee([1], -1)', 'itertools.product(x=1)', 'itertools.product("a", repeat=-1)',
    'itertools.chain(x=1)', 'itertools.cycle()', 'itertools.cycle(1)', 'itertools.pairwise()',
    'itertools.starmap(len)', 'itertools.compress([1])', 'itertools.takewhile(len)',
    'itertools.permutations([1], -1)', 'itertools.combinations([1], -1)',
    'itertools.chain.from_iterable()', 'list(itertools.chain([1], 2))',
    'list(itertools.starmap(len, [1]))', 'itertools.repeat(1).__length_hint__()',
    'next(itertools.dropwhile(None, [1]))',
]:
    show(expr)


class MyChain(itertools.chain):
    pass


print(type(MyChain.from_iterable(['ab'])).__name__, list(MyChain('a', 'b')))


class Countdown(itertools.count):
    def __repr__(self):
        return 'Countdown!'


print(repr(Countdown(5)), next(Countdown(5)), type(iter(itertools.count())).__name__)
print(itertools.count.__module__, itertools.groupby.__name__, type(next(itertools.groupby('a'))[1]))
for args in [(-1,), (-2,), (0, -1), (0, -2), (-1, 5), ('x', 5), (0, 'x'), (0, 5, 'x'), (0, 5, -1), (2**70,), (0, 2**70), (2**70, None)]:
    try:
        print(args, list(itertools.islice([1, 2], *args)))
    except ValueError as e:
        print(args, e)
