# printf-style formatting: conversions.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

print("%s %r %a" % ("é", "é", "é"), "%d %i %u" % (1, -2, 3), "%s" % None, "%s" % [1, 2], "%s" % ((1, 2),))
print("%c%c%c" % (72, "i", 0x263A), "%%", "100%%" % (), "%s%%" % 5, "%x %X %o" % (255, 255, 8))
print("%e %E %f %F %g %G" % (1234.5, 0.00012, 1.5, float("inf"), 1e-10, 1e20))
print("%s and %s" % ("a", "b"), "%(a)s %(b)r" % {"a": 1, "b": "x"}, "%s" % {"k": 1}, "%d" % True, "%d" % 3.99, "%s" % 1.0)
print("%.3s|%5s|%-5s|%.0s|" % ("abcdef", "ab", "ab", "zz"), "%r" % "q", "%a" % "\u20ac")
print("%d" % 2**70, "%x" % 2**70, "%.2f" % 2**53, "%s" % b"x", "%ld %hd %Lf" % (1, 2, 3.0))
