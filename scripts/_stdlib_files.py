"""What the stdlib expectation generators (scripts/gen_*_expectations.py) share: where
the repository and the reference's lib/python3.14 are, the list of files they cover,
the hash they write, and how they format an error. The Rust sweeps reading their
output share the same definitions in crates/testsupport.

Files whose names start with `_` here are helpers, not scripts to run.
"""
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = os.path.join(sys.prefix, "lib", "python3.14")

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK = (1 << 64) - 1


def fnv1a64(text):
    """FNV-1a 64 over the UTF-8 bytes (lone surrogates encoded as surrogatepass)."""
    h = FNV_OFFSET
    for byte in text.encode("utf-8", "surrogatepass"):
        h = ((h ^ byte) * FNV_PRIME) & MASK
    return h


def python_files():
    """Every `.py` file under LIB (standard library and test suite), relative to LIB
    and sorted; dangling symlinks are skipped."""
    found = []
    for root, dirs, files in os.walk(LIB):
        dirs.sort()
        for name in files:
            path = os.path.join(root, name)
            if name.endswith(".py") and os.path.isfile(path):
                found.append(os.path.relpath(path, LIB))
    return sorted(found)


def error_line(e):
    """`Kind|msg|lineno|offset|end_lineno|end_offset` for a file the reference rejects;
    errors other than SyntaxError (ValueError, MemoryError, RecursionError) carry no
    location."""
    if isinstance(e, SyntaxError):
        return f"{type(e).__name__}|{e.msg}|{e.lineno}|{e.offset}|{e.end_lineno}|{e.end_offset}"
    return f"{type(e).__name__}|{e}|0|0|0|0"
