# Helper for import_lock.py: a module whose code lets other threads run halfway.
import time

RUNS = globals().get("RUNS", 0) + 1
time.sleep(0.2)
READY = "complete"
