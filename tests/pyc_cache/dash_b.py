# -B: sys.dont_write_bytecode starts True and imports write no cache file,
# until the program sets the flag back to False.
import posix
import sys

HERE = __file__.rpartition('/')[0] or '.'
ROOT = HERE + '/_gen_dash_b'
SOURCE = ROOT + '/dashb_mod.py'
PYCACHE = ROOT + '/__pycache__'
CACHE = PYCACHE + '/dashb_mod.' + sys.implementation.cache_tag + '.pyc'


def exists(path):
    try:
        posix.stat(path)
        return True
    except FileNotFoundError:
        return False


def clean():
    for path in (CACHE, SOURCE):
        if exists(path):
            posix.remove(path)
    for path in (PYCACHE, ROOT):
        if exists(path):
            posix.rmdir(path)


clean()
posix.mkdir(ROOT)
with open(SOURCE, 'w') as f:
    f.write('def answer():\n    return 42\n')
sys.path.insert(0, ROOT)
try:
    print('flag at start', sys.dont_write_bytecode)
    sys.dont_write_bytecode = True
    import dashb_mod
    print('imported', dashb_mod.answer())
    print('cache written', exists(CACHE), '__pycache__ made', exists(PYCACHE))
    sys.dont_write_bytecode = False
    del sys.modules['dashb_mod']
    import dashb_mod
    print('imported again', dashb_mod.answer())
    print('cache written', exists(CACHE))
finally:
    sys.path.remove(ROOT)
    clean()
print('cleaned', exists(ROOT))
