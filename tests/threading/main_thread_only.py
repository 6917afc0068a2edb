# threading on the main thread: _thread handles, current_thread, locks, events, local.
import _thread
h = _thread._ThreadHandle()
print(h.ident, h.is_done())
try: h.join()
except RuntimeError as e: print(e)
m = _thread._make_thread_handle(_thread.get_ident())
print(m.ident == _thread.get_ident(), m.is_done())
try: m.join()
except RuntimeError as e: print(e)
m._set_done(); print(m.is_done()); m.join(); print(_thread._shutdown(), _thread._is_main_interpreter())
_thread.set_name('MainThread')
import threading
t = threading.current_thread()
print(t.name, t is threading.main_thread(), threading.active_count(), threading.get_ident() == _thread.get_ident())
lk = threading.Lock(); print(lk.acquire(), lk.locked()); lk.release()
ev = threading.Event(); ev.set(); print(ev.wait(0.01), ev.is_set())
loc = threading.local(); loc.x = 5; print(loc.x)
c = threading.Condition(); 
with c: print(c.wait(0.01))
print(len(threading.enumerate()), repr(t)[:22])
