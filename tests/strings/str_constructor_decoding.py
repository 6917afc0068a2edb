# str(object, encoding, errors): decoding bytes-like objects, and the argument errors.
print(str(b'abc', 'ascii'), str(b'h\xc3\xa9', encoding='utf-8'), str(b'a\xff', errors='replace'), str(object=b'x'), str(bytearray(b'q'), 'latin-1'), str(memoryview(b'm'), 'utf-8'))
for a, k in [(('x', 'utf-8'), {}), ((1, 'utf-8'), {}), ((b'x', 1), {}), ((b'x', 'utf-8', 'strict', 4), {}), ((), {'encoding': 'utf-8'}), ((b'x',), {'bogus': 1}), ((b'x',), {'errors': 2})]:
    try: print(repr(str(*a, **k)))
    except TypeError as e: print(e)
class S(str): pass
print(type(S(b'x', 'ascii')), S(b'x', 'ascii'))
