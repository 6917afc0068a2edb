"""The standard library's source files, for the parse and compile benchmarks.

Both interpreters read the same files: the reference's lib/python3.14 (adder's
sys.path ends with it). Test suites are skipped so that a run takes about a second.
The walk uses the `posix` module directly (what `os` is built on), which adder
provides natively while it cannot import all of `os` yet. Symbolic links are skipped.
"""
import sys

import posix

SKIPPED_DIRS = {"test", "tests", "idle_test", "__pycache__", "site-packages"}
DIRECTORY = 0o040000
REGULAR = 0o100000
FILE_TYPE = 0o170000


def stdlib_root():
    """The directory holding the pure-Python standard library."""
    if len(sys.argv) > 1:
        return sys.argv[1]
    for entry in sys.path:
        if entry.rstrip("/").endswith("python3.14"):
            return entry
    raise SystemExit("no lib/python3.14 on sys.path")


def python_files(root):
    """Every .py file under `root` (test suites skipped), sorted."""
    found = []
    pending = [root]
    while pending:
        directory = pending.pop()
        for name in sorted(posix.listdir(directory)):
            path = directory + "/" + name
            kind = posix.lstat(path).st_mode & FILE_TYPE
            if kind == DIRECTORY and name not in SKIPPED_DIRS:
                pending.append(path)
            elif kind == REGULAR and name.endswith(".py"):
                found.append(path)
    return sorted(found)


def read_sources():
    """(path, bytes) for every file, read before any timing starts."""
    sources = []
    for path in python_files(stdlib_root()):
        with open(path, "rb") as f:
            sources.append((path, f.read()))
    return sources
