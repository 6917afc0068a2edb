# The _sre module's own interface: constants, character helpers, compile with
# malformed code (refused, never crashing), templates, and a Ctrl-C-free long match.
import _sre
from re import _compiler, _parser

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print([_sre.ascii_iscased(c) for c in (65, 97, 48, 223, 0x212a)])
print([_sre.unicode_iscased(c) for c in (65, 48, 223, 0x130, 0x212a, 0x1c5)])
print([_sre.ascii_tolower(c) for c in (65, 90, 91, 0xc9, 0x130)])
print([_sre.unicode_tolower(c) for c in (65, 0xc9, 0x130, 0x212a, 0x3a3, 0x10400)])

p = _parser.parse(r"(a)(?P<n>b+)?c", 0)
code = _compiler._code(p, 0)
pat = _sre.compile("(a)(?P<n>b+)?c", 0, code, 2, {"n": 2}, (None, None, "n"))
print(pat, pat.groups, pat.match("abbc").groups(), pat.match("abbc").lastgroup)

for bad in ([], [1], [0, 1], [17, 9, 1], [16], [7, 0, 1], [23, 3, 0, 1, 1], [24, 4, 2, 1, 1, 1]):
    try:
        _sre.compile(None, 0, bad, 0, {}, ())
        print("accepted", bad)
    except RuntimeError as e:
        print("RuntimeError", e, bad)
for args in [("x", 0, (1,), 0, {}, ()), ("x", 0, [1], 0, [], ()), ("x", 0, [-1], 0, {}, ()),
             ("x", 0, [2**32], 0, {}, ()), (1, 0, [1], 0, {}, ())]:
    try:
        _sre.compile(*args)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(_sre.compile(None, 0, [1], 0, {}, ()).match("x"))

t = _sre.template(pat, ["<", 1, ">", 2, ""])
print(type(t).__name__, pat.sub(r"<\1>\2", "xabbcx"))
for bad in ([], ["a", 1], ["a", -1, "b"]):
    try:
        _sre.template(pat, bad)
    except TypeError as e:
        print("TypeError", e)
try:
    _sre.template(pat, ("a",))
except TypeError as e:
    print("TypeError", e)
import re
print(re.match("(?:a|b)*c", "ab" * 20000 + "c").end(), re.search("(a*)*b", "a" * 5000 + "b").span())
print(re.fullmatch(r"(?:(?:a+)+)+b", "a" * 2000 + "b").span())
