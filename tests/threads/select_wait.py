# select.select and poll.poll wait without the GIL: a thread waiting for a pipe to
# become readable does not stop the main thread that writes to it.
import os
import select
import threading

r, w = os.pipe()
seen = []


def wait_select():
    seen.append(("select", select.select([r], [], [], 10)[0] == [r]))


def wait_poll():
    p = select.poll()
    p.register(r, select.POLLIN)
    seen.append(("poll", [fd for fd, ev in p.poll(10_000)] == [r]))


for waiter in (wait_select, wait_poll):
    t = threading.Thread(target=waiter)
    t.start()
    os.write(w, b"x")
    t.join(10)
    print(t.is_alive(), seen[-1])
    os.read(r, 1)

p = select.poll()
p.register(r, select.POLLIN)
errors = []


def second_poll():
    try:
        p.poll(0)
    except RuntimeError as e:
        errors.append(str(e))


def long_poll():
    p.poll(5000)


t = threading.Thread(target=long_poll)
t.start()
import time

time.sleep(0.2)
second_poll()
os.write(w, b"y")
t.join(10)
print(errors)
os.close(r)
os.close(w)
