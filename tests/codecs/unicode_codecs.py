# The _codecs functions behind the Unicode codecs: UTF-8/16/32, ASCII, Latin-1,
# byte-order marks, incremental (final=False) decoding and the error reasons.
import codecs

for data in [b'\x00\xd8', b'\x00\xdc\x41\x00', b'\x00\xd8\x41\x00', b'A', b'\x41\x00\x42',
             b'\x00\xd8\x00', b'\x3d\xd8\x00\xde']:
    for final in (False, True):
        try:
            print(data, final, codecs.utf_16_le_decode(data, 'strict', final))
        except UnicodeDecodeError as e:
            print(data, final, e, e.start, e.end)
for data in [b'\x00\xd8\x00\x00', b'\x00\x00\x11\x00', b'A\x00\x00', b'\xff\xfe\x00\x00A\x00\x00\x00',
             b'\x00\x00\xfe\xff\x00\x01\xf6\x00']:
    for final in (False, True):
        try:
            print(data, final, codecs.utf_32_decode(data, 'strict', final))
        except UnicodeDecodeError as e:
            print(data, final, e, e.start, e.end)
print(codecs.utf_16_encode('hi'), codecs.utf_16_encode('hi', None, 1), codecs.utf_16_encode('h\U0001f600', None, -1))
print(codecs.utf_16_ex_decode(b'\xfe\xff\x00A', 'strict', 0, True))
print(codecs.utf_16_ex_decode(b'\xff\xfeA\x00', 'strict', 0, True))
print(codecs.utf_16_ex_decode(b'A\x00', 'strict', 0, True))
print(codecs.utf_16_decode(b'\xfe\xff\x00A'), codecs.utf_16_decode(b'\xff'), codecs.utf_32_encode('a'))
print(codecs.utf_32_be_encode('a\U0001f600'), codecs.utf_32_le_decode(b'a\x00\x00\x00b\x00'))
print(codecs.utf_16_le_decode(b'\x00\xdcA\x00', 'replace', True), codecs.utf_16_le_decode(b'\x00\xdcA\x00', 'ignore', True))
print(codecs.utf_8_decode(b'ab\xe2\x82', None, False), codecs.utf_8_decode(b'ab\xe2\x82\xac'))
print(codecs.utf_8_decode(b'ab\xff\xe2', 'replace', False), codecs.utf_8_decode(b'ab\xe2\x82', 'replace', True))
print(codecs.utf_8_encode('h\xe9'), codecs.ascii_encode('abc'), codecs.latin_1_encode('\xff'))
print(codecs.ascii_decode(b'a\xffb', 'replace'), codecs.latin_1_decode(b'\xe9'), codecs.ascii_decode(bytearray(b'xy')))
print(codecs.latin_1_encode('a\u20acb', 'backslashreplace'), codecs.ascii_encode('\xe9', 'xmlcharrefreplace'))
print(codecs.readbuffer_encode(b'ab'), codecs.readbuffer_encode('h\xe9'))
for bad in [lambda: codecs.utf_8_encode(1), lambda: codecs.utf_8_decode('x'),
            lambda: codecs.ascii_encode('\xe9'), lambda: codecs.latin_1_encode('\u20ac'),
            lambda: codecs.utf_8_encode('x', 1)]:
    try:
        bad()
    except (TypeError, UnicodeError) as e:
        print(type(e).__name__, e)
