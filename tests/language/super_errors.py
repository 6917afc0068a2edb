# super() error messages
def attempt(fn):
    try:
        print(fn())
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
def outside():
    return super()
attempt(outside)
class A:
    def noargs():
        return super()
    def star(*args):
        return super()
    def deleted(self):
        del self
        return super()
    def ok(self):
        return super().__repr__ is not None
attempt(A.noargs)
attempt(A().star)
attempt(A().deleted)
attempt(A().ok)
attempt(lambda: super(1, 2))
attempt(lambda: super(A, 2))
attempt(lambda: super(A, int))
attempt(lambda: super(A, A(), 3))
class B(A):
    pass
attempt(lambda: super(B, A()).ok)
attempt(lambda: super(A, B()).missing)
