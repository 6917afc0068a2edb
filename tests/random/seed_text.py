# Seeding from str and bytes the way random.py does (sha512 of the text appended).
import _random, _sha2
for a in ['hello', b'bytes', bytearray(b'ba'), '', 'é unicode']:
    b = a.encode() if isinstance(a, str) else bytes(a)
    n = int.from_bytes(b + _sha2.sha512(b).digest())
    r = _random.Random(n)
    print(repr(a), r.random(), r.getrandbits(40))
