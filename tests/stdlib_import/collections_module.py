# collections: namedtuple, OrderedDict, Counter, ChainMap, defaultdict, deque.
from collections import namedtuple, OrderedDict, Counter, ChainMap, defaultdict, deque

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x + p.y, p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]))
print(Point.__module__, Point.__doc__, isinstance(p, tuple))
x, y = p
print(x, y, p == (1, 2), hash(p) == hash((1, 2)))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0])
print(P3(1, 2), P3._field_defaults)
try:
    namedtuple("Bad", "a a")
except ValueError as e:
    print("ValueError", e)

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od.move_to_end("b")
print(od, list(od), od.popitem(last=False))

c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements())[:4])
c.update("aaz")
print(c["a"], c["z"], (c + Counter("zz"))["z"], sorted((c - Counter(a=10)).items()))
print(Counter(a=3, b=1) & Counter(a=1, b=2), Counter(a=1) | Counter(b=2))

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.new_child({"c": 4})["c"], cm.parents)

dd = defaultdict(list)
dd["k"].append(1)
print(dd, dict(dd))
dq = deque([1, 2, 3], maxlen=3)
dq.append(4)
print(dq, dq.popleft())
