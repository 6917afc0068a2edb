# threading.local: every thread sees its own attributes; a subclass's __init__ runs
# again, with the construction arguments, in each thread that uses the object.
import threading

data = threading.local()
data.x = "main"
out = {}
def worker(n):
    out[n] = [hasattr(data, "x"), data.__dict__.copy()]
    data.x = n
    data.y = n * 10
    out[n].append((data.x, data.y))
ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
for n in sorted(out):
    print(n, out[n])
print(data.x, hasattr(data, "y"), data.__dict__)

class Counter(threading.local):
    inits = []
    def __init__(self, start, step=1):
        Counter.inits.append(threading.current_thread().name)
        self.value = start
        self.step = step
    def bump(self):
        self.value += self.step
        return self.value

c = Counter(100, step=5)
c.bump()
results = {}
def use(name):
    results[name] = (c.bump(), c.bump())
for name in ["A", "B"]:
    t = threading.Thread(target=use, args=(name,), name=name)
    t.start(); t.join()
print(results, c.value)
print(Counter.inits)

try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
try:
    data.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
del data.x
print(hasattr(data, "x"))
