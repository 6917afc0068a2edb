# OSError's constructor: errno/strerror/filename/filename2 attributes, args
# truncation when a filename is given, and str() in each form.
cases = [(), ('a',), (None, None), (2, 'x'), (2, 'x', None), (2, 'x', 'f'),
         (2, 'x', 'f', None, 'g'), (2, 'x', None, None, 'g'), (1, 2, 3, 4, 5, 6),
         (13, 'Permission denied', b'bytes-name')]
for args in cases:
    e = OSError(*args)
    print(type(e).__name__, repr(str(e)), e.args)
    print('  ', e.errno, e.strerror, e.filename, e.filename2)
    print('  ', repr(e))
