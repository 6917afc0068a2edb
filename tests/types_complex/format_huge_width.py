# A format width too large to allocate raises MemoryError (or CPython's ValueError
# for too many digits) instead of aborting.
def show(spec):
    try:
        print(repr(spec), len(format(3+4j, spec)))
    except BaseException as e:
        print(repr(spec), type(e).__name__, e)

show('4611686018427387904')
show('<4611686018427387904')
show('x^4611686018427387904')
show('\u20ac>4611686018427387904.3f')
show('9223372036854775807')
show('1000000000000')
show('20')
show('*^20.2f')
print(format(1-2j, '*^20.2f'))
print(format(1-2j, '\u20ac<16'))
