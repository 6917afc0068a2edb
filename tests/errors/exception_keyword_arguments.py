# Keyword arguments to exception constructors: only AttributeError (name, obj), NameError
# (name) and ImportError take any; a Python subclass with its own __init__ decides.
for make in (lambda: ValueError(x=1), lambda: ValueError("a", x=1), lambda: NameError("a", obj=1), lambda: AttributeError("a", x=1),
             lambda: OSError(2, "no", x=1), lambda: StopIteration(value=1), lambda: SystemExit(code=1), lambda: KeyError(k=1),
             lambda: ExceptionGroup("g", [ValueError()], x=1), lambda: UnicodeDecodeError("utf-8", b"", 0, 1, "r", x=1),
             lambda: SyntaxError("m", x=1), lambda: ImportError("m", x=1), lambda: BaseException(x=1)):
    try:
        e = make()
        print("ok", repr(e))
    except TypeError as e:
        print(e)
class E(ValueError):
    def __init__(self, *a, **k):
        super().__init__(*a)
        self.k = k
print(E(1, z=2).k)
class F(ValueError):
    pass
try:
    F(z=1)
except TypeError as e:
    print(e)
