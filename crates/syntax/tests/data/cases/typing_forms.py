type Alias[T: int = str, *Ts = *tuple[int], **P = [int]] = list[T]
def f[T, U: (int, str)](x: T, /, y: U, *, z: int = 0) -> T: ...
class C[T](Base[T], metaclass=M): pass
try:
    pass
except* ValueError as e:
    pass
try:
    pass
except A, B:
    pass
with (open(a) as b, open(c) as d,):
    pass
