# _heapq: push/pop/replace/pushpop/heapify and the _max variants, argument errors.
import _heapq as h
def t2(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
q = []
for v in [5, 1, 4, 1, 9, 2]: h.heappush(q, v)
print(q, [h.heappop(q) for _ in range(3)], q)
q = [5, 3, 8, 1, 2, 9, 0]; h.heapify(q); print(q)
print(h.heapreplace(q, 7), q, h.heappushpop(q, -1), h.heappushpop(q, 100), q)
t2(lambda: h.heappop([])); t2(lambda: h.heapreplace([], 1)); t2(lambda: h.heappush((1,), 2)); t2(lambda: h.heapify(5)); t2(lambda: h.heappush([], ))
m = [1, 5, 3, 9]; h.heapify_max(m); print(m, h.heappop_max(m), m); h.heappush_max(m, 10); print(m, h.heapreplace_max(m, 0), m, h.heappushpop_max(m, 20), m)
t2(lambda: h.heappush([1, 'a'], 2)); t2(lambda: h.heappop(5)); print(sorted(n for n in dir(h) if not n.startswith('__')))
