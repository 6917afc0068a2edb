# `-m symtable`: free variables passing through nested scopes, cells, `global` hiding
# an outer binding, class bodies between a function and its methods, and names an
# inlined comprehension uses from the enclosing function.
def level1():
    shared = 1
    hidden = 2

    def level2():
        global hidden

        def level3():
            return shared + hidden

        return level3

    class Inside:
        shared = 3

        def method(self):
            return shared

    return level2, Inside


def comprehension_uses(data, factor):
    scaled = [factor * d for d in data]
    nested = [[r * c for c in data] for r in data]
    return scaled, nested


def walrus(items):
    if any((hit := item) > 2 for item in items):
        return hit
    return [last := i for i in items], last
