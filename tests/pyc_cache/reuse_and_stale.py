# The compiled-module cache: an import writes __pycache__/NAME.<cache_tag>.pyc; a later
# import of an unchanged source (same mtime and size) runs the cached code even though
# the text changed; a different mtime or size makes the cache stale and recompiled.
import posix
import sys

from _cache_probe import Scratch, exists

SCRATCH = Scratch(__file__, '_gen_reuse', 'reuse_mod')
ROOT = SCRATCH.root
SOURCE = SCRATCH.source
CACHE = SCRATCH.cache
STAMP = 1_600_000_000


def write_source(text, mtime):
    with open(SOURCE, 'w') as f:
        f.write(text)
    posix.utime(SOURCE, (mtime, mtime))


def fresh_import():
    sys.modules.pop('reuse_mod', None)
    import reuse_mod
    return reuse_mod


SCRATCH.clean()
posix.mkdir(ROOT)
sys.path.insert(0, ROOT)
try:
    print('dont_write_bytecode', sys.dont_write_bytecode)
    write_source('VALUE = "one"\n', STAMP)
    print('cache before import', exists(CACHE))
    m = fresh_import()
    print('first import', m.VALUE, 'cache written', exists(CACHE))
    print('__cached__ names it', m.__cached__ == CACHE)

    # Same size, same mtime: the cache is trusted, the new text is not read.
    write_source('VALUE = "two"\n', STAMP)
    print('same stamp', fresh_import().VALUE)

    # A newer mtime: stale, recompiled (and the cache rewritten).
    write_source('VALUE = "two"\n', STAMP + 10)
    print('newer mtime', fresh_import().VALUE)
    print('again', fresh_import().VALUE)

    # Same mtime, different size: stale too.
    write_source('VALUE = "three"\n', STAMP + 10)
    print('new size', fresh_import().VALUE)

    # A damaged cache file is ignored and replaced.
    with open(CACHE, 'wb') as f:
        f.write(b'\x00garbage')
    print('damaged cache', fresh_import().VALUE)
    print('same stamp after repair', fresh_import().VALUE)
finally:
    sys.path.remove(ROOT)
    SCRATCH.clean()
print('cleaned', exists(ROOT))
