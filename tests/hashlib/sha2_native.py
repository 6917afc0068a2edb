# _sha2: the SHA-2 family, incremental updates, copies, argument errors.
import _sha2
for f in (_sha2.sha224, _sha2.sha256, _sha2.sha384, _sha2.sha512):
    h = f(b'abc')
    print(h.name, h.digest_size, h.block_size, h.hexdigest())
    h.update(b'x' * 200); c = h.copy(); c.update(b'y')
    print(h.hexdigest()[:20], c.hexdigest()[:20], len(h.digest()))
print(_sha2.sha256().hexdigest(), _sha2.sha512(string=b'q').hexdigest()[:16], _sha2.sha256(bytearray(b'a' * 1000)).hexdigest())
print(type(_sha2.sha256()).__name__, type(_sha2.sha512()).__name__)
for bad in [lambda: _sha2.sha256('abc'), lambda: _sha2.sha256().update('x'), lambda: _sha2.sha256(1)]:
    try: bad()
    except TypeError as e: print('TypeError', e)
for n in range(0, 300, 37):
    print(n, _sha2.sha512(bytes(range(256))[:n] * 3).hexdigest()[:24], _sha2.sha224(bytes(n)).hexdigest()[:24])
