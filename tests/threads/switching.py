# The GIL changes hands while threads run pure Python: a thread spinning on a flag
# that only another thread sets still finishes; sys.setswitchinterval.
import threading, sys

print(sys.getswitchinterval())
flag = []
def spin():
    n = 0
    while not flag:
        n += 1
    print("spinner saw the flag")
def setter():
    flag.append(1)
t1 = threading.Thread(target=spin)
t1.start()
t2 = threading.Thread(target=setter)
t2.start()
t1.join(); t2.join()

# Two busy threads both make progress.
progress = [0, 0]
stop = []
def busy(i):
    while not stop:
        progress[i] += 1
ts = [threading.Thread(target=busy, args=(i,)) for i in range(2)]
for t in ts: t.start()
while not (progress[0] > 1000 and progress[1] > 1000):
    pass
stop.append(1)
for t in ts: t.join()
print("both progressed")

sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(1e-12)
print(sys.getswitchinterval())
for bad in (0, -1.5, "x"):
    try:
        sys.setswitchinterval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    sys.getswitchinterval(1)
except TypeError as e:
    print("TypeError:", e)
sys.setswitchinterval(0.005)
