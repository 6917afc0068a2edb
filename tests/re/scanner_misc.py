# re.Scanner, re.escape round trips, pattern caching, purge, template edge cases,
# non-ASCII subjects, very long subjects and deep patterns.
import re

scanner = re.Scanner([
    (r"[a-zA-Z_]\w*", lambda s, t: ("ID", t)),
    (r"\d+\.\d*", lambda s, t: ("FLOAT", t)),
    (r"\d+", lambda s, t: ("INT", int(t))),
    (r"[-+*/=()]", lambda s, t: ("OP", t)),
    (r"\s+", None),
])
print(scanner.scan("x = 3.5 * (y + 42) ?rest"))

for s in ["a.b", "[x]", "100%", "tab\there", "ü+ü", "(?P<x>)"]:
    print(repr(re.escape(s)), bool(re.fullmatch(re.escape(s), s)))

print(re.compile("abc") is re.compile("abc"))
re.purge()
text = "日本語のテキスト、English text, ελληνικά!"
print(re.findall(r"\w+", text), re.sub(r"[a-z]+", "·", text))
print([m.span() for m in re.finditer(r"\w+", text)])
m = re.search(r"(テ\w+)", text)
print(m, m.span(1), m.group(1), m.start())
print(re.split(r"[、,!]\s*", text))

long = "ab" * 50000 + "c"
print(len(re.findall("ab", long)), re.search("abc", long).span(), re.match("(?:ab)*c", long).span())
print(re.match("(ab)*c", long).span(1), re.match(".*c", long).end(), re.search("b+c", long).span())
print(re.match(r"(?:a|b)*?c", long).end(), len(re.sub("a", "", long)))
print(re.fullmatch("x" * 20 + "(" * 50 + "y" + ")" * 50, "x" * 20 + "y").span(50))
print(re.match("(a|b|c|d|e)+$", "abcde" * 1000).span(1))
deep = "(?:" * 200 + "a" + ")" * 200
print(re.match(deep, "a"))
print(re.search(r"(\d+)\s*(?:apples|pears)", "we have 12   pears").groups())
print(re.sub(r"(?m)^(\s*)#", r"\1//", "# a\n  # b\nc # d"))
p = re.compile(r"(?P<first>\w+) (?P<last>\w+)")
print(p.sub(r"\g<last>, \g<first>", "Ada Lovelace and Alan Turing"))
print(p.groupindex["first"], dict(p.groupindex), p.groups)
