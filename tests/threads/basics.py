# Starting and joining threads: results, identity, liveness, names, counts.
import threading, _thread, time

results = []
def work(n, out):
    out.append(n * n)

threads = [threading.Thread(target=work, args=(i, results)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print([t.is_alive() for t in threads])
print([t.name for t in threads])

# Every thread has its own ident, different from the main thread's.
idents = {}
all_running = threading.Barrier(3)
def record(key):
    idents[key] = (threading.get_ident(), threading.current_thread().name)
    all_running.wait()  # idents are unique among running threads only
ts = [threading.Thread(target=record, args=(k,), name=f"worker-{k}") for k in "abc"]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(name for _, name in idents.values()))
print(len({i for i, _ in idents.values()} | {threading.get_ident()}))
print(all(t.ident == idents[k][0] for t, k in zip(ts, "abc")))
print(threading.main_thread() is threading.current_thread())
print(threading.current_thread().name)

# is_alive while running; join with a timeout; active_count and _count.
go = threading.Event()
t = threading.Thread(target=go.wait, daemon=True)
t.start()
print(t.is_alive(), t.daemon, threading.active_count(), _thread._count())
t.join(0.01)
print(t.is_alive())
go.set()
t.join()
print(t.is_alive(), threading.active_count(), _thread._count())

# Errors.
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print("RuntimeError:", e)

# _thread.start_new_thread returns the ident the thread sees.
seen = []
done = _thread.allocate_lock()
done.acquire()
def low(a, b=0):
    seen.append((a, b, _thread.get_ident()))
    done.release()
ident = _thread.start_new_thread(low, (1,), {"b": 2})
done.acquire()
print(seen[0][:2], seen[0][2] == ident)

# The thread's return value is ignored; a subclass's run() is what runs.
class Worker(threading.Thread):
    def run(self):
        self.value = sum(range(100))
w = Worker(); w.start(); w.join()
print(w.value)
