# More of typing at run time: NewType, bounds and constraints, Protocol errors,
# TypedDict Required/NotRequired, NamedTuple methods, Concatenate, TypeVarTuple.
import typing
from typing import (NewType, TypeVar, Protocol, TypedDict, Required, NotRequired,
    NamedTuple, Generic, Callable, Concatenate, ParamSpec, TypeVarTuple, Unpack,
    Annotated, get_type_hints, Self, Any, Iterator, Sequence, Mapping)
import dataclasses

UserId = NewType('UserId', int)
print(UserId, UserId(5), UserId.__supertype__, UserId.__name__)
B = TypeVar('B', bound=Sequence)
C = TypeVar('C', int, str)
print(B.__bound__, C.__constraints__, B.__covariant__, TypeVar('Co', covariant=True))

class NotRuntime(Protocol):
    def meth(self) -> int: ...
try:
    isinstance(1, NotRuntime)
except TypeError as e:
    print(e)
try:
    NotRuntime()
except TypeError as e:
    print(e)

class Opts(TypedDict):
    a: Required[int]
    b: NotRequired[str]
print(sorted(Opts.__required_keys__), sorted(Opts.__optional_keys__), Opts(a=1))

class Emp(NamedTuple):
    name: str
    id: int = 3
    def greet(self) -> str:
        return f"hi {self.name}"
e = Emp('x')
print(e._replace(id=9), Emp._make(['y', 2]), e.greet(), Emp._field_defaults, e[0], len(e))

P = ParamSpec('P')
T = TypeVar('T')
def deco(f: Callable[Concatenate[int, P], T]) -> Callable[P, T]: ...
print(get_type_hints(deco)['f'], get_type_hints(deco)['return'])
Ts = TypeVarTuple('Ts')
class Arr(Generic[Unpack[Ts]]): pass
print(Arr[int, str], Ts, Unpack[Ts], *Ts)

class Node:
    def clone(self) -> Self: return self
    val: Annotated[int, 'positive']
print(get_type_hints(Node), get_type_hints(Node, include_extras=True))

@dataclasses.dataclass
class DC(Generic[T]):
    items: list[T]
    count: int = 0
print(DC[int]([1]), dataclasses.fields(DC)[0].type)

class MyIter(Iterator[int]):
    def __next__(self): raise StopIteration
print(MyIter.__mro__[1:3], list(MyIter()), typing.Iterable[int], Mapping[str, Any])
print(typing.get_origin(Sequence[int]), typing.get_args(Callable[P, int]))
print(typing.Optional[typing.Union[int, str]], typing.Union[int])
print(typing.TypeAliasType('X', int), typing.override(lambda: 1).__override__)
print(typing.is_typeddict(Opts), typing.is_protocol(NotRuntime), typing.get_protocol_members(NotRuntime))
