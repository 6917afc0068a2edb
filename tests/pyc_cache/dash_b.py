# -B: sys.dont_write_bytecode starts True and imports write no cache file,
# until the program sets the flag back to False.
import _cache_probe


def load():
    import dashb_mod
    return dashb_mod


_cache_probe.dont_write_then_write(__file__, '_gen_dash_b', 'dashb_mod', load)
