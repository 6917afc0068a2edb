# The codec registry: lookup through the encodings package, str.encode/bytes.decode
# for codecs beyond the built-in three, custom search functions and error handlers.
import codecs

print(codecs.lookup('UTF-8').name, codecs.lookup('latin1').name, codecs.lookup('cp1252').name)
print(codecs.lookup('utf_16').name, codecs.lookup('U32').name)
print('héllo€'.encode('cp1252'), b'h\xe9llo\x80'.decode('cp1252'))
print('hé'.encode('utf-16-le'), 'abc'.encode('utf_32_be'), 'hi'.encode('utf-16'))
print(b'\xff\xfeh\x00i\x00'.decode('utf-16'), bytes('é', 'iso8859-15'), str(b'\xa4', 'iso8859-15'))
print('Привет'.encode('koi8-r'), b'\xf0\xd2\xc9'.decode('koi8_r'))
for bad in [lambda: 'x'.encode('nope'), lambda: b'x'.decode('nope'), lambda: codecs.lookup('nope')]:
    try:
        bad()
    except LookupError as e:
        print('LookupError', e)
try:
    '€'.encode('cp437')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
print('a€b'.encode('cp437', 'replace'), 'a€b'.encode('latin-1', 'namereplace'))

def handler(e):
    return ('[%d-%d]' % (e.start, e.end), e.end)
codecs.register_error('mine', handler)
print('aé€b'.encode('ascii', 'mine'), b'a\xffb'.decode('utf-8', 'mine'), codecs.lookup_error('mine') is handler)
codecs.register_error('skip2', lambda e: ('', e.end + 1))
print(b'a\xffbc'.decode('ascii', 'skip2'), 'aébc'.encode('ascii', 'skip2'))
codecs.register_error('bytes', lambda e: (b'<?>', e.end))
print('aéb'.encode('ascii', 'bytes'))
codecs.register_error('bad', lambda e: 'nope')
try:
    'é'.encode('ascii', 'bad')
except TypeError as e:
    print('TypeError', e)
print(codecs.lookup_error('strict'), codecs.lookup_error('replace'), codecs.lookup_error('namereplace'))
try:
    codecs.lookup_error('nonexistent')
except LookupError as e:
    print('LookupError', e)
print(codecs.replace_errors(UnicodeEncodeError('ascii', 'aé', 1, 2, 'x')))
print(codecs.backslashreplace_errors(UnicodeDecodeError('ascii', b'a\xff', 1, 2, 'x')))
print(codecs.namereplace_errors(UnicodeEncodeError('ascii', 'a€', 1, 2, 'x')))
print(codecs.xmlcharrefreplace_errors(UnicodeEncodeError('ascii', 'a€', 1, 2, 'x')))
print(codecs.ignore_errors(UnicodeDecodeError('ascii', b'a\xff', 1, 2, 'x')))
try:
    codecs.strict_errors(ValueError('boom'))
except ValueError as e:
    print('ValueError', e)

def search(name):
    if name == 'shout':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)),
                                lambda b, errors='strict': (bytes(b).decode().lower(), len(b)),
                                name='shout')
codecs.register(search)
print('hello'.encode('shout'), b'HI'.decode('shout'), codecs.lookup('shout').name)
codecs.unregister(search)
try:
    codecs.lookup('shout')
except LookupError as e:
    print('LookupError', e)
print(codecs.encode('abc', 'rot13'), codecs.decode(b'616263', 'hex'), codecs.encode(b'abc', 'base64'))
print(codecs.encode('x'), codecs.decode(b'\xc3\xa9'))
try:
    'abc'.encode('rot13')
except LookupError as e:
    print('LookupError', e)

# Incremental and stream interfaces from codecs.py.
dec = codecs.getincrementaldecoder('utf-8')()
print([dec.decode(bytes([b])) for b in 'h€'.encode()], dec.decode(b'', final=True))
enc = codecs.getincrementalencoder('utf-16')()
print(enc.encode('a'), enc.encode('b'))
print(list(codecs.iterdecode([b'\xe2\x82', b'\xac!'], 'utf-8')))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)
