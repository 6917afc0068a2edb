# Iteration order of frozenset constants (set displays of constants the compiler
# folds): tuples, strings that are not identifiers, single characters, and names
# that are interned already (keywords, builtins).
def pairs(x):
    return x in {(0, 2), (1, 1), (2, 0)}


def triples(x):
    return x in {(0, 1, 'e'), (1, 3, 'b'), (1, 0, 'd'), (3, 1, 'a')}


def streams(x):
    return x in {'<stdin>', '<stdout>', '<stderr>'}


def digits(x):
    return x in {'1', '2', '3'}


def keywords(x):
    return x in {'True', 'None', 'False'}


def builtins_names(x):
    return x in {'len', 'print', 'range', 'isinstance', 'str'}


for f in [pairs, triples, streams, digits, keywords, builtins_names]:
    print(f.__name__, f.__code__.co_consts[-1], list(f.__code__.co_consts[-1]))
print(list({(1, 1), (2, 2), (3, 3)} | set()))
for item in {(5, 'a'), (6, 'b'), (7, 'c'), (8, 'd')}:
    print(item)
