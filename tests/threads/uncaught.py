# An exception that escapes a thread: threading.excepthook's report, a custom hook,
# SystemExit ignored, and _thread.start_new_thread's unraisable report.
import threading, _thread, sys

def fails():
    raise ValueError("bad value")

t = threading.Thread(target=fails)
t.start(); t.join()
print("after first", t.is_alive())

def named():
    {}["missing"]
t = threading.Thread(target=named, name="custom")
t.start(); t.join()

class Sub(threading.Thread):
    def run(self):
        1 / 0
s = Sub(); s.start(); s.join()

def exits():
    sys.exit(3)
t = threading.Thread(target=exits); t.start(); t.join()
print("SystemExit was silent")

seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
threading.excepthook = hook
t = threading.Thread(target=fails, name="hooked"); t.start(); t.join()
print(seen)
threading.excepthook = threading.__excepthook__

lock = _thread.allocate_lock()
lock.acquire()
class Low:
    def __repr__(self):
        return "<Low>"
    def __call__(self):
        try:
            raise KeyError("low-level")
        finally:
            lock.release()
_thread.start_new_thread(Low(), ())
lock.acquire()
import time
time.sleep(0.1)
print("end", file=sys.stderr)
