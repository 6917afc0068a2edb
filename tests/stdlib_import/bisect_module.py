# bisect: binary search and insertion.
import bisect

a = [1, 3, 3, 7]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 0))
bisect.insort(a, 5)
print(a)

