# open()'s argument checking and the errors of missing files and directories.
import posix
name = '_tmp_open_errors.txt'
with open(name, 'w') as f:
    f.write('x')
for mode in ['rz', 'rw', 'rbt', '', 'r+w', 'U', 'rU', 'tb', 'rr', 'xa']:
    try:
        open(name, mode)
    except Exception as e:
        print(repr(mode), type(e).__name__, e)
for kwargs in [dict(mode='rb', encoding='utf-8'), dict(mode='rb', errors='strict'),
               dict(mode='rb', newline=''), dict(mode='r', buffering=0),
               dict(mode='w', newline='x'), dict(mode='w', newline=5)]:
    try:
        open(name, **kwargs)
    except Exception as e:
        print(sorted(kwargs.items()), type(e).__name__, e)
for target in ['.', '_no_such_dir_/x', 1.5, None]:
    try:
        open(target)
    except Exception as e:
        print(type(e).__name__, e)
try:
    open(name, 'x')
except FileExistsError as e:
    print('x mode:', e.errno, e.strerror, e.filename)
f = open(name, 'rb')
f.close()
for op in [f.read, f.readline, lambda: f.write(b'')]:
    try:
        op()
    except ValueError as e:
        print('closed:', e)
t = open(name)
t.close()
try:
    t.read()
except ValueError as e:
    print('closed text:', e)
posix.unlink(name)
