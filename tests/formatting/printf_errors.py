# printf-style formatting errors.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

t("few", lambda: "%s %s" % (1,))
t("many", lambda: "%s" % (1, 2))
t("single unused", lambda: "hello" % 5)
t("empty tuple", lambda: "%s" % ())
t("incomplete", lambda: "ab %" % 1)
t("unsupported", lambda: "%y" % 1)
t("unsupported nonascii", lambda: "%\u20ac" % 1)
t("pct with width", lambda: "%5%" % ())
t("d str", lambda: "%d" % "a")
t("x float", lambda: "%x" % 3.0)
t("o float", lambda: "%o" % 1.5)
t("f str", lambda: "%f" % "a")
t("f big", lambda: "%f" % 10**400)
t("c str2", lambda: "%c" % "ab")
t("c big", lambda: "%c" % 1114112)
t("c neg", lambda: "%c" % -1)
t("c float", lambda: "%c" % 3.0)
t("star", lambda: "%*d" % ("a", 1))
t("star prec", lambda: "%.*f" % ("x", 1.0))
t("star big", lambda: "%*s" % (2**70, "x"))
t("d inf", lambda: "%d" % float("inf"))
t("d nan", lambda: "%d" % float("nan"))
t("hello list", lambda: "hello" % [1])
t("hello dict", lambda: "hello" % {})
class I:
    def __index__(self):
        return 10
class N:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
print("%x %d" % (I(), I()), "%d %f" % (N(), N()))
