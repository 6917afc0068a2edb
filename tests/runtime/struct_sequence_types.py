# Struct sequence classes (os.stat_result, time.struct_time, os.terminal_size): plain
# `type` instances deriving from tuple, every field (tuple or attribute-only) named in
# the class, constructors checking the sequence length, pickling through __reduce__.
import os, time, pickle
for st in (os.stat_result, time.struct_time, os.terminal_size):
    print(st.__name__, st.__module__, type(st), st.__bases__, st.__mro__)
    print(sorted(k for k in st.__dict__ if not k.startswith("__") or k in ("__new__", "__reduce__", "__repr__", "__match_args__")))
    print(st.n_fields, st.n_sequence_fields, st.n_unnamed_fields, st.__match_args__)
t = time.gmtime(0)
print(t, t.tm_zone, t.tm_gmtoff, len(t), t[:3], t.__reduce__())
print(pickle.loads(pickle.dumps(t)) == t, pickle.loads(pickle.dumps(t)).tm_zone)
print(type(t).__new__ is tuple.__new__, isinstance(t, tuple))
print(os.terminal_size((80, 24)), os.terminal_size([1, 2]).columns)
for args in ((1,), (1, 2, 3), 5):
    try:
        os.terminal_size(args)
    except TypeError as e:
        print(e)
for args in (tuple(range(8)), tuple(range(12))):
    try:
        time.struct_time(args)
    except TypeError as e:
        print(e)
s = time.struct_time(tuple(range(9)))
print(s, s.tm_zone, s.tm_gmtoff)
s = time.struct_time(tuple(range(9)), {"tm_zone": "XYZ"})
print(s.tm_zone)
st = os.stat_result(tuple(range(10)))
print(st, st.st_atime, st[7], st.st_mtime_ns, st.st_blocks)
print(os.stat_result(tuple(range(10)), {"st_atime": 1.5}).st_atime)
try:
    t.tm_year = 5
except AttributeError as e:
    print(type(e).__name__)
