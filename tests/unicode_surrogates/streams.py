# io.StringIO, io.TextIOWrapper and print() carry lone surrogates; the encoder's
# error handler decides what they become in bytes.
import io
from _show import show

t = 'a\udcffb'


def stringio():
    b = io.StringIO()
    b.write(t)
    b.write('\ud800\n')
    b.seek(1)
    first = b.read(2)
    b.seek(0)
    b.write('xy')
    return first, b.getvalue(), b.tell()


show('StringIO', stringio)
show('StringIO init', lambda: io.StringIO(t).read())
show('StringIO readline', lambda: io.StringIO(t + '\r\nx', newline=None).readline())
show('StringIO lines', lambda: list(io.StringIO('\udc80\n\udc81\n')))


def truncated():
    b = io.StringIO(t)
    b.truncate(1)
    b.seek(0, 2)
    b.write('c')
    return b.getvalue()


show('StringIO truncate', truncated)


def wrote(errors, encoding='utf-8', newline=None):
    raw = io.BytesIO()
    w = io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline=newline)
    w.write(t + '\n')
    w.flush()
    return raw.getvalue()


for errors in ['surrogateescape', 'surrogatepass', 'strict', 'backslashreplace',
               'replace', 'ignore', 'xmlcharrefreplace']:
    show('write ' + errors, lambda: wrote(errors))
show('write latin-1', lambda: wrote('surrogateescape', 'latin-1'))
show('write crlf', lambda: wrote('surrogatepass', newline='\r\n'))


def read(data, errors, newline=None):
    return io.TextIOWrapper(io.BytesIO(data), encoding='utf-8', errors=errors,
                            newline=newline).read()


show('read escape', lambda: read(b'a\xffb\r\nc', 'surrogateescape'))
show('read pass', lambda: read(b'a\xed\xa0\x80b', 'surrogatepass'))
show('read lines', lambda: list(io.TextIOWrapper(io.BytesIO(b'\xff\n\xfe\n'),
                                                 errors='surrogateescape')))


def printed():
    raw = io.BytesIO()
    w = io.TextIOWrapper(raw, encoding='utf-8', errors='surrogateescape')
    print('caf\udce9', t[:1], sep='\udcff', end='\udc21\n', file=w)
    w.flush()
    return raw.getvalue()


show('print escape', printed)


def printed_sio():
    b = io.StringIO()
    print(t, [t], file=b)
    return b.getvalue()


show('print StringIO', printed_sio)
print('x', end='')
try:
    print('a', 'b', sep='\udc80')
except UnicodeEncodeError as e:
    print('stdout sep', e)
print(ascii('{0!s:>4}'.format(ValueError('\udc80'))))
