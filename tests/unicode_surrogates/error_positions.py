# str() of Unicode errors whose positions are negative, empty or past the end:
# CPython prints the stored positions unclamped.
for args in [(-5, 100), (-1, 0), (0, 0), (3, 1), (5, 6), (-2, -1), (1, 2), (0, 1)]:
    for E, o in [(UnicodeEncodeError, ('ascii', '\udc80x')),
                 (UnicodeDecodeError, ('ascii', b'\xffx')),
                 (UnicodeTranslateError, ('\udc80x',))]:
        e = E(*o, *args, 'r')
        print(E.__name__, args, ascii(str(e)), e.start, e.end)
