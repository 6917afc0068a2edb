import itertools
for r in (-1, 2**63, 2**62, 2**40, 100, 4, 0):
  for f in (itertools.combinations, itertools.permutations, itertools.combinations_with_replacement):
    for p in (range(3), []):
      try: print(f.__name__, r, list(f(p, r))[:3])
      except Exception as e: print(f.__name__, r, type(e).__name__, e)
for rep in (2**62, 2**40, 0):
  for p in ([], [range(2)], [range(2), []]):
    try: print(rep, list(itertools.product(*p, repeat=rep))[:2])
    except Exception as e: print(rep, type(e).__name__, e)
