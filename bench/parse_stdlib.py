"""Parse every .py file of the standard library to AST objects.

compile(source, path, 'exec', PyCF_ONLY_AST) on each file of the standard library
(see _stdlib_files.py: the same files for adder and CPython), in sorted order; files
the parser rejects are counted, not fatal. Prints the files, lines and parse time (to
stderr), then a checksum (statements at the top level of every module) that the
runner compares.
"""
import sys
import time

from _stdlib_files import read_sources

PyCF_ONLY_AST = 1024


def main():
    sources = read_sources()
    statements = rejected = lines = 0
    start = time.perf_counter()
    for path, source in sources:
        try:
            tree = compile(source, path, "exec", PyCF_ONLY_AST)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            rejected += 1
            continue
        statements += len(tree.body)
    elapsed = time.perf_counter() - start
    for _, source in sources:
        lines += source.count(b"\n")
    print(f"files {len(sources)} rejected {rejected} lines {lines}", file=sys.stderr)
    print(f"parse time {elapsed:.3f}s ({lines / elapsed:.0f} lines/s)", file=sys.stderr)
    print(f"checksum {statements} {rejected}")


if __name__ == "__main__":
    main()
