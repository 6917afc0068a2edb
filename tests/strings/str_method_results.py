# Results of str methods that may return the receiver itself, ASCII and non-ASCII
# pieces from split/partition/strip/replace, and join over lists, tuples, iterators,
# single items and str subclasses.


class S(str):
    pass


s = "spam"
print(s.strip() is s, "  x ".strip(), S("eggs").strip() is S("eggs"), type(S(" e ").strip()))
print(s.lstrip("s"), s.rstrip("m"), "ééaéé".strip("é"), len("ééaéé".strip("é")))
print("".join(["solo"]) is not None, type("-".join([S("only")])), "-".join((S("a"), "b")))
x = "only"
print("-".join([x]) is x, "-".join((x,)) is x)
print("-".join(reversed(["a", "b", "c"])), ",".join(c for c in "xyz"), "é".join("abc"))
print("".join([]), repr("-".join(["", ""])))
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError", e)
try:
    "-".join(5)
except TypeError as e:
    print("TypeError", e)
parts = "a, b, ,c".split(", ")
print(parts, [len(p) for p in parts], "naïve café au lait".split(), "naïve café".split("é"))
print("k=v=w".partition("="), "αβγ".partition("β"), "abc".rpartition("z"))
print("aaa".replace("a", "é"), len("aaa".replace("a", "é")), "ééé".replace("é", "e", 2))
print("Hello wORLD 3rd-party o'neil".title(), "ǆemal ǈ".title())
text = ("word " * 40 + "needle ") * 3
print(text.count("needle"), text.find("needle"), text.rfind("needle"), text.count("e"))
print(text.replace("needle", "pin").count("pin"), ("x" * 100 + "y").find("y"))
print(("ab" * 60).find("ba", 70), ("é" * 60 + "x").find("x"), ("é" * 60).count("é"))
