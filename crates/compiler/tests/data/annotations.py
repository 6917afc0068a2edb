x: int = 1
y: str
def f(a: int, *args: str, b: "q" = 2, **kw) -> bool:
    z: int = 3
    return a
class C:
    m: list[int]
    n: int = 0
class C:
    if a:
        m: int
    def f(self, x: T) -> C: pass
