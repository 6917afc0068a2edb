# Helper for import_deadlock.py.
import time

time.sleep(0.2)
import _cycle_b

FROM_B = getattr(_cycle_b, "DONE", "partial")
DONE = "a done"
