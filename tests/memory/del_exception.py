# An exception raised by __del__ is reported on stderr ("Exception ignored while
# calling deallocator ...") and the program goes on. (`__del__` is a built-in here so
# that the report names no address.)
class Bad:
    __del__ = staticmethod(len)


class Fine:
    def __del__(self):
        print("fine __del__")


b = Bad()
del b
print("still running")
f = Fine()
del f
print("end")
