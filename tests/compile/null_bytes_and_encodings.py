# SyntaxErrors from the source's bytes: the details CPython gives each (none at all for
# a NUL byte, (filename, 0, -1, None) for an undecodable source), named after the
# filename given to compile().
def show(source, filename="<given>"):
    try:
        compile(source, filename, "exec")
    except SyntaxError as e:
        print(repr(e))
        print(" ", e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
        print(" ", str(e))

show("a\x00b")
show(b"x = 1\n\x00")
show(b"# coding: foo\nx=1")
show(b"# coding: hex\nx=1", "hexed.py")
show(b"# coding: ascii\nx = '\xe9'\n")
show(b"\xef\xbb\xbf# coding: latin-1\nx = 1\n")
for run in (exec, eval):
    try:
        run("x\x00")
    except SyntaxError as e:
        print(run.__name__, repr(e), e.filename)
    try:
        run(b"# coding: nope\n1")
    except SyntaxError as e:
        print(run.__name__, repr(e), e.filename)
import ast
try:
    ast.parse("x\x00", "parsed.py")
except SyntaxError as e:
    print(repr(e), e.args)
