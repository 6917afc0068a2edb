# Pattern.match / search / fullmatch, groups, spans, named groups and Match attributes.
import re

m = re.match(r"(\w+) (\w+)", "hello world, again")
print(m)
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(1, 2))
print(m.groups(), m.span(), m.span(1), m.start(2), m.end(2))
print(m[0], m[1], m[2], m.pos, m.endpos, m.lastindex, m.lastgroup)
print(m.regs, m.string, m.re)

print(re.match("b", "abc"), re.search("b", "abc"), re.fullmatch("abc", "abc"))
print(re.fullmatch("ab", "abc"), re.fullmatch("a|ab", "ab"))

m = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)(-(?P<day>\d\d))?", "on 2024-05 at")
print(m.group("year"), m["month"], m.group("day"), m.groupdict(), m.groupdict("-"))
print(m.groups(), m.groups(0), m.lastindex, m.lastgroup, m.span("day"), m.start(3))
print(sorted(m.re.groupindex.items()), m.re.groups, m.re.pattern, m.re.flags)

p = re.compile(r"(a)(b)?(c)")
m = p.match("ac")
print(m.groups(), m.group(2), m.span(2), m.lastindex)
print(p.search("xxacxx", 2), p.search("xxacxx", 3), p.search("xxacxx", 0, 3))
print(p.match("zac", pos=1), p.fullmatch("acz", endpos=2))
print(p.search("ac", pos=-5), p.search("ac", endpos=100), p.search("ac", 5))

for bad in (3, "x", -1, 4):
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError", e)

print(re.match("(a)|(b)", "b").lastindex, re.match("(a)|(b)", "b").groups())
print(re.match(r"((a)|b)+", "ab").groups(), re.match(r"(a|b)*", "abab").group(1))
print(re.match(r"(?:(a)|b)*", "ab").groups())
print(re.match("", "abc"), re.search("$", "abc"), re.search("^", "abc"))

m = re.match("(?P<a>x)(?P<b>y)?", "x")
print(m.lastgroup, m.groupdict(), m.expand(r"[\g<a>][\1][\g<b>]"))
print(re.compile("a", re.I), re.compile(b"a", re.I | re.M), repr(re.compile("x" * 300))[-20:])
print(re.compile("a", re.X | re.S | re.A), re.compile("(?i)a"))
print(repr(re.match("a" * 80, "a" * 80)))
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("b"))
print(re.compile("a") != re.compile("a", re.I), hash(re.compile("ab")) == hash(re.compile("ab")))
print(type(m).__name__, type(m).__module__, type(p).__name__, type(p).__module__)
print(re.Pattern, re.Match, re.Pattern[str], re.Match[bytes])
import copy
print(copy.copy(p) is p, copy.deepcopy(p) is p, copy.copy(m) is m)
