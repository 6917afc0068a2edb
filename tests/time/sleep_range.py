# sleep lengths are converted to nanoseconds (PyTime_t) before the sign check:
# what does not fit is an OverflowError, not an endless sleep.
import time
for s in (-1, -0.5, float('nan'), float('inf'), -float('inf'), 2**63, 1e300, 2**62,
          1e10, 9223372037, -2**70, -2**62, -1e10, 2**64, 0, 0.0, -0.0, 1e-300, 'x'):
    try:
        time.sleep(s)
        print('ok', s)
    except Exception as e:
        print(type(e).__name__, e)
