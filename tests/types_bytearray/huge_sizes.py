# Sizes past what memory can hold raise MemoryError instead of aborting.
def show(label, f):
    try:
        r = f()
        print(label, repr(r)[:60])
    except BaseException as e:
        print(label, type(e).__name__, e)

def imul(n):
    b = bytearray(b'ab')
    b *= n
    return b

show("imul 2**62", lambda: imul(2**62))
show("imul 2**61", lambda: imul(2**61))
show("imul 3", lambda: imul(3))
show("imul 0", lambda: imul(0))
show("imul -1", lambda: imul(-1))
show("imul 2**64", lambda: imul(2**64))

def imul_empty(n):
    b = bytearray()
    b *= n
    return b

show("empty imul 2**62", lambda: imul_empty(2**62))
show("mul 2**62", lambda: bytearray(b'ab') * 2**62)
show("bytearray(2**62)", lambda: bytearray(2**62))
show("bytes(2**62)", lambda: bytes(2**62))
show("bytearray(2**63)", lambda: bytearray(2**63))
show("bytearray(-1)", lambda: bytearray(-1))
show("bytearray(5)", lambda: bytearray(5))
show("bytes(3)", lambda: bytes(3))
