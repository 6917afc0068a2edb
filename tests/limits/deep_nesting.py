# Very deep containers: comparing and hashing raise RecursionError, and freeing them
# (lists, dicts, linked objects) never overflows the stack.
def nested_list(depth):
    x = []
    for _ in range(depth):
        x = [x]
    return x


a = nested_list(200000)
b = nested_list(200000)
try:
    a == b
except RecursionError as e:
    print("compare:", type(e).__name__)
t = ()
for _ in range(200000):
    t = (t,)
try:
    hash(t)
except RecursionError as e:
    print("hash:", type(e).__name__)


class Node:
    def __init__(self, nxt):
        self.next = nxt


head = None
for _ in range(300000):
    head = Node(head)
d = {}
for _ in range(300000):
    d = {"k": d}
del a, b, t, head, d
deep = nested_list(1000000)
deep = None
print("freed")
