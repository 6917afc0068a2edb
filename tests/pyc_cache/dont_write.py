# sys.dont_write_bytecode = True: imports still work but write no cache file;
# setting it back to False writes the cache on the next import.
import _cache_probe


def load():
    import nowrite_mod
    return nowrite_mod


_cache_probe.dont_write_then_write(__file__, '_gen_dont_write', 'nowrite_mod', load)
