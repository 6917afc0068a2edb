# Generic functions, classes and aliases compile to a "<generic parameters of X>"
# function; this walks the code objects without running them.
SOURCES = [
    "def f[T](x: T) -> T: return x",
    "def g[T: int, *Ts, **P](a, b=1, *, c=2): pass",
    "class C[T: (int, str) = str](Base, metaclass=M):\n    x: T\n    def m(self): return T",
    "type A[K, V = int] = dict[K, V]",
    "class D:\n    def h[V](self, v: V) -> V: return v\n    type Q[K] = dict[K, D]",
    "def k[*Ts = *tuple[int]](): pass",
]

def walk(code, depth=0):
    pad = "  " * depth
    print(f"{pad}{code.co_name} qualname={code.co_qualname} args={code.co_argcount}"
          f" posonly={code.co_posonlyargcount} varnames={code.co_varnames}"
          f" cells={code.co_cellvars} frees={code.co_freevars}")
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            walk(const, depth + 1)

for src in SOURCES:
    print("---", src.splitlines()[0])
    walk(compile(src, "<generic>", "exec"))
