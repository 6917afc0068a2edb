# str.format: automatic and manual numbering, keywords, escaped braces.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

print("{} {}".format(1, 2), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=[2]), "{{}} {{{}}}".format(5))
print("{0!r} {0!s} {0!a}".format("é"), "{!r:>8}|".format("x"), "{:{}}|".format("ab", 5), "{:{}{}}|".format(3, "<", 4))
print("{0:{1}.{2}f}".format(3.14159, 8, 3), "{a:{b}}".format(a=7, b="03"), "{} {x} {}".format(1, 2, x=3))
print("{:}|{:d}|{:5}|{:<5}|".format("s", 42, 42, 42), "{0}{0}".format("ab"), "{١}".format(0, 1))
print("}}{{".format(), "no fields".format(1, 2, k=3), "{0.real} {0.imag}".format(5))
t("{}{0}", lambda: "{}{0}".format(1))
t("{0}{}", lambda: "{0}{}".format(1))
t("{1}", lambda: "{1}".format(1))
t("{}", lambda: "{}".format())
t("{a}", lambda: "{a}".format(b=1))
t("{:{:{:{}}}}", lambda: "{:{:{:{}}}}".format(1, 2, 3, 4))
