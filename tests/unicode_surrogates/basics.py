# Lone surrogates in str: the core operations must see them exactly.
hi = chr(0xd800)
lo = chr(0xdc80)
print(len(hi), ord(hi), ord(lo), repr(hi), ascii(lo))
s = 'a' + hi + 'b' + lo
print(repr(s), len(s), [hex(ord(c)) for c in s])
print(repr(s[1]), repr(s[-1]), repr(s[1:3]), repr(s[::-1]), repr(s[::2]))
print(repr(s * 3), repr(hi * 0), repr(2 * lo))
print(repr(''.join([hi, lo])), repr(hi.join('xyz')), repr('-'.join([s, 'q', lo])))
print(repr(f'{hi}|{s}|{lo!r}'), repr(str(hi)), str(hi) is hi)

# Equality and ordering by code point: U+FFFD is not a surrogate.
print(hi == '\ufffd', hi == chr(0xd800), hi != lo, s == 'a' + hi + 'b' + lo)
print(hi < lo, lo < '\ue000', '\ud7ff' < hi, hi < '\ufffd', hi > 'z')
print(sorted([chr(0xe000), lo, hi, 'z', '\ufffd', chr(0x10000)]) == [
    'z', hi, lo, chr(0xe000), '\ufffd', chr(0x10000)])
print(min(['\ufffd', hi]) == hi, max([s, 'a\ufffd']) == 'a\ufffd')

# Hashes are CPython's (PYTHONHASHSEED=0), so sets and dicts agree with it.
print(hash(hi), hash(lo), hash(s), hash(hi + chr(0x10000)), hash('\xe9' + lo))
d = {hi: 1, lo: 2, '\ufffd': 3}
print(len(d), d[chr(0xd800)], d[chr(0xdc80)], d['\ufffd'])
print([ascii(k) for k in {hi, lo, 'x', '\ufffd', s}])

# Membership.
print(hi in s, lo in s, '\ufffd' in s, 'b' + lo in s, hi + 'b' in s, '' in hi)

# Iteration and in-place concatenation.
print([ascii(c) for c in s], list(map(ord, reversed(s))))
acc = ''
for c in s:
    acc += c
    acc += hi
print(ascii(acc), len(acc))

# chr range checks.
for n in (0xd7ff, 0xdfff, 0xe000, 0x10ffff):
    print(hex(n), ascii(chr(n)))
try:
    chr(0x110000)
except ValueError as e:
    print('ValueError', e)
try:
    ord(s)
except TypeError as e:
    print('TypeError', e)
