# Misuse of _thread locks raises CPython's exceptions (no crash).
import _thread

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

L = _thread.allocate_lock
show(lambda: type(L()).__exit__())
show(lambda: type(_thread.RLock()).__exit__())
show(lambda: L().release())
show(lambda: L().__exit__(None, None, None))
show(lambda: _thread.RLock().release())
show(lambda: _thread.RLock().__exit__(None, None, None))
show(lambda: L().acquire(timeout=-2))
show(lambda: L().acquire(False, 1))
show(lambda: L().acquire(timeout=float('inf')))
show(lambda: L().acquire(timeout=float('nan')))
show(lambda: L().acquire(timeout="x"))
show(lambda: _thread._ThreadHandle().join())
show(lambda: _thread.start_new_thread(print, [1]))
show(lambda: _thread.start_new_thread(print, (1,), [1]))
h = _thread._make_thread_handle(_thread.get_ident())
show(lambda: h.join())
lock = L()
with lock:
    print(lock.locked())
print(lock.locked())
