# C int arguments (modes, masks, pids, signals, error codes) outside the C int range
# are OverflowErrors, never truncated; utime timestamps are range-checked.
import posix
d = 'posix_c_int_args.tmp'
open(d, 'w').close()

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok' if r is None else r)
    except Exception as e:
        print(type(e).__name__, e)

for m in (2**32 + 0o644, -2**31 - 1, 2**63):
    t(posix.chmod, d, m)
    t(posix.umask, m)
    t(posix.mkdir, d + '.dir', m)
    t(posix.access, d, m)
    t(posix.open, d, m)
    t(posix.strerror, m)
    t(posix.kill, m, 0)
    t(posix.kill, posix.getpid(), m)
    t(posix.waitpid, m, 0)
    t(posix.waitstatus_to_exitcode, m)
    t(posix._exit, m)
for times in [(1e300, 2), (float('nan'), 1), (2**70, 1), (1, -1e300), [1, 2], (1, 2, 3), 5]:
    t(posix.utime, d, times)
t(posix.utime, d, ns=[1, 2])
t(posix.utime, d, (5, 6.5))
st = posix.stat(d)
print(st.st_atime, st.st_mtime, st.st_mtime_ns)
posix.unlink(d)
try:
    posix.rmdir(d + '.dir')  # only if a mode was wrongly accepted
except OSError:
    pass
