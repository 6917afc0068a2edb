# getrandbits sizes that cannot be allocated raise MemoryError, as CPython.
import _random
r = _random.Random(0)
for n in (0, -1, 2**63, 2**62, 2**40, 100, 33):
    try:
        print(r.getrandbits(n))
    except Exception as e:
        print(type(e).__name__, e)
import _random
r=_random.Random(0)
for n in (2**64, 2**64-1, 2**63, -1, -2**63, -2**64, 1.0, "x"):
  try: print(r.getrandbits(n))
  except Exception as e: print(type(e).__name__, e)
