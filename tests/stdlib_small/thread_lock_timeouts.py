import _thread
l = _thread.allocate_lock()
for a in [(True, -2), (True, -1), (True, -1.0), (True, 2**63), (True, 2**62), (True, float("inf")), (True, float("nan")), (True, 1e300), (True, 9223372036.0), (True, 9223372037), (False, 0), (True, 0), (True, "x"), (True, -0.5), (True, -1.5), (True, -1e300)]:
  try: print(l.acquire(*a)); l.release()
  except Exception as e: print(type(e).__name__, e)
r = _thread.RLock()
for a in [(True, float("inf")), (True, 2**63), (True, float("nan"))]:
  try: print(r.acquire(*a)); r.release()
  except Exception as e: print(type(e).__name__, e)
# A held lock with an impossible timeout must raise, not wait for ever.
l.acquire()
for t in (float("inf"), 1e300, 2**63, float("nan")):
  try: print(l.acquire(True, t))
  except Exception as e: print(type(e).__name__, e)
print(l.acquire(True, 0), l.acquire(False))
