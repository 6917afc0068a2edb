# print(file=...) into a text file, files closed when their last reference goes
# (a function's local), and open()'s argument type errors.
import posix
name = '_tmp_print_to_file.txt'
with open(name, 'w') as f:
    print('via print', 1, 2, file=f)
    print('second', file=f, end='!\n')
    print(file=f)
with open(name) as f:
    print(repr(f.read()))

def append_and_forget():
    g = open(name, 'a')
    g.write('written by a local that was never closed\n')

append_and_forget()
with open(name) as f:
    print(f.readlines())
for kwargs in [dict(encoding=5), dict(errors=5), dict(mode=5), dict(encoding='no-such-codec')]:
    try:
        open(name, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
posix.unlink(name)
