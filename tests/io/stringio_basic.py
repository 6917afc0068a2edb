# StringIO: reading, writing, seeking, truncating, iteration and newline handling.
from _io import StringIO
s = StringIO('first\nsecond\nthird')
print(s.read(3), repr(s.readline()), s.tell(), s.readlines())
s.seek(0)
print(list(s))
s = StringIO()
print(s.write('hello'), s.write(' world'), s.getvalue(), s.tell())
s.seek(6)
s.write('there')
print(s.getvalue())
s.seek(20)
s.write('!')
print(repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
print(s.readable(), s.writable(), s.seekable(), s.closed, s.line_buffering)
for newline in [None, '', '\n', '\r', '\r\n']:
    t = StringIO(newline=newline)
    t.write('a\nb\r\nc\rd')
    t.seek(0)
    print(repr(newline), repr(t.getvalue()), t.readlines(), t.newlines)
for bad in [lambda: StringIO(5), lambda: StringIO('x', 'bad'), lambda: StringIO().write(5),
            lambda: StringIO().seek(-1), lambda: StringIO().seek(1, 1), lambda: StringIO().seek(0, 5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
s.close()
print(s.closed)
try:
    s.read()
except ValueError as e:
    print(e)
with StringIO('ctx') as c:
    print(c.read())
print(c.closed)
