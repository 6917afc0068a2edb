# struct: sizes of every code, range errors and messages of pack/unpack/pack_into.
import struct
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for fmt in ['b','B','h','H','i','I','l','L','q','Q','n','N','e','f','d','P','?','c','x','s','p','F','D','<l','=l','!L','@lb','<lb','bl','bq','3s','10p','hi','ih','0i','2x','b 2h']:
    t(lambda: struct.calcsize(fmt))
for fmt,v in [('b',128),('b',-129),('B',-1),('B',256),('h',40000),('H',-1),('i',2**31),('I',-1),('l',2**63),('L',-1),('q',2**63),('Q',-1),('Q',2**64),('<l',2**31),('<L',2**32),('<L',-1),('<I',-1),('<q',2**63),('<Q',-1),('n',2**63),('N',-1),('<b',200),('<B',-1),('<h',2**15),('<H',2**16)]:
    t(lambda: struct.pack(fmt, v))
t(lambda: struct.pack('i', 1.5)); t(lambda: struct.pack('i', 'a')); t(lambda: struct.pack('f', 'a'))
t(lambda: struct.pack('c', b'ab')); t(lambda: struct.pack('c', 'a')); t(lambda: struct.pack('s', 'a'))
t(lambda: struct.pack('i')); t(lambda: struct.pack('i', 1, 2)); t(lambda: struct.pack('z', 1)); t(lambda: struct.pack('3'))
t(lambda: struct.pack('<n', 1)); t(lambda: struct.pack('<P', 1))
t(lambda: struct.unpack('i', b'abc')); t(lambda: struct.unpack_from('i', b'abcdef', 4)); t(lambda: struct.unpack_from('i', b'abcdef', 10))
t(lambda: struct.unpack_from('i', b'abcdef', -10)); t(lambda: struct.unpack_from('i', b'abcdef', -2))
t(lambda: list(struct.iter_unpack('i', b'abcdef'))); t(lambda: list(struct.iter_unpack('', b'')))
t(lambda: struct.pack('f', 1e300)); t(lambda: struct.pack('e', 1e300)); t(lambda: struct.pack('e', 65504.0)); t(lambda: struct.pack('<e', 1.5))
t(lambda: struct.pack('>d', 1.5)); t(lambda: struct.pack('<f', 0.1)); t(lambda: struct.unpack('<f', struct.pack('<f', 0.1)))
t(lambda: struct.pack('5s', b'ab')); t(lambda: struct.pack('2s', b'abcd')); t(lambda: struct.pack('5p', b'ab')); t(lambda: struct.pack('3p', b'abcdef')); t(lambda: struct.pack('300p', b'a'*300)[:3])
t(lambda: struct.unpack('5p', b'\x09abcd')); t(lambda: struct.pack('?', []))
t(lambda: struct.pack('?x?', 5, 0)); t(lambda: struct.unpack('??', b'\x00\x05'))
b = bytearray(10)
t(lambda: struct.pack_into('<i', b, 2, 5)); print(b)
t(lambda: struct.pack_into('<i', b, 8, 5)); t(lambda: struct.pack_into('<i', b, -20, 5)); t(lambda: struct.pack_into('<i', b, -2, 5)); t(lambda: struct.pack_into('<i', b'abcdef', 0, 5))
s = struct.Struct('<hq'); print(s.size, s.format, repr(s))
t(lambda: s.pack(1, 2)); t(lambda: s.unpack(s.pack(1,2))); t(lambda: struct.Struct(5)); t(lambda: struct.Struct(b'<i').format)
t(lambda: struct.pack('i', True)); 
class I:
    def __index__(self): return 7
t(lambda: struct.pack('i', I())); t(lambda: struct.pack('d', I())); t(lambda: struct.pack('d', 3))
t(lambda: struct.unpack('<qQ', b'\xff'*16)); t(lambda: struct.unpack('>hH', b'\xff\xfe\xff\xfe'))
t(lambda: struct.unpack('c3s', b'abcd')); t(lambda: struct.unpack('e', b'\x00\x7c')); t(lambda: struct.unpack('d', b'\x00'*7 + b'\xf8'))
t(lambda: struct.unpack('P', b'\x01'+b'\x00'*7)); t(lambda: struct.pack('P', -1))
t(lambda: struct.pack('<Q', 2**64-1)); t(lambda: struct.pack('<F', 1+2j)); t(lambda: struct.unpack('<D', struct.pack('<D', 1+2j)))
t(lambda: struct.unpack('i', memoryview(b'abcd'))); t(lambda: struct.unpack('i', bytearray(b'abcd'))); t(lambda: struct.unpack('i', 'abcd'))
t(lambda: struct.calcsize('i'*3)); t(lambda: struct.pack('2i', 1)); t(lambda: struct.error.__module__)
t(lambda: struct.calcsize('999999999999999999999i'))
t(lambda: struct.pack('<e', float('nan'))); t(lambda: struct.pack('<e', float('inf'))); t(lambda: struct.pack('<e', 1e-8)); t(lambda: struct.pack('<e', 6.1e-5))
t(lambda: struct.unpack('<e', b'\x01\x00')); t(lambda: struct.Struct('i').__reduce__ if False else 0)
t(lambda: struct.pack('i', 2**100)); t(lambda: struct.pack('Q', 2**100)); t(lambda: struct.pack('L', 2**100))
