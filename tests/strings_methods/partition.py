# partition/rpartition.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for s in ["a=b=c", "abc", "=", "", "ñ=ñ"]:
    print(repr(s), s.partition("="), s.rpartition("="))
print("a::b::c".partition("::"), "a::b::c".rpartition("::"))
t("partition('')", lambda: "a".partition(""))
t("rpartition(1)", lambda: "a".rpartition(1))
t("partition()", lambda: "a".partition())
