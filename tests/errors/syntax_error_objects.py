# SyntaxError objects built from Python: attributes from the details tuple, str().
e = SyntaxError('msg', ('dir/f.py', 3, 1, 'x = (', 3, 5))
print(str(e), e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.msg, e.args)
print(str(SyntaxError('m', ('f.py', None, 1, 'x'))), str(SyntaxError('m', (None, 4, 1, 'x'))), str(SyntaxError('m')), str(SyntaxError()))
print(repr(SyntaxError('m', ('f.py', 3, 1, 'x'))))
try:
    compile('x = (', 'a/b.py', 'exec')
except SyntaxError as e:
    print(str(e), e.args)
print(str(IndentationError('bad', ('f', 2, 3, 'y'))))
try: SyntaxError('m', (1, 2))
except Exception as e: print(type(e).__name__, e)
