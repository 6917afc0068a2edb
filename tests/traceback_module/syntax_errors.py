# SyntaxError rendering by traceback: location line, source text, carets.
import sys
import traceback

for src in ["x = (1, 2", "def f(:\n    pass", "a b c", "if x:\npass", "x = 1 +"]:
    try:
        compile(src, "<src>", "exec")
    except SyntaxError:
        traceback.print_exc(file=sys.stdout)
        print(traceback.format_exception_only(*sys.exc_info()[:2]))

e = SyntaxError("custom", ("file.py", 3, 5, "    bad code here\n", 3, 8))
print("".join(traceback.format_exception_only(e)))
