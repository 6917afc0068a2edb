# A compile error raised inside a nested unit (a class body) while the enclosing
# statement is conditional (a loop, an if, a try) is reported, not a crash.
snippets = [
    "for x in y:\n class C:\n  break\n",
    "while x:\n class C:\n  continue\n",
    "if x:\n class C:\n  return 1\n",
    "try:\n pass\nfinally:\n class C:\n  break\n",
    "with x:\n class C:\n  class D:\n   await y\n",
    "for x in y:\n def f():\n  class C:\n   break\n",
    "match x:\n case 1:\n  class C:\n   yield from z\n   break\n",
    "yield from z\n",
    "await z\n",
    "class C:\n await z\n",
    "def f():\n await z\n",
    "def f():\n return [(yield from x) for x in y]\n",
    "async def f():\n yield from x\n",
]
for source in snippets:
    try:
        compile(source, "<snippet>", "exec")
    except SyntaxError as exc:
        print(type(exc).__name__, exc.msg, exc.lineno, exc.offset)
    else:
        print("compiled")
