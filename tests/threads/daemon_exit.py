# At exit the interpreter waits for non-daemon threads (their output comes after the
# main module's last line), while daemon threads still blocked are abandoned.
import threading, time

never = threading.Event()
def daemon_forever():
    print("daemon started", flush=True)
    never.wait()
    print("never printed")
def daemon_busy():
    while True:
        pass

started = threading.Event()
release = threading.Event()
def late():
    started.set()
    release.wait()
    time.sleep(0.05)
    print("non-daemon finished after main")

d = threading.Thread(target=daemon_forever, daemon=True)
d.start()
threading.Thread(target=daemon_busy, daemon=True).start()
t = threading.Thread(target=late)
t.start()
started.wait()
release.set()
import atexit
atexit.register(print, "atexit runs after the non-daemon thread")
print("main done", d.is_alive())
