# struct: round trips for every code and byte order, Struct objects, iter_unpack.
import struct

for order in '@=<>!':
    fmt = order + 'bBhHiIlLqQ?'
    vals = (-1, 255, -300, 65000, -70000, 4000000000, -5, 7, -2**62, 2**63, True)
    packed = struct.pack(fmt, *vals)
    print(order, struct.calcsize(fmt), packed.hex(), struct.unpack(fmt, packed) == vals)
for fmt in ['<e', '<f', '<d', '>e', '>f', '>d']:
    for x in [0.0, -0.0, 1.0, -2.5, 0.1, 1e-7, 65504.0, float('inf'), float('-inf')]:
        print(fmt, x, struct.pack(fmt, x).hex(), struct.unpack(fmt, struct.pack(fmt, x))[0])
print(struct.unpack('<d', struct.pack('<d', float('nan')))[0])
print(struct.pack('4s3p2c', b'abcdef', b'xyz', b'q', b'r'))
print(struct.unpack('4s3p2c', b'abcd\x02xyqr'))
print(struct.pack('@bhbiq', 1, 2, 3, 4, 5).hex(), struct.calcsize('@bhbiq'), struct.calcsize('=bhbiq'))
print(struct.pack('<nN', 1, 2) if False else struct.calcsize('nNP'))
s = struct.Struct('>I2h')
print(s.size, s.format, s, s.pack(1, -2, 3).hex(), s.unpack(b'\x00\x00\x00\x01\xff\xfe\x00\x03'))
print(s.unpack_from(b'XX\x00\x00\x00\x01\xff\xfe\x00\x03', 2), s.unpack_from(b'XX\x00\x00\x00\x01\xff\xfe\x00\x03', offset=2))
buf = bytearray(12)
s.pack_into(buf, 4, 7, 8, 9); print(buf)
struct.pack_into('<h', buf, -2, -1); print(buf)
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
it = struct.iter_unpack('<b', b'abc')
print(it.__length_hint__(), next(it), it.__length_hint__())
print(struct.unpack('<F', struct.pack('<F', 1.5 - 2j)), struct.unpack('>D', struct.pack('>D', 3j)))
print(struct.pack('3x') , struct.calcsize('0s'), struct.pack('0s', b'abc'), struct.unpack('0p', b''))
class S(struct.Struct):
    pass
print(S('<i').pack(5), repr(S('<i')))
print(struct.unpack('<i', memoryview(b'\x01\x02\x03\x04')), struct.unpack('<i', bytearray(b'\x01\x02\x03\x04')))
print(struct.Struct(b'<q').format, struct.pack('<Q', 2**64 - 1).hex())
