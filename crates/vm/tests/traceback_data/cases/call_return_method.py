class Thing:
    def go(self):
        raise RuntimeError("go")

def outer(t):
    return t.go()

outer(Thing())
