# Frames that finished keep their locals and caller; clear(); generator frames.
import sys

def h():
    x = 1
    fr = sys._getframe()
    return fr

fr = h()
print(fr.f_locals["x"], fr.f_back.f_code.co_name, fr.f_lineno)
fr.f_locals["x"] = 2
print(fr.f_locals["x"])
fr.clear()
print(fr.f_locals)

def boom(a):
    b = a * 2
    raise ValueError(b)

try:
    boom(21)
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(sorted(tb.tb_frame.f_locals.items()), tb.tb_frame.f_code.co_name)

def running():
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print("RuntimeError", e)

running()

def g(p):
    yield p
    yield p + 1

it = g(5)
f = it.gi_frame
print(f.f_locals, f.f_back, f.f_generator is it)
next(it)
print(f.f_locals, f.f_back, f.f_generator is it)
try:
    f.clear()
except RuntimeError as e:
    print("RuntimeError", e)
f.f_locals["p"] = 100
print(next(it))
for _ in it:
    pass
print(f.f_locals, f.f_generator)

def gen_self():
    fr = sys._getframe()
    yield fr.f_generator, fr.f_back.f_code.co_name

gs = gen_self()
got, caller = next(gs)
print(got is gs, caller)

def snap():
    a = 1
    d = locals()
    a = 2
    d2 = locals()
    print(d, d2, type(d).__name__)
    d["a"] = 5
    print(a)

snap()
