# Error messages keep the lone surrogates of the strs they quote: int()/float()
# literals, missing modules, unexpected keywords, missing names and attributes, and
# KeyError; a class name, a missing name or source text with one is a
# UnicodeEncodeError (CPython reads them as UTF-8).
from _show import show


def args_of(f):
    try:
        f()
    except Exception as e:
        return type(e).__name__, e.args, getattr(e, 'name', None)


def f(a=1):
    return a


class C:
    pass


show('int', lambda: int('\udc80'))
show('int base 16', lambda: int('1\ud800', 16))
show('int base 0', lambda: int('\ud800\udc00'))
show('int bytes', lambda: int(b'\xff'))
show('float', lambda: float('\udc80'))
show('float tail', lambda: float('1\ud800'))
show('complex', lambda: complex('1\ud800j'))
show('import', lambda: __import__('\udc80'))
show('import parent', lambda: __import__('a\udc80.b'))
show('import not a package', lambda: __import__('os.\udc80'))
show('import attrs', lambda: args_of(lambda: __import__('x\udc80y')))
show('keyword', lambda: f(**{'\ud800': 1}))
show('keyword middle', lambda: f(**{'a\udc80b': 1}))
show('keyword args', lambda: args_of(lambda: f(**{'\udfff': 1})))
for name, call in [
    ('print', lambda kw: print(**kw)),
    ('sorted', lambda kw: sorted([], **kw)),
    ('str.split', lambda kw: 'a'.split(**kw)),
    ('str', lambda kw: str(**kw)),
    ('complex', lambda kw: complex(**kw)),
    ('zip', lambda kw: zip(**kw)),
    ('max', lambda kw: max([1], **kw)),
    ('compile', lambda kw: compile('1', 's', 'eval', **kw)),
    ('ImportError', lambda kw: ImportError(**kw)),
    ('property', lambda kw: property(**kw)),
    ('code.replace', lambda kw: f.__code__.replace(**kw)),
    ('bisect', lambda kw: __import__('bisect').bisect([], 1, **kw)),
    ('product', lambda kw: __import__('itertools').product(**kw)),
]:
    show('keyword ' + name, lambda: call({'\ud800': 1}))
show('keyword-only', lambda: (lambda *, b: b)(**{'\udc80': 1}))
show('keyword twice', lambda: f(**{'\ud800': 1}, **{'\ud800': 2}))
show('KeyError', lambda: {}['\ud800'])
show('KeyError args', lambda: args_of(lambda: {'\udc80': 1}['\ud800x']))
show('type name', lambda: type('\ud800', (), {}))
show('type name args', lambda: args_of(lambda: type('a\ud800\udc00b\udc80', (), {})))
show('exec', lambda: exec('\ud800'))
show('eval args', lambda: args_of(lambda: eval("globals()['\ud800']")))
show('compile', lambda: compile('x\udc80', '<s>', 'eval'))
co = compile('xyz', '<s>', 'eval')
show('NameError', lambda: args_of(lambda: eval(co.replace(co_names=('\ud800',)))))
c = C()
setattr(c, '\ud800', 1)
show('setattr getattr', lambda: getattr(c, '\ud800'))
show('getattr missing', lambda: getattr(C(), '\udc80'))
show('getattr int', lambda: getattr(1, '\ud800'))
show('delattr', lambda: delattr(C(), '\ud800'))
show('class dict', lambda: C.__dict__['\ud800'])
