# Two threads importing the same module: the second waits for the first's import to
# end (per-module import lock) instead of running the module again or seeing it
# half-initialised.
import sys
import threading

seen = []


def importer():
    import _slow_module

    seen.append((_slow_module.RUNS, getattr(_slow_module, "READY", "missing")))


threads = [threading.Thread(target=importer) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(seen)
print(sys.modules["_slow_module"].RUNS)
