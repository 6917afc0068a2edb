# A signal during time.sleep runs its Python handler at once; the sleep then goes on
# to its deadline, unless the handler raises (KeyboardInterrupt here), which ends it.
import signal, time
calls = []
def handler(signum, frame):
    calls.append(signum)
signal.signal(signal.SIGALRM, handler)
start = time.monotonic()
signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(0.3)
print("handled during sleep:", calls == [signal.SIGALRM], "slept fully:", time.monotonic() - start >= 0.3)
def raiser(signum, frame):
    raise KeyboardInterrupt("from alarm")
signal.signal(signal.SIGALRM, raiser)
start = time.monotonic()
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    time.sleep(10)
except KeyboardInterrupt as e:
    print("interrupted:", e, time.monotonic() - start < 5)
