# The UTF-7 codec: direct characters, base64 shift sequences, surrogate pairs,
# errors with each handler, and the incremental (non-final) decoder.
import codecs

print(b''.join(chr(c).encode('utf-7') for c in range(128)))
for s in ['', '+', '++', 'a+b', 'héllo', '€uro', 'x\U0001f600y', 'a-b', '\xe9-', '\xe9a',
          '\xe9.', '\ud800', '\ud800x', '\udc00\ud800', 'A\u2262\u0391.', '~\\', '\x00\x7f']:
    e = s.encode('utf-7')
    print(ascii(s), e, e.decode('utf-7') == s)
print(codecs.utf_7_encode('a€'), codecs.utf_7_decode(b'a+-b+IKw-'))
for b in [b'+', b'+-', b'+AGE', b'+AGEA', b'+AGEAZQ-', b'+AG-', b'+AH-', b'+2D3eAA-',
          b'+2D0-x', b'+2D0x', b'+2D3-', b'a\xffb', b'+!', b'+\xff', b'+ZZZZZZZZZZZ-',
          b'+AGE\xff', b'+2D3eAA', b'+A']:
    for err in ['strict', 'replace', 'ignore', 'backslashreplace', 'surrogateescape']:
        try:
            print(b, err, ascii(b.decode('utf-7', err)))
        except UnicodeDecodeError as e:
            print(b, err, 'error:', e.encoding, e.start, e.end, e.reason)
    print(' ', codecs.utf_7_decode(b, 'replace', False), codecs.utf_7_decode(b, 'replace', True))
d = codecs.getincrementaldecoder('utf-7')()
print([d.decode(bytes([c])) for c in b'a+AGEAZQ-b+2D3eAA-'], d.decode(b'', True))
seen = []
def back(e):
    seen.append((e.start, e.end))
    return ('<%d:%d>' % (e.start, e.end), e.end if len(seen) > 1 else e.start + 1)
codecs.register_error('test.back', back)
print(b'+AGE\xff'.decode('utf-7', 'test.back'))
seen.clear()
print(b'ab+2D3'.decode('utf-7', 'test.back'), seen)
