import sys
sys.setrecursionlimit(60)

def recurse(n):
    return recurse(n + 1)

recurse(0)
