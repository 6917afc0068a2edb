# os.stat_result as os.stat/os.lstat/os.fstat build it: the visible tuple, the
# whole-second ints behind the float attributes, the fields only reachable by name,
# pickling, __replace__ (refused: unnamed fields) and the type's counters.
import os
import pickle

name = "stat_result_native.tmp"
with open(name, "wb") as f:
    f.write(b"x" * 1234)
try:
    fd = os.open(name, os.O_RDONLY)
    results = [os.stat(name), os.lstat(name), os.fstat(fd)]
    os.close(fd)
    for st in results:
        print(type(st).__name__, type(st).__module__, isinstance(st, tuple), len(st))
        print(st.st_size, st[6], st.st_size == st[6])
        print(type(st[7]).__name__, type(st.st_atime).__name__, type(st.st_mtime_ns).__name__)
        print(st[8] == int(st.st_mtime), st.st_mtime_ns // 10**9 == st[8])
        print(st.st_blocks >= 0, st.st_blksize > 0, st.st_rdev == 0)
        print(tuple(st)[:7] == st[:7], hash(st) == hash(tuple(st)), st == tuple(st))
        back = pickle.loads(pickle.dumps(st, 2))
        print(back == st, back.st_ctime_ns == st.st_ctime_ns, back.st_mtime == st.st_mtime)
        reduced = st.__reduce__()
        print(reduced[0] is os.stat_result, type(reduced[1][0]) is tuple, sorted(reduced[1][1]))
        try:
            st.__replace__(st_size=5)
        except TypeError as e:
            print("TypeError", e)
        print(repr(st).startswith("os.stat_result(st_mode="), repr(st).count("="))
    print(os.stat_result.n_fields, os.stat_result.n_sequence_fields, os.stat_result.n_unnamed_fields)
    print(os.stat_result.__match_args__)
    print(os.stat_result(range(10)).st_atime_ns, os.stat_result(range(10)).st_mtime)
finally:
    os.remove(name)
