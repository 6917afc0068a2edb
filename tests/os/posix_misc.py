# posix odds and ends: fspath, strerror, environ, uname, cwd, umask, errno names,
# stat_result as a struct sequence, argument errors.
import posix, errno

class P:
    def __fspath__(self):
        return 'from-fspath'

print(posix.fspath('s'), posix.fspath(b'b'), posix.fspath(P()))
for bad in [1, None, [1]]:
    try:
        posix.fspath(bad)
    except TypeError as e:
        print(e)
print(posix.strerror(errno.ENOENT), '|', posix.strerror(errno.EACCES))
print(type(posix.environ), all(isinstance(k, bytes) for k in posix.environ))
posix.putenv('ADDER_IO_TEST', 'value')
posix.unsetenv('ADDER_IO_TEST')
print(posix.uname().sysname, len(posix.uname()), type(posix.uname()).__name__)
print(posix.getcwd() == posix.getcwdb().decode(), posix.getpid() > 0, posix.cpu_count() > 0)
old = posix.umask(0o22)
print(posix.umask(old) == 0o22)
print(len(posix.urandom(16)), posix.urandom(0))
print(errno.errorcode[errno.ENOENT], errno.EWOULDBLOCK == errno.EAGAIN, len(errno.errorcode))
st = posix.stat_result(range(10))
print(st)
print(st.st_mode, st.st_size, st[9], st.st_atime, posix.stat_result.n_sequence_fields)
print(posix.stat_result.__match_args__)
try:
    posix.stat_result((1, 2))
except TypeError as e:
    print(e)
try:
    posix.stat()
except TypeError as e:
    print(e)
try:
    posix.stat('.', bogus=1)
except TypeError as e:
    print(e)
print(posix.O_RDONLY, posix.O_WRONLY, posix.O_RDWR, 2, posix.F_OK, posix.W_OK)
