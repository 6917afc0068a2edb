# bytes split/rsplit/strip/partition/join.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for b in [b"a b  c", b"  a\tb\nc\x0bd  ", b"", b"a,b,,c,"]:
    print(b, b.split(), b.split(None, 1), b.split(b","), b.split(b",", 1), b.rsplit(), b.rsplit(None, 1), b.rsplit(b",", 1))
print(b"  x  ".strip(), b"  x  ".lstrip(), b"  x  ".rstrip(), b"xxaxx".strip(b"x"), b"\x0b\x0cx".strip())
print(b"a=b=c".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".partition(b"="), b"abc".rpartition(b"="))
print(b",".join([b"a", b"b"]), b"".join([]), b"-".join((b"x", b"y", b"z")), b"a b".split(maxsplit=0))
t("split('a')", lambda: b"a".split("a"))
t("split(b'')", lambda: b"a".split(b""))
t("strip('a')", lambda: b"a".strip("a"))
t("partition('a')", lambda: b"a".partition("a"))
t("join(['a'])", lambda: b",".join(["a"]))
t("join(1)", lambda: b",".join(1))
