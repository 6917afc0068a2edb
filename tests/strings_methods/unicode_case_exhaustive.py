# Every assigned code point (but surrogates) through each case mapping: a checksum per mapping.
names = ["lower", "upper", "title", "casefold", "swapcase"]
sums = [0] * 5
changed = [0] * 5
# Planes 0-3 and the special-purpose plane hold every assigned character.
for cp in list(range(0x32400)) + list(range(0xE0000, 0xE0200)):
    if 0xD800 <= cp < 0xE000:
        continue
    c = chr(cp)
    r = (c.lower(), c.upper(), c.title(), c.casefold(), c.swapcase())
    for i in range(5):
        m = r[i]
        if m != c:
            changed[i] += 1
            for ch in m:
                sums[i] = (sums[i] * 37 + ord(ch) + cp) % 1000000007
for i in range(5):
    print(names[i], changed[i], sums[i])
