# Compile-time SyntaxWarnings through the warnings machinery: recorded by
# catch_warnings, turned into SyntaxError by an "error" filter, issued again on
# every compile, from compile(), exec(), eval(), ast.parse() and compiled trees.
import ast
import warnings


def record(source, mode="exec", filename="<src>"):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, filename, mode)
        except SyntaxError as e:
            print("  SyntaxError:", e.msg, e.lineno)
    print(repr(source))
    for w in caught:
        print("  ", w.category.__name__, w.filename, w.lineno, w.message)


def as_error(source):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(source, "<err>", "exec")
            print("compiled", repr(source))
        except SyntaxError as e:
            print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))


for src in [
    'x = "\\d"\nif x is 1: pass\ndef f():\n    try: pass\n    finally: return\n',
    's = "\\777\\d"\ns = "\\d\\q"\ns = b"\\u00e9"',
    's = """ab\ncd\\d"""',
    's = f"a\\d{x}\\q"',
    'x = (1,\n 1if 1 else 2)',
    '1 is x is 2',
    'x is (1, 2)\nx is ()\nx is (1, -1)\nx is None\nx is ...\nx is -1\nx is 1j',
    '(x is 1, 2)(3)',
    '[1](2)\n{1: 2}()\n{1}()\n(y for y in x)()\nf"a"()\nNone()\n(lambda: 1)()',
    'None[0]\n...[0]\n{1}[0]\n(lambda: 1)[0]\n{1: 2}[0]\nTrue[0]',
    '"a"[1.5]\nb"a"["x"]\n[1][None]\n(1,)[...]\n"a"[1:2]\n"a"[True]\n"a"[(1, 2)]\n"a"[x]',
    '"a"["b"] = 1\ndel "a"["b"]',
    'assert (1,)\nassert ()\nassert (x, "m"), "y"',
    'try: pass\nfinally:\n if x is 1: pass',
    'def f():\n try: pass\n finally:\n  def g():\n   return 1\n  for x in y:\n   return 2\n  while x:\n   break\n  else:\n   return 3',
    'def f():\n try: pass\n finally:\n  class C:\n   x = 1\n  return',
    'for x in y:\n try:\n  pass\n finally:\n  try: pass\n  except: break\n  finally: continue',
    'try: pass\nfinally: break',
]:
    record(src)

record('"\\d" is 1', "eval")

for src in [
    'x = "\\d"',
    'x = "ab\\777"',
    'x = b"ab\\d"',
    'x = """ab\nc\\d"""',
    'x = 1if 1 else 2',
    'x = 1 if 1else 2',
    'x is 1',
    'x = 1 < x is not "e"',
    '(1, 2)(3)',
    'x = 1[0]',
    'x = (1,2)[(1,2)]',
    'assert (1, "x")',
    'for x in y:\n  try: pass\n  finally: continue',
    'x = "\\d"\ny = (',
    'x = 1',
]:
    as_error(src)

print("exec/eval")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    exec('y = "\\d"')
    print(eval('"\\q" if 0 is 0 else 1'))
    compile('y = "\\d"', "<x>", "exec")
    compile('y = "\\d"', "<x>", "exec")
    tree = ast.parse('x = "\\d"\nif x is 1: pass\ntry: pass\nfinally: pass')
    print(len(caught), "so far")
    compile(tree, "<tree>", "exec")
for w in caught:
    print("  ", w.filename, w.lineno, w.message)
