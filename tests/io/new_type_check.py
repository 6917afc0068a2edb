# The native _io classes' __new__ checks its first argument: a type, and a subclass
# of the class (else the object would carry state its class's methods do not expect).
import _io

CLASSES = [_io.BytesIO, _io.StringIO, _io.FileIO, _io.BufferedReader,
           _io.BufferedWriter, _io.BufferedRandom, _io.BufferedRWPair,
           _io.TextIOWrapper, _io.IncrementalNewlineDecoder, _io._IOBase,
           _io._RawIOBase, _io._BufferedIOBase, _io._TextIOBase]


def attempt(cls, *args):
    try:
        obj = cls.__new__(*args)
    except TypeError as e:
        return 'TypeError: ' + str(e)
    return 'made ' + type(obj).__name__


for cls in CLASSES:
    print(cls.__name__)
    print('  str   ', attempt(cls, 'x'))
    print('  int   ', attempt(cls, int))
    print('  dict  ', attempt(cls, dict))
    print('  none  ', attempt(cls))


class MyBytes(_io.BytesIO):
    pass


class MyText(_io._TextIOBase):
    pass


print(attempt(_io.BytesIO, MyBytes))
print(attempt(_io._TextIOBase, MyText))
print(attempt(_io._IOBase, MyText))
b = MyBytes(b'abc')
print(b.read(), type(b).__name__)
