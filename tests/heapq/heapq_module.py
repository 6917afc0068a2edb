# heapq.py on top of _heapq: a heap sort, nsmallest/nlargest, merge, tuples and keys.
import heapq

data = [(i * 7919) % 1009 for i in range(300)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h[:10], len(h))
print([heapq.heappop(h) for _ in range(len(h))] == sorted(data))
print(heapq.nsmallest(5, data), heapq.nlargest(5, data))
print(heapq.nsmallest(3, data, key=lambda v: -v), heapq.nlargest(2, ['bb', 'a', 'ccc'], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge(['c', 'aa'], ['bbb'], key=len, reverse=False)))
tasks = [(3, 'c'), (1, 'a'), (2, 'b')]
heapq.heapify(tasks)
print(tasks, heapq.heappop(tasks), heapq.heappushpop(tasks, (0, 'z')), heapq.heapreplace(tasks, (9, 'q')), tasks)
m = [3, 1, 4, 1, 5, 9, 2, 6]
heapq.heapify_max(m)
print(m, heapq.heappop_max(m), m)
class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print('lt', self.v, other.v)
        return self.v > other.v
r = [Rev(1), Rev(2), Rev(3)]
heapq.heapify(r)
print([x.v for x in r])
