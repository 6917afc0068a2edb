# gc.collect() in the main thread finds cycles made by other threads (one collector
# for all threads), and finalizers of objects a thread drops run.
import threading, gc, weakref

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)

refs = []
def make_cycle(name):
    a, b = Node(name + "a"), Node(name + "b")
    a.other, b.other = b, a
    refs.append(weakref.ref(a))

gc.disable()
t = threading.Thread(target=make_cycle, args=("t1",)); t.start(); t.join()
print("alive before collect:", refs[0]() is not None)
found = gc.collect()
print("collected:", found >= 2, "alive after:", refs[0]() is not None)

def drop_in_thread():
    n = Node("plain")
    del n
    print("after del in thread")
t = threading.Thread(target=drop_in_thread); t.start(); t.join()

# The collector also runs while other threads hold objects in their frames.
hold = threading.Event()
done = threading.Event()
def holder():
    x = Node("held")
    x.other = x
    hold.set()
    done.wait()
    print("holder still has", x.name)
t = threading.Thread(target=holder); t.start()
hold.wait()
gc.collect()
done.set()
t.join()
gc.collect()
gc.enable()
print("end")
