# Lock and RLock semantics across threads: blocking, timeouts, ownership.
import threading, _thread, time

lock = threading.Lock()
lock.acquire()
got = []
def try_take():
    got.append(lock.acquire(timeout=0.02))
    got.append(lock.acquire(blocking=False))
t = threading.Thread(target=try_take); t.start(); t.join()
print(got)

# A lock may be released by another thread than the one that took it.
def release_it():
    lock.release()
t = threading.Thread(target=release_it); t.start(); t.join()
print(lock.locked())

# A blocked acquire finishes once another thread releases.
lock.acquire()
order = []
def waiter():
    with lock:
        order.append("waiter got it")
t = threading.Thread(target=waiter); t.start()
time.sleep(0.02)
order.append("main releases")
lock.release()
t.join()
print(order)

# RLock: only the owner may release; a second thread waits for the full release.
r = threading.RLock()
r.acquire(); r.acquire()
errors = []
def foreign_release():
    try:
        r.release()
    except RuntimeError as e:
        errors.append(str(e))
    errors.append(r.acquire(timeout=0.01))
t = threading.Thread(target=foreign_release); t.start(); t.join()
print(errors)
print(repr(r).split(" at ")[0].replace(str(threading.get_ident()), "ME"))
r.release(); r.release()
print(repr(r).split(" at ")[0])

# Argument errors.
for args, kwargs in [((False, 1), {}), ((True, -2), {}), ((), {"timeout": "x"})]:
    try:
        threading.Lock().acquire(*args, **kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    threading.Lock().release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    _thread.RLock().release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(_thread.TIMEOUT_MAX == threading.TIMEOUT_MAX)
