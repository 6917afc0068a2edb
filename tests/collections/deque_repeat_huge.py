from _collections import deque
for items, m, n in [([1,2,3], 3, 2**62), ([1,2,3], None, 2**62), ([1], 3, 2**62), ([1, 2], 5, 2**40), ([], None, 2**62), ([1,2,3], 4, 7), ([1,2,3], None, -1), ([1,2], 0, 2**62)]:
    d = deque(items, m)
    try: print(d * n)
    except Exception as e: print(type(e).__name__, e)
    try: d *= n; print(d)
    except Exception as e: print(type(e).__name__, e)
