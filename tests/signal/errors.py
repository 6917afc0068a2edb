# Bad arguments to the signal functions: CPython's exceptions and messages.
import os
import signal


def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


for bad in [(0, signal.SIG_DFL), (65, 0), (9, 0), (2, 5), (2, "x"), ("x", 1), (2**70, 1)]:
    attempt(signal.signal, *bad)
attempt(signal.signal, signal.SIGUSR1, True)
attempt(signal.getsignal, 0)
attempt(signal.getsignal, -1)
attempt(signal.strsignal, 0)
attempt(signal.strsignal, 65)
attempt(signal.pthread_sigmask, 5, [])
attempt(signal.pthread_sigmask, 0, [0])
attempt(signal.pthread_sigmask, 0, [70])
attempt(signal.pthread_sigmask, 0, 5)
attempt(signal.pthread_sigmask, 0, ["a"])
attempt(signal.siginterrupt, 0, 1)
attempt(signal.siginterrupt, signal.SIGUSR1, 1)
attempt(signal.setitimer, 5, 1)
attempt(signal.getitimer, 5)
attempt(signal.default_int_handler)
attempt(signal.set_wakeup_fd, 999)
try:
    signal.setitimer(5, 1)
except signal.ItimerError as e:
    print(type(e), e.errno, isinstance(e, OSError))
r, w = os.pipe()
attempt(signal.set_wakeup_fd, w)
os.set_blocking(w, False)
attempt(signal.set_wakeup_fd, w, warn_on_full_buffer=False)
signal.signal(signal.SIGUSR1, lambda s, f: None)
signal.raise_signal(signal.SIGUSR1)
print(os.read(r, 10))
print(signal.set_wakeup_fd(-1) == w)
attempt(signal.set_wakeup_fd, -5)
