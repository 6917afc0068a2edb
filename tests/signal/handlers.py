# Python signal handlers run at the next instruction boundary after the signal.
import os
import signal

print(signal.getsignal(signal.SIGINT))
print(signal.getsignal(signal.SIGUSR1))
print(signal.SIGINT, repr(signal.SIGTERM), signal.Signals(15))
print(signal.Handlers.SIG_DFL, signal.Sigmasks.SIG_BLOCK)

got = []


def record(sig, frame):
    got.append((sig, type(frame).__name__))


old = signal.signal(signal.SIGUSR1, record)
print(old, signal.getsignal(signal.SIGUSR1) is record)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(100):
    pass
print(got)
signal.raise_signal(signal.SIGUSR1)
print(got)


def boom(sig, frame):
    raise ValueError("from handler %d" % sig)


signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
except ValueError as e:
    print("caught", e)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    while True:
        pass
except ValueError as e:
    print("caught in loop", e)
print(signal.signal(signal.SIGUSR2, signal.SIG_IGN) is boom)
signal.raise_signal(signal.SIGUSR2)
print(signal.getsignal(signal.SIGUSR2))
print(signal.signal(signal.SIGUSR2, signal.SIG_DFL))

try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
signal.signal(signal.SIGINT, lambda s, f: print("own SIGINT handler", s))
os.kill(os.getpid(), signal.SIGINT)
for i in range(10):
    pass
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("default_int_handler raises")
