# struct_time construction, pickling support and __replace__: the reduce value holds
# a plain tuple, and bad arguments get CPython's messages.
import time

def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

for args in [((1, 2),), (tuple(range(9)),), (tuple(range(12)),), (1,), (range(9),),
             (tuple(range(9)), {'tm_zone': 'X'}), (tuple(range(9)), 1)]:
    t(time.struct_time, *args)
s = time.struct_time(tuple(range(11)))
r = s.__reduce__()
print(r, type(r[1][0]) is tuple)
print(r[0](*r[1]) == s, r[0](*r[1]).tm_zone)
t(s.__replace__, tm_year=5)
t(s.__replace__, bad=1)
t(s.__replace__, bad=1, worse=2, tm_mon=3)
print(s.__replace__(tm_zone='Z').tm_zone)
