# _string.formatter_parser: how str.format templates are split into parts.
import _string

for s in ["a{0}b", "x{{y}}z", "{a.b[c]!r:>{w}}", "{}", "{:}", "{!s}", "plain", "",
          "{0[}]}", "a{b!r}", "}}{{", "{0:{1}{2}}", "{x!a:}", "é{ü}ß"]:
    print(repr(s), list(_string.formatter_parser(s)))

for s in ["a}", "a{", "{!", "{!x y}", "{a{b}", "{:{", "{a", "ok{0}then}"]:
    it = _string.formatter_parser(s)
    got = []
    try:
        for part in it:
            got.append(part)
    except ValueError as e:
        print(repr(s), got, "ValueError:", e)

try:
    _string.formatter_parser(1)
except TypeError as e:
    print("TypeError:", e)
it = _string.formatter_parser("a{b}")
print(type(it).__name__, iter(it) is it, next(it), next(it, "end"))
