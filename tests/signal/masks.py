# Blocking signals, pending sets, strsignal, valid_signals, timers.
import os
import signal
import threading

got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print(old)
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.sigpending(), got)
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1]), got)
print(signal.pthread_sigmask(signal.SIG_BLOCK, []))

signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR2})
signal.pthread_kill(threading.get_ident(), signal.SIGUSR2)
print(signal.sigwait([signal.SIGUSR2]))
signal.pthread_sigmask(signal.SIG_SETMASK, [])

print(signal.strsignal(signal.SIGTERM), signal.strsignal(40), signal.strsignal(32))
valid = signal.valid_signals()
print(len(valid), sorted(valid)[:3], type(sorted(valid)[0]).__name__)
print(signal.alarm(0), signal.getitimer(signal.ITIMER_REAL))
print(signal.NSIG, signal.SIG_DFL, signal.SIG_IGN, signal.SIGRTMIN, signal.SIGRTMAX)

signal.signal(signal.SIGALRM, lambda s, f: print("alarm", s))
signal.setitimer(signal.ITIMER_REAL, 0.3)
value, interval = signal.getitimer(signal.ITIMER_REAL)
print(0 < value <= 0.3, interval)
signal.pause()
print(signal.setitimer(signal.ITIMER_REAL, 0))
