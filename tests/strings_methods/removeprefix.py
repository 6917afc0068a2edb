# removeprefix/removesuffix.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

print("TestHook".removeprefix("Test"), "TestHook".removesuffix("Hook"), "abc".removeprefix("x"), "abc".removesuffix(""), "ñú".removeprefix("ñ"))
t("removeprefix(1)", lambda: "a".removeprefix(1))
t("removesuffix(None)", lambda: "a".removesuffix(None))
t("removeprefix()", lambda: "a".removeprefix())
