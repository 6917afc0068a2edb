# sys.excepthook: calling it, and a replacement hook reporting the uncaught exception.
import sys
print(sys.excepthook is sys.__excepthook__)
try:
    1 / 0
except ZeroDivisionError as e:
    sys.excepthook(type(e), e, e.__traceback__)
try:
    sys.excepthook(1, 2)
except TypeError as e:
    print(e)
def hook(t, v, tb):
    print("custom hook:", t.__name__, v)
sys.excepthook = hook
raise ValueError("boom")
