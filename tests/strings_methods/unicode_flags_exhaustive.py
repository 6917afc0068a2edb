# Every assigned code point (but surrogates) through each predicate: a checksum per predicate.
names = ["isalpha", "isdecimal", "isdigit", "isnumeric", "isspace", "islower", "isupper", "istitle", "isprintable", "isidentifier"]
sums = [0] * len(names)
counts = [0] * len(names)
# Planes 0-3 and the special-purpose plane hold every assigned character.
for cp in list(range(0x32400)) + list(range(0xE0000, 0xE0200)):
    if 0xD800 <= cp < 0xE000:
        continue
    c = chr(cp)
    r = (c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(), c.islower(), c.isupper(), c.istitle(), c.isprintable(), c.isidentifier())
    for i in range(10):
        if r[i]:
            sums[i] = (sums[i] * 31 + cp) % 1000000007
            counts[i] += 1
for i in range(10):
    print(names[i], counts[i], sums[i])
