# isalpha/isalnum/isdecimal/isdigit/isnumeric on many scripts.
samples = ["abc", "abc1", "123", "١٢٣", "²", "½", "Ⅻ", "一二三", "零", "𝟙", "٣.٥", "", " ", "a b", "é", "ǅ", "ʰ", "_", "①", "፩", "𐄇"]
for s in samples:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdecimal(), s.isdigit(), s.isnumeric())
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

t("isalpha(1)", lambda: "a".isalpha(1))
t("isdigit(x=1)", lambda: "a".isdigit(x=1))
