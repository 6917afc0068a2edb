# A function's `global x` does not stop the module from annotating x (the pattern of
# _pyrepl/readline.py), but annotating a name declared global in the same function does.
def setup():
    global raw_input
    raw_input = "set by setup"


raw_input: str | None = None
print(raw_input)
setup()
print(raw_input)
print(__annotations__ if "__annotations__" in dir() else sorted(__annotate__(1)))

for source in ("def f():\n    global y\n    y: int = 1\n", "def g():\n    z = 1\n    def h():\n        nonlocal z\n        z: int = 2\n"):
    try:
        compile(source, "<test>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
