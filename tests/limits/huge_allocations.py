# Sizes no machine can allocate raise MemoryError (Rust would abort the process).
import sys

cases = [
    "'a' * 2**40",
    "b'a' * 2**40",
    "bytearray(b'ab') * 2**40",
    "[0] * 2**40",
    "(0,) * 2**40",
    "'a'.ljust(2**40)",
    "'a'.rjust(2**40, '*')",
    "'a'.center(2**40)",
    "'a\\ud800'.ljust(2**62, '\\udc80')",
    "'ab' * (sys.maxsize // 2 + 1)",
]
for source in cases:
    try:
        result = eval(source)
        print(source, "->", len(result))
    except Exception as e:
        print(source, "->", type(e).__name__, e)
print("small:", len('a' * 1000), len('a'.ljust(1000)), len([0] * 1000))
for source in ["b'ab'", "bytearray(b'ab')", "[0, 1]", "(0, 1)"]:
    try:
        eval(source + " * (sys.maxsize // 2 + 1)")
    except Exception as e:
        print(source, "->", type(e).__name__, e)
for source in ["('\\t' * 64).expandtabs(2**31 - 1)", "'a\\tb'.expandtabs(2**31)"]:
    try:
        print(len(eval(source)))
    except Exception as e:
        print(source, "->", type(e).__name__, e)
