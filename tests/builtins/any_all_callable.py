print(any([]), all([]), any([0, "", 1]), all([1, "a", []]), any(set()), all({1, 2}))
print(any({0: 1}), all({1: 0}), any(range(0)), all(range(1, 5)))
print(callable(len), callable(1), callable(set), callable({}.get), callable(lambda: 0))
class CC:
    def __call__(self): return 1
print(callable(CC()), callable(CC), callable(iter([])))
