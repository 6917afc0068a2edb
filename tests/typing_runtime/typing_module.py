import typing
from typing import (TypeVar, Generic, ParamSpec, Protocol, runtime_checkable, NamedTuple, TypedDict,
    get_type_hints, Optional, Union, Literal, Annotated, Callable, overload, cast, Final, ClassVar,
    dataclass_transform, TYPE_CHECKING, get_origin, get_args, Any, List, Dict)

T = TypeVar('T')
P = ParamSpec('P')
print(T, P, repr(T), T.__name__)

class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v
print(Box[int], Box.__parameters__, Box[int]().__class__ if False else '')
b = Box[int](3)
print(b.v, type(b).__name__, b.__orig_class__)

class Pair[K, V]:
    def __init__(self, k: K, v: V): self.k, self.v = k, v
print(Pair.__type_params__, Pair[int, str])

@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable))

class Pt(NamedTuple):
    x: int
    y: int = 0
p = Pt(1)
print(p, p._asdict(), Pt._fields, Pt.__annotations__)

class Movie(TypedDict, total=False):
    name: str
    year: int
m: Movie = {'name': 'x'}
print(m, Movie.__required_keys__, Movie.__optional_keys__, Movie.__total__)

def f(a: int, b: 'str' = 'x') -> Optional[int]: pass
print(get_type_hints(f))
print(Optional[int], Union[int, str], Literal[1, 'a'], Annotated[int, 'meta'], Callable[[int], str], Callable[..., int])
print(Union[int, None], int | str, List[int], Dict[str, int])
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(1), cast(int, 'a'), typing.get_overloads(g) and len(typing.get_overloads(g)))
X: Final = 3
class K:
    y: ClassVar[int] = 1
print(get_type_hints(K), Final[int], ClassVar[int])
@dataclass_transform()
def deco(cls): return cls
print(deco.__dataclass_transform__)
print(TYPE_CHECKING)
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Literal[1]), get_args(Callable[[int], str]))
print(get_origin(Annotated[int, 'x']), get_args(Annotated[int, 'x']), get_origin(int | str))
print(Any, typing.NoReturn, typing.Self, typing.LiteralString)
def h(*args: P.args, **kw: P.kwargs): pass
print(P.args, P.kwargs)
type Alias = list[int]
print(Alias, Alias.__value__)
print(typing.assert_never.__name__, typing.reveal_type(5))
