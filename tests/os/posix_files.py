# File descriptors through posix (what os re-exports): open/read/write/lseek/close,
# fstat, dup, pipe, isatty, truncate, and the OSErrors of bad descriptors.
import posix
name = '_tmp_posix_files.bin'
fd = posix.open(name, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
print(posix.write(fd, b'hello world\n'), posix.lseek(fd, 0, 1))
print(posix.fstat(fd).st_size, posix.get_inheritable(fd), posix.get_blocking(fd))
posix.ftruncate(fd, 5)
posix.close(fd)
fd = posix.open(name, posix.O_RDONLY)
print(posix.read(fd, 3), posix.read(fd, 100), posix.read(fd, 100))
print(posix.lseek(fd, 1, 0), posix.read(fd, 2), posix.lseek(fd, -1, 2))
fd2 = posix.dup(fd)
print(fd2 != fd, posix.read(fd2, 10), posix.isatty(fd))
posix.close(fd2)
posix.close(fd)
r, w = posix.pipe()
print(posix.write(w, b'through the pipe'), posix.read(r, 7), posix.read(r, 100))
posix.close(r)
posix.close(w)
for call in [lambda: posix.close(fd), lambda: posix.read(fd, 1), lambda: posix.fstat(fd),
             lambda: posix.write(fd, b'x'), lambda: posix.lseek(fd, 0, 0)]:
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)
try:
    posix.read(0, -1)
except OSError as e:
    print(type(e).__name__, e)
try:
    posix.write(1, 'text')
except TypeError as e:
    print(e)
posix.truncate(name, 2)
print(posix.stat(name).st_size)
posix.unlink(name)
