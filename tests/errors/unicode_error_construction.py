# UnicodeEncodeError/DecodeError/TranslateError constructors: attributes, checks, str().
e = UnicodeEncodeError('ascii', 'aé', 1, 2, 'bad')
print(e.encoding, e.object, e.start, e.end, e.reason, e.args, str(e))
d = UnicodeDecodeError('utf-8', bytearray(b'a\xff'), 1, 2, 'bad')
print(d.object, type(d.object), str(d))
t = UnicodeTranslateError('aé', 1, 2, 'bad')
print(t.object, t.start, t.encoding, str(t))
for a in [(), ('a',), (1, 'x', 1, 2, 'r'), ('a', 1, 1, 2, 'r'), ('a', 'x', 'q', 2, 'r')]:
    try: UnicodeEncodeError(*a)
    except TypeError as e: print(e)
for a in [('a', 'x', 1, 2, 'r'), ('a', b'x', 1, 2, 3)]:
    try: UnicodeDecodeError(*a)
    except TypeError as e: print(e)
print(str(UnicodeError('x')), UnicodeError().args)
x = UnicodeEncodeError("ascii", "a\xe9", 1, 2, "bad"); x.start = 0; x.reason = 'other'; print(str(x))
class E(UnicodeEncodeError): pass
print(E('ascii', 'x', 0, 1, 'r').start)
print(str(UnicodeEncodeError('ascii', 'abc', 0, 3, 'r')), str(UnicodeDecodeError('ascii', b'abc', 2, 3, 'r')))
