# Import statements: every instruction carries the whole statement's position,
# which also decides what a traceback underlines.


def f():
    import os,  sys as s2
    import os.path
    import os.path as op
    from os import path,  sep as x
    return os, s2, op, path, x


print(list(f.__code__.co_positions()))
c = compile("x = 1\nimport sys\n", "<s>", "exec")
print(list(c.co_positions()))
for src in ["import sys, no_such_module_xyz", "import sys as s,   no_such_module_xyz.sub as m"]:
    code = compile(src, "<import>", "exec")
    print(list(code.co_positions()))
    try:
        exec(code)
    except ImportError as e:
        print(type(e).__name__, e)
