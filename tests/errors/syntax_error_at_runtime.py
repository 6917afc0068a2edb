# A SyntaxError raised while the program runs (exec/compile) is caught, then one
# escapes: its report shows the offending source line with carets.
for src in ["1 +", "def f(:\n  pass", "if x\n  y", "  indented = 1"]:
    try:
        compile(src, "<src>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(e.text))
print("start")
exec("x = (1,\ny = 2")
