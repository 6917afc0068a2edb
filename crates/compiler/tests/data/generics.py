class C[T: int, *Ts, **P](Base, metaclass=M):
    x: T
    def m(self): return T
type A[T = int] = list[T]
def g[T: (int, str) = str, U = int](a, b=1, *, c=2) -> T: pass
class D:
    def h[V](self, v: V) -> V: return v
    type Q[K] = dict[K, D]
def k[*Ts = *tuple[int]](): pass
class E[T](*bases): pass
def f[T](x: T) -> T:
    return x
