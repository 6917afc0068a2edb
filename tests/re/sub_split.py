# sub/subn with literal, template and function replacements; split, findall, finditer.
import re

print(re.sub(r"\d+", "#", "a1b22c333"))
print(re.sub(r"(\w)(\d)", r"\2\1", "a1 b2 c3"))
print(re.sub(r"(?P<w>\w+)@(?P<d>\w+)", r"\g<d> at \g<w> \g<0>", "me@home you@work"))
print(re.sub("x*", "-", "abxd"))
print(re.sub("", "-", "abc"))
print(re.subn("a", "b", "aaaa", count=2), re.subn("z", "b", "aaaa"))
print(re.sub(r"\w+", lambda m: m.group().upper(), "hello big world"))
print(re.sub(r"(\d+)", lambda m: str(int(m[1]) * 2), "3 apples and 14 pears"))
print(re.sub("a", r"\n\t\\", "xax"))
print(re.sub("(a)|b", r"[\1]", "ab"))
print(re.sub(b"a+", b"<\\g<0>>", b"caaat"))
print(re.sub("a", "", "banana"), re.sub("^", ">", "x\ny", flags=re.M))
print(re.compile("o").sub("0", "foo boo", 1))

print(re.split(r"\W+", "Words, words, words."))
print(re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", maxsplit=1))
print(re.split("x*", "axbc"), re.split("", "abc"), re.split(r"\b", "a b"))
print(re.split("(a)|(b)", "1a2b3"), re.split("[:;]", ":a;b:"))
print(re.split(b",", b"a,b,,c"))

print(re.findall(r"\d+", "12 drummers, 11 pipers, 10 lords"))
print(re.findall(r"(\w+)=(\d+)", "a=1, b=22, c=x"))
print(re.findall(r"(\w)\w*", "alpha beta"), re.findall("", "ab"), re.findall("a|(b)", "ab"))
print(re.compile(r"\w").findall("abcdef", 2, 4))
print([m.span() for m in re.finditer(r"\w+", "one two  three")])
print([m.group() for m in re.finditer("a*", "baaac")])
it = re.finditer("x", "xx")
print(next(it).span(), next(it).span(), next(it, "done"))

sc = re.compile(r"\d").scanner("1a23")
print(sc.match(), sc.match(), sc.search(), sc.search(), sc.search(), sc.pattern)

for bad in (r"\9", r"\g<x>", r"\g<1", r"\g<-1>", "\\"):
    try:
        re.sub("(a)", bad, "a")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
print(re.sub("a", lambda m: None if False else "", "aXa"))
try:
    re.sub("a", lambda m: 1, "a")
except TypeError as e:
    print("TypeError", e)
try:
    re.sub("a", b"b", "a")
except TypeError as e:
    print("TypeError", e)
