# queue.Queue between producer and consumer threads; Condition, Event and Barrier.
import threading, queue

q = queue.Queue(maxsize=3)
consumed = []
def producer(start):
    for i in range(start, start + 10):
        q.put(i)
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        consumed.append(item * 2)
        q.task_done()
producers = [threading.Thread(target=producer, args=(s,)) for s in (0, 100)]
consumers = [threading.Thread(target=consumer) for _ in range(2)]
for t in producers + consumers: t.start()
for t in producers: t.join()
q.join()
for _ in consumers: q.put(None)
for t in consumers: t.join()
print(sorted(consumed))
print(q.empty(), q.qsize())

# Condition: a waiter woken by notify once the predicate holds.
cond = threading.Condition()
state = []
def waiter():
    with cond:
        cond.wait_for(lambda: len(state) == 3)
        state.append("seen")
t = threading.Thread(target=waiter); t.start()
for i in range(3):
    with cond:
        state.append(i)
        cond.notify_all()
t.join()
print(state)

# Event: set by another thread; wait with a timeout that expires.
ev = threading.Event()
print(ev.wait(0.01))
threading.Thread(target=ev.set).start()
print(ev.wait(5), ev.is_set())

# Barrier: every party passes together; exactly one gets index 0.
barrier = threading.Barrier(3)
indices = []
lock = threading.Lock()
def party():
    i = barrier.wait()
    with lock:
        indices.append(i)
ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(indices))

# queue.Queue.get with a timeout raises Empty.
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty")
