# An index or slice bound whose __index__ resizes the bytearray: the length is
# read after the bound is known, so the operation never reaches past the end.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

b = bytearray()

class Shrink:
    def __init__(self, value):
        self.value = value
    def __index__(self):
        b[:] = b'xy'
        return self.value

def reset():
    b[:] = b'hello world'

def setitem(key, value):
    reset()
    b[key] = value
    return bytes(b)

def delitem(key):
    reset()
    del b[key]
    return bytes(b)

show("set [Shrink(3)]", lambda: setitem(Shrink(3), 65))
show("set [Shrink(1)]", lambda: setitem(Shrink(1), 65))
show("set [1:Shrink(3)]", lambda: setitem(slice(1, Shrink(3)), b'ZZ'))
show("set [Shrink(1):9]", lambda: setitem(slice(Shrink(1), 9), b'Q'))
show("set [Shrink(0):9:2]", lambda: setitem(slice(Shrink(0), 9, 2), b'Q'))
show("set [::Shrink(-1)]", lambda: setitem(slice(None, None, Shrink(-1)), b'ab'))
show("set [8:Shrink(0):-1]", lambda: setitem(slice(8, Shrink(0), -1), b''))
show("del [Shrink(5)]", lambda: delitem(Shrink(5)))
show("del [Shrink(0)]", lambda: delitem(Shrink(0)))
show("del [2:Shrink(9)]", lambda: delitem(slice(2, Shrink(9))))
show("del [Shrink(0)::3]", lambda: delitem(slice(Shrink(0), None, 3)))
show("del [::Shrink(-2)]", lambda: delitem(slice(None, None, Shrink(-2))))

data = bytearray(b'abcdef')
m = memoryview(data)

class Release:
    def __index__(self):
        m.release()
        return 1

show("view get", lambda: m[Release()])
m = memoryview(data)
show("view slice", lambda: type(m[1:Release()]).__name__)
m = memoryview(data)
def view_set():
    m[Release()] = 5
show("view set", view_set)
m.release()

def assign_empty(key, value):
    x = bytearray(b'abcdef')
    x[key] = value
    return bytes(x)

show("[::2] = b''", lambda: assign_empty(slice(None, None, 2), b''))
show("[::-2] = bytearray()", lambda: assign_empty(slice(None, None, -2), bytearray()))
show("[::2] = []", lambda: assign_empty(slice(None, None, 2), []))
show("[5:5:2] = b''", lambda: assign_empty(slice(5, 5, 2), b''))
x = bytearray(b'abcdef')
view = memoryview(x)
def exported():
    x[::2] = b''
show("exported [::2] = b''", exported)
print(bytes(data))
