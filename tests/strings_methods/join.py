# str.join over iterables; errors.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

print(",".join(["a", "b", "c"]), "".join(("x", "y")), "-".join("abc"), ", ".join(x for x in ["p", "q"]), repr("".join([])))
print("ñ".join(["a", "b"]), "-".join({"k": 1}), "+".join(map(str, range(4))))
t("join([1])", lambda: ",".join(["a", 1]))
t("join(1)", lambda: ",".join(1))
t("join()", lambda: ",".join())
t("join(None)", lambda: ",".join(None))
t("join([b'a'])", lambda: ",".join([b"a"]))
def gen():
    yield "a"
    raise ValueError("boom")
t("join(gen())", lambda: ",".join(gen()))
