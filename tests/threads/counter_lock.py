# Many threads incrementing shared counters under Lock and RLock: no update is lost,
# whatever the thread switches in between.
import threading, sys

sys.setswitchinterval(0.0001)
N, PER = 8, 2000
count = 0
lock = threading.Lock()
def inc():
    global count
    for _ in range(PER):
        with lock:
            value = count
            count = value + 1
ts = [threading.Thread(target=inc) for _ in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(count, count == N * PER)

rcount = 0
rlock = threading.RLock()
def inc_reentrant():
    global rcount
    for _ in range(PER // 4):
        with rlock:
            with rlock:
                rcount += 1
ts = [threading.Thread(target=inc_reentrant) for _ in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(rcount)

# A list appended to from several threads keeps every item.
items = []
def append_many(k):
    for i in range(500):
        items.append((k, i))
ts = [threading.Thread(target=append_many, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(items), sorted(items) == [(k, i) for k in range(4) for i in range(500)])

# Semaphore bounds the number of threads inside.
sem = threading.BoundedSemaphore(2)
inside = 0
most = 0
guard = threading.Lock()
def bounded():
    global inside, most
    with sem:
        with guard:
            inside += 1
            most = max(most, inside)
        for _ in range(2000):
            pass
        with guard:
            inside -= 1
ts = [threading.Thread(target=bounded) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print(most <= 2, inside)
