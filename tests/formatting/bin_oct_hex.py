# bin/oct/hex.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for n in [0, 1, -1, 10, -255, 2**64, -2**70, True]:
    print(n, bin(n), oct(n), hex(n))
class I:
    def __index__(self):
        return 42
print(bin(I()), oct(I()), hex(I()))
t("bin(1.5)", lambda: bin(1.5))
t("hex('a')", lambda: hex("a"))
t("oct()", lambda: oct())
t("hex(1, 2)", lambda: hex(1, 2))
