# Calling str methods through the type; argument-count errors.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

print(str.upper("abc"), str.join(",", ["a", "b"]), str.split("a b"), str.replace("aa", "a", "b", 1))
t("str.upper()", lambda: str.upper())
t("str.upper(1)", lambda: str.upper(1))
t("str.join(1, [])", lambda: str.join(1, []))
t("str.find(None, 'a')", lambda: str.find(None, "a"))
t("'a'.join(1, 2)", lambda: "a".join(1, 2))
t("'a'.isalpha(1)", lambda: "a".isalpha(1))
t("'a'.center(1, 2, 3)", lambda: "a".center(1, 2, 3))
t("'a'.count('a', 1, 2, 3)", lambda: "a".count("a", 1, 2, 3))
t("'a'.zfill(1, 2)", lambda: "a".zfill(1, 2))
t("'a'.encode(foo=1)", lambda: "a".encode(foo=1))
f = "abc".upper
print(f())
class S(str):
    def extra(self):
        return self.upper() + "!"
s = S("Mixed Case")
print(s.extra(), s.lower(), s.split(), s.center(14, "*"), s.replace("Case", "Bag"), s.zfill(3))
