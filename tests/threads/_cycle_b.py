# Helper for import_deadlock.py.
import time

time.sleep(0.3)
import _cycle_a

FROM_A = getattr(_cycle_a, "DONE", "partial")
DONE = "b done"
