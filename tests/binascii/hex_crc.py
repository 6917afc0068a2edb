# binascii: hexlify separators in both directions, unhexlify of str, CRC chaining.
import binascii

data = bytes(range(0, 256, 17))
for sep in ['', ':', b'-']:
    for n in [1, 2, 3, -2, -3, 16, -16]:
        if sep == '':
            print(n, binascii.hexlify(data))
            break
        print(repr(sep), n, binascii.hexlify(data, sep, n), binascii.b2a_hex(data[:5], sep, n))
print(binascii.unhexlify('00ff10EE'), binascii.a2b_hex(bytearray(b'4142')))
print(binascii.hexlify(memoryview(b'\x01\x02')), binascii.hexlify(b''), binascii.hexlify(b'', ':'))
crc = 0
for chunk in [b'The quick ', b'brown fox ', b'jumps']:
    crc = binascii.crc32(chunk, crc)
print(crc, binascii.crc32(b'The quick brown fox jumps'))
h = 0xffff
for chunk in [b'123', b'456789']:
    h = binascii.crc_hqx(chunk, h)
print(h, binascii.crc_hqx(b'123456789', 0xffff))
for text in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar']:
    enc = binascii.b2a_base64(text)
    print(text, enc, binascii.a2b_base64(enc) == text, binascii.b2a_base64(text, newline=False))
for bad in ['ab\u00e9', 5]:
    try:
        binascii.unhexlify(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
