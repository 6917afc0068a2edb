# Too many positional arguments: Argument Clinic says "exactly" when all the
# positional parameters are required and the rest are keyword-only.
import binascii, _struct, posix
for f, a in [(binascii.a2b_base64, (b"", 1)), (binascii.b2a_base64, (b"", 1)),
             (binascii.hexlify, (b"", 1, 2, 3)), (_struct.unpack_from, ("i", b"", 0, 1)),
             (posix.stat, (".", 1)), (binascii.crc32, (b"", 1, 2))]:
    try:
        f(*a)
    except TypeError as e:
        print(e)
