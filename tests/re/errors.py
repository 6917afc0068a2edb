# re.error messages with positions, TypeErrors for mixed str/bytes, bad arguments.
import re

for pat in ["(", ")", "[a", "a**", "*a", "a{2,1}", "(?P<1>a)", "(?P<a>x)(?P<a>y)",
            r"\1", "(?<=a+)b", "(?<!a*)", r"[b-a]", "(?z)", "x{1,2}{3}", r"\p",
            "(?P=nope)", "a\n(", r"(?(2)a|b)", "(?#unterminated", "[]", "(?i", r"\x1",
            r"\u12", "a|*", "(?P<n>)(?P=n", "x(?<", "(?<=a|bc)", r"[\w-z]", "(?-x:a)"]:
    try:
        re.compile(pat)
        print("ok", repr(pat))
    except re.error as e:
        print(repr(pat), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)

try:
    re.compile(b"a").match("a")
except TypeError as e:
    print("TypeError", e)
try:
    re.compile("a").match(b"a")
except TypeError as e:
    print("TypeError", e)
try:
    re.match("a", 5)
except TypeError as e:
    print("TypeError", e)
try:
    re.compile(5)
except TypeError as e:
    print("TypeError", e)
try:
    re.compile("a").match()
except TypeError as e:
    print("TypeError", e)
try:
    re.compile("a").match("a", "0")
except TypeError as e:
    print("TypeError", e)
try:
    re.compile("a", re.I).pattern = "b"
except AttributeError as e:
    print("AttributeError")
try:
    re.Pattern()
except TypeError as e:
    print("TypeError", e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError", e)
try:
    re.match("(?P<a>.)", "x").group("b")
except IndexError as e:
    print("IndexError", e)
try:
    re.match("(.)", "x").start(5)
except IndexError as e:
    print("IndexError", e)
try:
    re.compile("a", re.L)
except ValueError as e:
    print("ValueError", e)
try:
    re.compile(b"a", re.U)
except ValueError as e:
    print("ValueError", e)
try:
    re.compile("a", re.A | re.U)
except ValueError as e:
    print("ValueError", e)
print(isinstance(re.error("x"), Exception), re.error is re.PatternError)
e = re.error("bad", "ab\ncd", 4)
print(e, e.lineno, e.colno, e.pos, e.pattern)
