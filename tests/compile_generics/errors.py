# Compile-time errors of type parameter lists.
SOURCES = [
    "def f[T = int, U](): pass",
    "class C[T = int, *Ts]: pass",
    "type A[**P = [int], T] = int",
    "def f[__classdict__](): pass",
    "class C:\n    type A[__classdict__] = int",
    "def f[T, T](): pass",
    "def f[T](T): pass",
]
for src in SOURCES:
    try:
        compile(src, "<generic>", "exec")
        print("compiled:", src)
    except SyntaxError as e:
        print(f"{e.msg} | line {e.lineno} col {e.offset}-{e.end_offset}")
