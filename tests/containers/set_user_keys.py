class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, P) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return "P(%d, %d)" % (self.x, self.y)
s = {P(1, 2), P(1, 2), P(3, 4)}
print(len(s), P(1, 2) in s, P(2, 1) in s)
print(sorted(s, key=lambda p: p.x))
class Same:
    def __hash__(self):
        return 7
    def __eq__(self, other):
        return False
print(len({Same(), Same(), Same()}))
class Bad:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        raise ValueError("no eq")
b = {Bad()}
try:
    Bad() in b
except ValueError as e:
    print("ValueError:", e)
print({1: "a"}.keys() & {P(0, 0), 1}, {-1, -2} | {-1})
