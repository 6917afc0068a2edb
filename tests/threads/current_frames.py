# sys._current_frames(): the innermost frame of every thread, by thread ident,
# including threads blocked without the GIL.
import sys
import threading

ready = threading.Event()
release = threading.Event()


def worker_function():
    ready.set()
    release.wait(10)


t = threading.Thread(target=worker_function)
t.start()
ready.wait(10)
frames = sys._current_frames()
main = threading.main_thread().ident
print(type(frames).__name__, sorted(frames) == sorted([main, t.ident]))
print(frames[main].f_code.co_name, frames[main].f_lineno)
f = frames[t.ident]
print(f.f_code.co_name in ("wait", "worker_function"), f.f_globals is not None)
release.set()
t.join()
print(list(sys._current_frames()) == [main])
try:
    sys._current_frames(1)
except TypeError as e:
    print(e)
