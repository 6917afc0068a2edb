# tee's result tuple is sized by n: an impossible n is a MemoryError.
import itertools
for n in (2**62, 2**61, 2**63, -1, 0, 3):
  try: print(len(itertools.tee([1], n)))
  except Exception as e: print(type(e).__name__, e)
try: print(len(itertools.tee(1, 2**62)))
except Exception as e: print(type(e).__name__, e)
