# Interrupted by SIGINT once it printed "ready" (see ../sigint.rs): uncaught, the
# traceback points at the loop and the process dies by the signal.
print("ready", flush=True)
n = 0
while True:
    n += 1
