# The charmap codecs behind the single-byte code pages.
import codecs

table = 'xyz' + '\ufffe' * 253
print(codecs.charmap_decode(b'ab', 'strict', 'xyz\ufffe' * 64))
print(codecs.charmap_decode(b'\x00\x02', 'strict', table), codecs.charmap_decode(b'\xe9'))
try:
    codecs.charmap_decode(b'\x03', 'strict', 'xyz\ufffe')
except UnicodeDecodeError as e:
    print(e, e.start, e.end, e.encoding)
print(codecs.charmap_decode(b'\x00\x03\x01', 'replace', table))
encoding_map = codecs.charmap_build(table)
try:
    codecs.charmap_encode('xq', 'strict', encoding_map)
except UnicodeEncodeError as e:
    print(e, e.start, e.end)
print(codecs.charmap_encode('zy', 'strict', encoding_map), codecs.charmap_encode('\xe9'))
print(codecs.charmap_decode(b'\x00\x01\x02', 'replace', {0: 'A', 1: 66, 2: None}))
print(codecs.charmap_decode(b'\x00\x05', 'ignore', {0: 'AB'}))
print(codecs.charmap_encode('ab?', 'strict', {97: 1, 98: b'BB', 63: 63}))
print(codecs.charmap_encode('aqb', 'replace', {97: 1, 98: 2, 63: 63}))
try:
    codecs.charmap_encode('q', 'strict', {97: 1})
except UnicodeEncodeError as e:
    print(e)
