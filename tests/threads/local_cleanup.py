# threading.local: a thread's namespace is freed when the thread ends, before join()
# returns: the values' __del__ and weakref callbacks run then (as in CPython).
import threading
import weakref

events = []


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        events.append("del " + self.name)


data = threading.local()
data.value = Resource("main")


def worker(name):
    data.value = Resource(name)
    data.other = [1, 2, 3]
    events.append("set " + name)


for name in ("A", "B"):
    t = threading.Thread(target=worker, args=(name,))
    t.start()
    t.join()
    events.append("joined " + name)
print(events)
print(data.value.name, hasattr(data, "other"))

refs = []


class Token:
    pass


def keep(name):
    tok = Token()
    data.token = tok
    refs.append(weakref.ref(tok, lambda r: events.append("callback " + name)))


events.clear()
t = threading.Thread(target=keep, args=("C",))
t.start()
t.join()
print(events, refs[0]() is None)


def creates_local():
    own = threading.local()
    own.value = Resource("own")
    own2 = own
    global saved
    saved = own2


events.clear()
t = threading.Thread(target=creates_local)
t.start()
t.join()
print(events, hasattr(saved, "value"))
saved.value = Resource("main-own")
print(saved.value.name)
