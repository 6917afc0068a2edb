# binascii: hex with separators, CRCs, base64 in lenient and strict modes, errors.
import binascii
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__module__, type(e).__name__, e)
t(lambda: binascii.hexlify(b'\x01\xab\xff')); t(lambda: binascii.hexlify(b'abcdef', '-')); t(lambda: binascii.hexlify(b'abcdef', b':', 2)); t(lambda: binascii.hexlify(b'abcde', ':', -2))
t(lambda: binascii.hexlify(b'abc', '--')); t(lambda: binascii.b2a_hex(bytearray(b'xy'))); t(lambda: binascii.hexlify('ab'))
t(lambda: binascii.unhexlify(b'01aB')); t(lambda: binascii.unhexlify('01ab')); t(lambda: binascii.unhexlify(b'0')); t(lambda: binascii.unhexlify(b'0g'))
t(lambda: binascii.unhexlify('é0')); t(lambda: binascii.a2b_hex(5))
t(lambda: binascii.crc32(b'hello')); t(lambda: binascii.crc32(b'hello', 5)); t(lambda: binascii.crc32(b'', 2**40)); t(lambda: binascii.crc32(b'x', -1))
t(lambda: binascii.crc_hqx(b'hello', 0)); t(lambda: binascii.crc_hqx(b'hello', 0xffff)); t(lambda: binascii.crc_hqx(b'hello', 0x12345))
t(lambda: binascii.b2a_base64(b'hello')); t(lambda: binascii.b2a_base64(b'hell', newline=False)); t(lambda: binascii.b2a_base64(b''))
t(lambda: binascii.a2b_base64(b'aGVsbG8=\n')); t(lambda: binascii.a2b_base64('aGVs bG8')); t(lambda: binascii.a2b_base64(b'aGVsbG8')); t(lambda: binascii.a2b_base64(b'aGVsb'))
t(lambda: binascii.a2b_base64(b'aG=VsbG8=')); t(lambda: binascii.a2b_base64(b'aGVsbG8=extra')); t(lambda: binascii.a2b_base64(b'=aGVs'))
t(lambda: binascii.a2b_base64(b'aGVsbG8=x', strict_mode=True)); t(lambda: binascii.a2b_base64(b'aG Vs', strict_mode=True)); t(lambda: binascii.a2b_base64(b'=aGVs', strict_mode=True)); t(lambda: binascii.a2b_base64(b'aG=Vs', strict_mode=True))
t(lambda: binascii.a2b_base64(b'aGVsbA==', strict_mode=True)); t(lambda: binascii.a2b_base64(b'aGVsbA=', strict_mode=True)); t(lambda: binascii.a2b_base64(b'aGVsbA'))
t(lambda: binascii.a2b_base64(b'')); t(lambda: binascii.a2b_base64(b'a')); t(lambda: binascii.a2b_base64(b'ab='))
t(lambda: binascii.Error.__mro__); t(lambda: binascii.Incomplete.__mro__)
t(lambda: binascii.b2a_base64('abc'));
