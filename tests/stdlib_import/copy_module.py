# copy: shallow and deep copies, with cycles.
import copy

orig = {"a": [1, 2], "b": {"c": 3}}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["a"].append(9)
print(shallow["a"], deep["a"], deep == {"a": [1, 2], "b": {"c": 3}})

class Node:
    def __init__(self, v):
        self.v = v
        self.me = self
n2 = copy.deepcopy(Node(4))
print(n2.v, n2.me is n2)

