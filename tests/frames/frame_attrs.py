# Frame object attributes: f_back, f_code, f_lineno, f_globals, f_builtins, f_trace...
import sys, types

def where():
    f = sys._getframe()
    print(f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name)
    print(f.f_globals is globals(), f.f_builtins is __builtins__.__dict__)
    print(type(f) is types.FrameType, isinstance(f.f_lasti, int))
    return f

f = where()
print(f.f_back is not None, f.f_lineno)

def outer():
    return middle()

def middle():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names

print(outer())
print(sys._getframe(1 - 1).f_code.co_name)
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError", e)

fr = sys._getframe()
print(fr.f_trace, fr.f_trace_lines, fr.f_trace_opcodes)
fr.f_trace = print
print(fr.f_trace is print)
del fr.f_trace
print(fr.f_trace)
try:
    fr.f_lineno = 3
except ValueError as e:
    print("ValueError", e)
try:
    fr.f_trace_lines = 3
except TypeError as e:
    print("TypeError", e)
print(fr.f_generator)
print(repr(fr).startswith("<frame at 0x"), repr(fr).endswith(", code <module>>"))
print(sorted(n for n in dir(fr) if not n.startswith("__")))

# Module frames: f_locals is the namespace itself.
print(sys._getframe().f_locals is globals())

class C:
    ns = sys._getframe().f_locals
    ns["injected"] = 1
print(C.injected, type(C.ns).__name__)

print(sys._getframemodulename(), sys._getframemodulename(50))
def modname():
    return sys._getframemodulename(0), sys._getframemodulename(1)
print(modname())
for name in ["f_trace_lines", "f_lineno", "f_trace_opcodes"]:
    try:
        delattr(fr, name)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
