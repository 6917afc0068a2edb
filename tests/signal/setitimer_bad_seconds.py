# signal.setitimer with NaN/infinite/huge seconds:
# CPython's errors.
import signal

for seconds in [float("nan"), float("inf"), -float("inf"), 1e300]:
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    except Exception as e:
        print(type(e).__name__, e)
print(signal.setitimer(signal.ITIMER_REAL, 0))
