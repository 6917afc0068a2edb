# printf-style formatting with a mapping.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

d = {"name": "Ann", "age": 30, "a(b)": "paren", "x": 2.5}
print("%(name)s is %(age)d" % d, "%(x).1f|%(x)8.3f|%(x)-8g|" % d, "%(a(b))s" % d, "%(name)r %%" % d)
print("%(age)05d %(age)x %(age)#o" % d, "plain" % d, "%s" % d)
class M:
    def __getitem__(self, k):
        return k * 2
print("%(ab)s %(c)s" % M())
t("missing", lambda: "%(nope)s" % d)
t("not mapping", lambda: "%(a)s" % 1)
t("tuple", lambda: "%(a)s" % (1,))
t("incomplete key", lambda: "%(a" % d)
t("mix", lambda: "%(name)s %s" % d)
t("list", lambda: "%(a)s" % [1])
