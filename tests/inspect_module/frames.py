# inspect's frame helpers: currentframe, stack, getframeinfo, getouterframes,
# getclosurevars, getmembers, predicates, unwrap.
import functools
import inspect


def where():
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    print(info.function, info.lineno, info.code_context, info.index)
    caller = inspect.stack()[1]
    print(caller.function, caller.lineno, caller.code_context)
    outer = inspect.getouterframes(frame)
    print([fi.function for fi in outer])


def caller():
    where()


caller()

z = 10


def make():
    n = 1

    def inner():
        return n + z + len([])
    return inner


print(inspect.getclosurevars(make()))


class A:
    x = 1

    def meth(self):
        pass

    @property
    def prop(self):
        return 2


print([name for name, _ in inspect.getmembers(A) if not name.startswith("__")])
print(inspect.isfunction(make), inspect.ismethod(A().meth), inspect.isclass(A),
      inspect.isbuiltin(len), inspect.isroutine(len), inspect.ismodule(inspect),
      inspect.isgeneratorfunction(make), inspect.iscoroutinefunction(make))


@functools.wraps(make)
def wrapper():
    pass


print(inspect.unwrap(wrapper) is make)
print(type(inspect.getattr_static(A(), "prop")).__name__)
