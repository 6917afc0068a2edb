# add_note / __notes__, with_traceback, BaseException.__init__ from subclasses
class AppError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
e = AppError("bad thing", 7)
print(e.args, str(e), repr(e), e.code)
class Plain(Exception):
    pass
print(Plain(1, 2).args, Plain().args, str(Plain("x")))
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
print(NoSuper(1, 2).args)
e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)
try:
    e.add_note(42)
except TypeError as err:
    print("TypeError:", err)
try:
    raise KeyError("k")
except KeyError as err:
    tb = err.__traceback__
    print(type(tb).__name__, tb.tb_lineno)
    new = RuntimeError("again").with_traceback(tb)
    print(new.__traceback__ is tb)
print(ValueError("x").with_traceback(None).__traceback__)
def fails():
    try:
        1 / 0
    except ZeroDivisionError as z:
        z.add_note("while computing the ratio")
        raise
try:
    fails()
except ZeroDivisionError as z:
    print(z.__notes__)
err = AppError("final", 1)
err.add_note("note one")
err.add_note("note two\nwith two lines")
raise err
