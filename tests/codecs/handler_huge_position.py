# A registered error handler answering a position beyond Py_ssize_t fails with
# OverflowError; one past the end (or too far back) with IndexError.
import codecs

codecs.register_error('test.huge', lambda exc: ('?', 99999999999999999999))
codecs.register_error('test.huge_negative', lambda exc: ('?', -99999999999999999999))
codecs.register_error('test.past_end', lambda exc: ('?', 100))
for handler in ['test.huge', 'test.huge_negative', 'test.past_end']:
    for call in [lambda: 'a\xffb'.encode('ascii', handler),
                 lambda: b'a\xffb'.decode('utf-8', handler),
                 lambda: b'a\xffb'.decode('ascii', handler),
                 lambda: b'a\xffb'.decode('latin-1', handler)]:
        try:
            print(handler, repr(call()))
        except (IndexError, OverflowError, TypeError) as e:
            print(handler, type(e).__name__, e)
