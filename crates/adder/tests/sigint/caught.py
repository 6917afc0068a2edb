# Interrupted by SIGINT once it printed "ready" (see ../sigint.rs): the
# KeyboardInterrupt raised in the loop is caught like any exception.
print("ready", flush=True)
def f():
    pass
try:
    while True:
        f()
except KeyboardInterrupt as e:
    print("caught", type(e).__name__, e.args)
