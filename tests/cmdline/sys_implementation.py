# sys.implementation names adder; everything else about the interpreter is Python 3.14.
import sys

print(sys.version_info[:2] == (3, 14), sys.implementation.name in ("cpython", "adder"))
print(type(sys.argv), len(sys.argv), sys.argv[0])
