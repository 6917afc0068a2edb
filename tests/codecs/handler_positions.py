# The built-in error handlers clamp start/end to the exception's object (no huge
# replacement for an out-of-range end), and a registered handler's out-of-range
# position is reported after adding the object's length to a negative one.
import codecs

for name in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
    handler = codecs.lookup_error(name)
    for exc in [
        UnicodeEncodeError('ascii', 'ab', 0, 10**12, 'r'),
        UnicodeEncodeError('ascii', 'ab', 5, 100, 'r'),
        UnicodeEncodeError('ascii', 'ab', 2, 0, 'r'),
        UnicodeEncodeError('ascii', 'ab', -3, -1, 'r'),
        UnicodeEncodeError('ascii', '', 0, 1, 'r'),
        UnicodeDecodeError('ascii', b'ab', 0, 10**12, 'r'),
        UnicodeDecodeError('ascii', b'ab', 2, 0, 'r'),
        UnicodeDecodeError('ascii', b'', 0, 1, 'r'),
        UnicodeTranslateError('ab', 1, 10**12, 'r'),
    ]:
        try:
            print(name, type(exc).__name__, handler(exc))
        except TypeError as e:
            print(name, type(exc).__name__, 'TypeError', e)

for name in ['ignore', 'replace']:
    for exc in [UnicodeEncodeError('ascii', 'ab', 0, 1, 'r'),
                UnicodeDecodeError('ascii', b'ab', 0, 1, 'r')]:
        exc.object = 5
        try:
            codecs.lookup_error(name)(exc)
        except TypeError as e:
            print(name, 'TypeError', e)

codecs.register_error('test.far_back', lambda exc: ('X', -100))
for call in [lambda: 'a\xe9b\xe9'.encode('ascii', 'test.far_back'),
             lambda: b'a\xffb'.decode('utf-8', 'test.far_back'),
             lambda: b'a\xffb'.decode('ascii', 'test.far_back')]:
    try:
        call()
    except IndexError as e:
        print('IndexError', e)
