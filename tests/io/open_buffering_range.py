# open()'s buffering is a C int: out of range is an OverflowError.
import _io
for b in (2**62, 2**63, 2**31, -2**31 - 1, -5, 0):
    for m in ('rb', 'r', 'wb'):
        try:
            f = _io.open('/dev/null', m, b)
            print(m, b, type(f).__name__)
            f.close()
        except Exception as e:
            print(m, b, type(e).__name__, e)
