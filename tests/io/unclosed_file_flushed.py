# A file written and never closed still gets its data at exit (CPython finalizes
# it); a second run of the reading half checks it in the same process's atexit.
import atexit, posix
name = '_tmp_unclosed_file.txt'
def check():
    with open(name) as f:
        print('at exit:', repr(f.read()))
    posix.unlink(name)
atexit.register(check)
f = open(name, 'w')
f.write('kept\n')
def keep_alive():
    return f
print('program ends')
