# struct native alignment ('@') versus standard sizes, padding bytes, counts.
import struct

for fmt in ['ci', 'ic', 'cd', 'dc', 'hq', 'bhiq', 'qihb', '3c2h', '?d', 'xd', 'dx', 'e f',
            '5s i', 'p q', '0q', 'c0q', 'c0d', 'P', 'nN', 'Fc', 'cD']:
    for order in ['@', '=', '<', '>']:
        try:
            size = struct.calcsize(order + fmt)
        except struct.error as e:
            size = str(e)
        print(repr(order + fmt), size, end='; ')
    print()
print(struct.pack('@ci', b'a', 1), struct.pack('=ci', b'a', 1))
print(struct.pack('@hq', 1, 2).hex(), struct.unpack('@c0q', b'z' * 8))
print(struct.pack('>3h', 1, 2, 3), struct.unpack('<3B', b'\x01\x02\x03'))
print(struct.pack('2?', 1, 0), struct.pack('<2e', 1.0, -2.0), struct.unpack('<2e', b'\x00<\x00\xc0'))
