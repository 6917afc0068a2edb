# Flags: IGNORECASE (ASCII and Unicode), MULTILINE, DOTALL, VERBOSE, ASCII, inline
# and scoped flags; Unicode classes \w \d \s and case folding.
import re

print(re.findall("a", "aAbA", re.I), re.findall("[a-c]+", "ABCabcD", re.I))
print(re.match("ß", "SS", re.I), re.match("(?i)straße", "STRASSE"), re.match("(?i)ſ", "S"))
print(re.match("(?i)K", "\u212a"), re.match("(?ia)K", "\u212a"), re.match("(?i)[k]", "\u212a"))
print(re.match("(?i)σ", "Σ"), re.match("(?i)σ", "ς"), re.match("(?i)[σ]+", "Σςσ"))
print(re.match("(?i)é", "É"), re.match("(?i)[à-ÿ]+", "ÀÉÎ"), re.match("(?i)[^a]", "A"))
print(re.findall(r"(?i)\bthe\b", "The THE tHe other"))
print(re.findall("^\\w+", "one\ntwo\nthree", re.M), re.findall("\\w+$", "one\ntwo", re.M))
print(re.findall("^\\w+", "one\ntwo"), re.match("a.c", "a\nc"), re.match("a.c", "a\nc", re.S))
p = re.compile(r"""
    (\d+)   # number
    \s*     # space
    ([a-z]+) # unit
""", re.VERBOSE)
print(p.findall("10 km, 5kg, 3 m"), p.flags & re.X == re.X)
print(re.findall(r"\w+", "héllo wörld 日本 ١٢٣"), re.findall(r"\w+", "héllo wörld", re.A))
print(re.findall(r"\d+", "12 ١٢٣ ４５"), re.findall(r"\d+", "12 ١٢٣", re.A))
print(re.findall(r"\s+", "a\u00a0b\u2003c\td"), re.findall(r"\s+", "a\u00a0b\td", re.A))
print(re.findall(r"\W+", "a-b_c d"), re.findall(r"[\w-]+", "a-b c"), re.findall(r"[^\W\d]+", "ab12cd"))
print(re.match("(?i:a)b", "Ab"), re.match("(?i:a)b", "AB"), re.match("a(?-i:b)", "AB", re.I))
print(re.compile("(?x) a b # c").pattern, re.compile("(?x) a b # c").match("ab"))
print(re.compile("(?m)^x").flags, re.compile("x", re.M | re.I).flags, re.compile(b"x").flags)
print(re.I, re.M | re.S, re.RegexFlag(0), ~re.I & re.M, re.IGNORECASE.value)
print(re.search(r"\bé", "café é"), re.search(r"(?a)\bé", "café é"))
print(re.findall(r"[a-z]+", "abcXYZ", re.I), re.findall(r"[\u0100-\u017f]+", "ĀāŁł"))
print(re.fullmatch(r"[^\d\s]+", "ab"), re.fullmatch(r"[\D]+", "12"), re.fullmatch(r"[.]", "x"))
print(re.match(r"(?i)\u0130", "i"), re.match(r"(?i)i", "\u0130"), re.match(r"(?i)[\u0130]", "i"))
print(re.match("(?u)\\w", "é"), re.findall(r"(?i)[^k]", "K\u212ak"))
print(re.findall(".", "a\u2028b\rc"), re.findall("(?m)$", "a\u2028b\rc\n"))
print(re.match(b"(?L)(?i)a", b"A"), re.match(b"(?i)a", b"A", re.L))
