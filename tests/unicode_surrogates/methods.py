# str methods on strings with lone surrogates give the answers CPython gives.
hi, lo = '\ud800', '\udcff'
s = 'ab' + hi + 'cd' + lo + 'ab' + hi
print(s.find(hi), s.rfind(hi), s.find(lo), s.find('\ufffd'), s.index('cd' + lo))
print(s.find(hi, 3), s.count(hi), s.count('ab'), s.count(''), s.rindex('ab'))
print(ascii(s.replace(hi, '!')), ascii(s.replace('ab', lo)), ascii(s.replace(hi, lo, 1)))
print([ascii(p) for p in s.split(hi)], [ascii(p) for p in s.rsplit(lo, 1)])
print([ascii(p) for p in (hi + ' x ' + lo).split()])
print([ascii(p) for p in s.partition(lo)], [ascii(p) for p in s.rpartition(hi)])
print(ascii((hi + '  ').strip()), ascii((lo + 'x' + lo).strip(lo)), ascii(s.lstrip('ab')))
print(s.startswith('ab' + hi), s.endswith(hi), s.startswith(('x', 'ab' + hi + 'c')))
print(s.endswith('\ufffd'), s.startswith(lo, 5))
print(ascii(s.upper()), ascii(s.title()), ascii(s.swapcase()), ascii(s.casefold()))
print(ascii(hi.center(5, '*')), ascii(lo.ljust(3, hi)), ascii(hi.rjust(3)), ascii(lo.zfill(4)))
print(ascii(('\t' + hi).expandtabs(4)), [ascii(x) for x in (hi + '\n' + lo).splitlines()])
print(ascii(s.removeprefix('ab' + hi)), ascii(s.removesuffix(hi)), ascii(s.capitalize()))
print(hi.isprintable(), lo.isalpha(), hi.isidentifier(), hi.isspace(), hi.isascii())
print(hi.islower(), hi.isupper(), hi.istitle(), hi.isdecimal(), '\ufffd'.isprintable())
print(ascii(hi.lower()), ascii(('x' + lo).upper()), ascii(('\xdf' + hi).upper()))
try:
    s.index('zz')
except ValueError as e:
    print('ValueError', e)
try:
    hi.join([lo, 1])
except TypeError as e:
    print('TypeError', e)
