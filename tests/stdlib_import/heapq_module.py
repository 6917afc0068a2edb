# heapq: heap operations and merging.
import heapq

h = [5, 1, 8, 3]
heapq.heapify(h)
heapq.heappush(h, 0)
print([heapq.heappop(h) for _ in range(3)], heapq.nlargest(2, [4, 9, 1]), heapq.nsmallest(2, [4, 9, 1]))
print(list(heapq.merge([1, 4], [2, 3])))

