# Directories through posix: mkdir/listdir/scandir/rename/replace/rmdir/unlink,
# stat results, and the errors with file names.
import posix
base = '_tmp_posix_dirs'
posix.mkdir(base)
posix.mkdir(base + '/sub', 0o755)
for n in ['b.txt', 'a.txt']:
    fd = posix.open(base + '/' + n, posix.O_WRONLY | posix.O_CREAT)
    posix.write(fd, n.encode())
    posix.close(fd)
print(sorted(posix.listdir(base)), sorted(posix.listdir(base.encode())))
entries = sorted(posix.scandir(base), key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.stat().st_size if e.is_file() else '-')
print(posix.fspath(entries[0]), type(entries[0]).__name__)
with posix.scandir(base) as it:
    print(sorted(e.name for e in it))
print(sorted(e.path for e in posix.scandir(base.encode())))
posix.rename(base + '/a.txt', base + '/c.txt')
posix.replace(base + '/b.txt', base + '/c.txt')
print(sorted(posix.listdir(base)))
st = posix.stat(base + '/c.txt')
print(st.st_size, st[6], len(st), type(st).__name__, st.st_mode & 0o170000 == 0o100000)
print(posix.access(base, posix.F_OK), posix.access(base + '/nope', posix.F_OK))
for call in [lambda: posix.mkdir(base), lambda: posix.rmdir(base), lambda: posix.listdir(base + '/c.txt'),
             lambda: posix.stat(base + '/missing'), lambda: posix.rename(base + '/x', base + '/y'),
             lambda: posix.unlink(base + '/sub'), lambda: posix.rmdir(base + '/missing')]:
    try:
        call()
    except OSError as e:
        print(type(e).__name__, str(e).replace(base, 'BASE'))
posix.unlink(base + '/c.txt')
posix.rmdir(base + '/sub')
posix.rmdir(base)
print(base in posix.listdir('.'))
