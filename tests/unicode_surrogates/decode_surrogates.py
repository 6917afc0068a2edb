# Decoders that produce lone surrogates, and the handlers codecs.lookup_error returns.
import codecs

data = b'ok\xff\xfe\xed\xa0\x80\xc3'
s = data.decode('utf-8', 'surrogateescape')
print(ascii(s), len(s), s.encode('utf-8', 'surrogateescape') == data)
print(ascii(str(data, 'utf-8', 'surrogateescape')), ascii(str(b'\x80', 'ascii', 'surrogateescape')))
p = '\ud800\udfff\ud83d'.encode('utf-8', 'surrogatepass')
print(p, ascii(p.decode('utf-8', 'surrogatepass')))
for enc in ('utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be'):
    b = 'x\udc00\U0001f600'.encode(enc, 'surrogatepass')
    print(enc, b, ascii(b.decode(enc, 'surrogatepass')))
    try:
        b.decode(enc)
    except UnicodeDecodeError as e:
        print('  ', e)

print(ascii(b'\\ud800\\U0000dc80'.decode('unicode_escape')))
print(ascii(b'\\ud800x'.decode('raw_unicode_escape')))
print('\ud800\xe9'.encode('unicode_escape'), '\udc80\u1234'.encode('raw_unicode_escape'))
print(codecs.utf_8_decode(b'a\xffb', 'surrogateescape', True))
print(ascii(codecs.utf_8_decode(b'a\xffb', 'surrogateescape', True)[0]))
print(codecs.utf_8_encode('a\udcffb', 'surrogateescape'))
print(codecs.latin_1_encode('a\udcffb', 'backslashreplace'), codecs.ascii_encode('\udcff', 'replace'))

esc = codecs.lookup_error('surrogateescape')
pas = codecs.lookup_error('surrogatepass')
print(esc, pas)
print(ascii(esc(UnicodeDecodeError('utf-8', b'a\xff\xfe\xfd\xfc\xfbz', 1, 7, 'bad'))))
print(esc(UnicodeEncodeError('utf-8', 'a\udcff\udc80b', 1, 3, 'bad')))
print(ascii(pas(UnicodeDecodeError('utf-8', b'a\xed\xa0\x80z', 1, 2, 'bad'))))
print(pas(UnicodeEncodeError('utf-16-be', 'a\ud800b', 1, 2, 'bad')))
for handler, exc in [
    (esc, UnicodeDecodeError('utf-8', b'a\x41', 1, 2, 'bad')),
    (esc, UnicodeEncodeError('utf-8', 'a\ud800', 1, 2, 'bad')),
    (pas, UnicodeEncodeError('latin-1', 'a\ud800', 1, 2, 'bad')),
    (pas, UnicodeDecodeError('utf-8', b'a\xff', 1, 2, 'bad')),
]:
    try:
        handler(exc)
    except UnicodeError as e:
        print(type(e).__name__, e)
