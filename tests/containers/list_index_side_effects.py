# An index or slice bound whose __index__ empties the list: the list's length is
# read after the bound is known, so nothing reaches past the end; an item's __del__
# run by the assignment sees the list in a consistent state.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

l = []

class Clear:
    def __init__(self, value):
        self.value = value
    def __index__(self):
        l.clear()
        return self.value

def fresh():
    l[:] = range(10)

def get(key):
    fresh()
    return l[key]

def assign(key, value):
    fresh()
    l[key] = value
    return l

def delete(key):
    fresh()
    del l[key]
    return l

show("get [Clear(3)]", lambda: get(Clear(3)))
show("get [2:Clear(8)]", lambda: get(slice(2, Clear(8))))
show("get [Clear(0)::3]", lambda: get(slice(Clear(0), None, 3)))
show("set [Clear(3)]", lambda: assign(Clear(3), 5))
show("set [2:Clear(8)]", lambda: assign(slice(2, Clear(8)), [1]))
show("set [Clear(0)::2] = []", lambda: assign(slice(Clear(0), None, 2), []))
show("set [Clear(0)::2] = 5 items", lambda: assign(slice(Clear(0), None, 2), [1, 2, 3, 4, 5]))
show("del [Clear(3)]", lambda: delete(Clear(3)))
show("del [Clear(0)::2]", lambda: delete(slice(Clear(0), None, 2)))

class Watch:
    def __del__(self):
        print("  __del__ sees", len(l), l[:2])

l[:] = [Watch(), 2, 3]
l[0] = 1
l[:] = [Watch(), 2, 3]
l[0:1] = [9]
l[:] = [Watch(), 2, 3]
del l[0]
l[:] = [Watch(), 2, 3, Watch()]
del l[::3]
l[:] = [Watch(), 2, 3, Watch()]
l[::3] = [7, 8]
print(l)
