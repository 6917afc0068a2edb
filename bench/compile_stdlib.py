"""Compile the standard library's modules to code objects in memory.

compile(source, path, 'exec') on every .py file of the standard library (see
_stdlib_files.py: the same files for adder and CPython, test suites skipped), in sorted
order; files the compiler rejects are counted, not fatal. Prints the files, lines and
compile time (to stderr), then a checksum (the number of code objects, nested ones
included) that the runner compares.
"""
import sys
import time

from _stdlib_files import read_sources




def count_code_objects(code):
    count = 1
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            count += count_code_objects(const)
    return count


def main():
    sources = read_sources()
    compiled = []
    rejected = lines = 0
    start = time.perf_counter()
    for path, source in sources:
        try:
            compiled.append(compile(source, path, "exec", dont_inherit=True))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            rejected += 1
    elapsed = time.perf_counter() - start
    for _, source in sources:
        lines += source.count(b"\n")
    code_objects = sum(count_code_objects(code) for code in compiled)
    print(f"files {len(sources)} rejected {rejected} lines {lines}", file=sys.stderr)
    print(f"compile time {elapsed:.3f}s ({lines / elapsed:.0f} lines/s)", file=sys.stderr)
    print(f"checksum {len(compiled)} {rejected} {code_objects}")


if __name__ == "__main__":
    main()
