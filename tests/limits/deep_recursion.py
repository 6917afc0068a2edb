# Raising the recursion limit: deep Python recursion completes or raises
# RecursionError, never crashes the process.
import sys

print(sys.getrecursionlimit())
sys.setrecursionlimit(100000)
print(sys.getrecursionlimit())


def down(n):
    return 0 if n == 0 else 1 + down(n - 1)


print(down(50000))


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
try:
    sys.exit(3)
except SystemExit as e:
    print("exit code", e.code)
print(sys.exc_info())
