# Helpers for the pyc_cache tests (not a test itself): a scratch directory beside the
# test holding one module and its cache file, and the dont_write_bytecode scenario
# that dont_write.py (flag set at run time) and dash_b.py (flag set by -B) share.
import posix
import sys


def exists(path):
    try:
        posix.stat(path)
        return True
    except FileNotFoundError:
        return False


class Scratch:
    """DIRNAME beside the test file, holding MODULE.py and its __pycache__ entry."""

    def __init__(self, test_file, dirname, module):
        self.module = module
        self.root = (test_file.rpartition('/')[0] or '.') + '/' + dirname
        self.source = self.root + '/' + module + '.py'
        self.pycache = self.root + '/__pycache__'
        self.cache = (self.pycache + '/' + module + '.'
                      + sys.implementation.cache_tag + '.pyc')

    def clean(self):
        for path in (self.cache, self.source):
            if exists(path):
                posix.remove(path)
        for path in (self.pycache, self.root):
            if exists(path):
                posix.rmdir(path)


def dont_write_then_write(test_file, dirname, module, load):
    """Imports with sys.dont_write_bytecode True write no cache (nor __pycache__);
    after setting it back to False, the next import writes the cache. `load()` is
    the test's own `import MODULE` statement, returning the module."""
    scratch = Scratch(test_file, dirname, module)
    scratch.clean()
    posix.mkdir(scratch.root)
    with open(scratch.source, 'w') as f:
        f.write('def answer():\n    return 42\n')
    sys.path.insert(0, scratch.root)
    try:
        print('flag at start', sys.dont_write_bytecode)
        sys.dont_write_bytecode = True
        imported = load()
        print('imported', imported.answer())
        print('cache written', exists(scratch.cache),
              '__pycache__ made', exists(scratch.pycache))
        sys.dont_write_bytecode = False
        del sys.modules[module]
        imported = load()
        print('imported again', imported.answer())
        print('cache written', exists(scratch.cache))
    finally:
        sys.path.remove(scratch.root)
        scratch.clean()
    print('cleaned', exists(scratch.root))
