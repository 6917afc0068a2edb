# _thread's functions check their arguments as CPython's: thread idents are unsigned
# C integers (no wrap-around of -1), no-argument functions say so, stack sizes are
# C ssize_t values, lock timeouts are checked.
import _thread

for v in (-1, 2**64, 2**63, 0, 1.5, "x", None, True):
    try:
        h = _thread._make_thread_handle(v)
        print(repr(v), type(h).__name__, h.ident == v)
    except Exception as e:
        print(repr(v), type(e).__name__, e)
for name in ("get_ident", "get_native_id", "_get_main_thread_ident", "_count",
             "allocate_lock", "daemon_threads_allowed", "_shutdown",
             "_is_main_interpreter", "exit"):
    try:
        getattr(_thread, name)(1, 2)
    except TypeError as e:
        print(name, e)
for args in [(-1,), (1,), (2**70,), (1.5,), (1, 2)]:
    try:
        _thread.stack_size(*args)
    except Exception as e:
        print(args, type(e).__name__, e)
print(_thread.stack_size(0), _thread.stack_size(1 << 20), _thread.stack_size())
_thread.stack_size(0)
lock = _thread.allocate_lock()
for args in [(True, -2), (True, 2**70), (False, 1), (True, float("nan")), (True, 1e300)]:
    try:
        print(lock.acquire(*args))
        lock.release()
    except Exception as e:
        print(args, type(e).__name__, e)
