# _thread's locks in a single thread: acquire/release, non-blocking and timed
# attempts, context managers, RLock reentrancy, errors.
import _thread
lock = _thread.allocate_lock()
print(type(lock).__name__, lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.001))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print(e)
with lock:
    print('inside', lock.locked())
print('after', lock.locked())
try:
    lock.acquire(False, 1)
except ValueError as e:
    print(e)
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
r.release()
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print(e)
with r:
    with r:
        print('nested')
print(_thread.get_ident() == _thread.get_ident(), _thread._count(), _thread.error is RuntimeError)
print(_thread.LockType is type(lock), _thread.TIMEOUT_MAX > 0)
