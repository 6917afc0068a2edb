# str method arguments bound without keywords (the inline fast path) and with them,
# every error of a wrong call, and substring search in short and long haystacks with
# separators whose first byte is common (", " and " #" in text full of spaces).

line = "  alpha, Beta, gamma, DELTA, epsilon, zeta #123  "
print(line.split(", "), line.split(", ", 2), line.rsplit(", ", 1))
print(line.partition(" #"), line.rpartition(", "), line.partition("#1234"))
print(line.find("a, "), line.find("ta #"), line.find("a", 10, 20), line.rfind("a, "))
print(line.count("a"), line.count("a", 5), line.count("a", 5, -5), line.count(", "))
print(line.replace(", ", ";"), line.replace("a", "AA", 2), line.replace("zz", "y"))
print(line.startswith("  al"), line.endswith(("3 ", "3  ")), line.strip().title())
print("ab".find("abc"), "".find(""), "abc".find(""), "abc".count(""), "aaaa".count("aa"))
long = ("word, " * 60 + "x #9") * 3
print(len(long), long.find(" #"), long.count(", "), long.rfind(", "), len(long.split(", ")))
for needle in ["ab", "ba", "aab", "abab", "b" * 9]:
    hay = "ab" * 20 + "aab" + "b" * 10
    print(needle, hay.find(needle), hay.count(needle), hay[:60].find(needle))
print("x".join(["a", "b"]), "a,b,,c".split(","), "a b  c".split(maxsplit=1))
print("tab\tbed".expandtabs(4), "tab\tbed".expandtabs(tabsize=2), "Ab".encode("utf-8"))
print("a-b-c".replace("-", "+", count=1), "abc".split(sep="b"), "x\ny".splitlines(True))

calls = [
    lambda: "abc".find(),
    lambda: "abc".find("a", 1, 2, 3),
    lambda: "abc".find(sub="a"),
    lambda: "abc".upper(1),
    lambda: "abc".upper(x=1),
    lambda: "abc".split(",", 1, 2),
    lambda: "abc".split(sep=",", bad=1),
    lambda: "abc".split(",", sep=","),
    lambda: "abc".replace("a"),
    lambda: "abc".replace("a", "b", 1, 2),
    lambda: "abc".replace(old="a", new="b"),
    lambda: "abc".startswith(),
    lambda: "abc".join(),
    lambda: "abc".join([1]),
    lambda: "abc".zfill(),
    lambda: "abc".center(),
    lambda: "abc".center(1, "ab"),
    lambda: "abc".count(1),
    lambda: "abc".partition(""),
    lambda: str.upper(5),
    lambda: str.find(b"abc", "a"),
]
for call in calls:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
