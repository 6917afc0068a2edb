# Errors except* raises at run time and compile time.
for bad in ("ExceptionGroup", "(ValueError, ExceptionGroup)", "BaseExceptionGroup", "int", "(ValueError, 3)"):
    src = f"try:\n    raise ValueError(1)\nexcept* {bad}:\n    pass\n"
    try:
        exec(src)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)

for body in ("break", "continue", "return"):
    src = f"def f():\n    for x in []:\n        try:\n            pass\n        except* ValueError:\n            {body}\n"
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(body, "->", e.msg, e.lineno, e.offset)

# Allowed: loops and functions nested inside the except* body.
try:
    raise ExceptionGroup("g", [ValueError(1)])
except* ValueError:
    for i in range(3):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop", i)
    def inner():
        return "inner return"
    print(inner())

# Mixing except and except* is a syntax error.
try:
    compile("try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n", "<m>", "exec")
except SyntaxError as e:
    print("mix ->", e.msg)

try:
    compile("try:\n    pass\nexcept*:\n    pass\n", "<m>", "exec")
except SyntaxError as e:
    print("bare ->", e.msg)
