# code.replace() and __replace__ (what copy.replace calls): changed fields, what stays equal, and CPython's
# errors for wrong argument types.

def f(a, b=1):
    x = a + b
    return x


c = f.__code__
r = c.replace(co_name='g', co_qualname='G.g')
print(r.co_name, r.co_qualname, r.co_filename == c.co_filename, r.co_varnames)
print(r == c, c.replace() == c, c.replace() is c, hash(c.replace()) == hash(c))
print(c.replace(co_qualname='zz') == c, c.replace(co_filename='zz') == c)
print(c.replace(co_filename='other.py').co_filename)
moved = c.replace(co_firstlineno=99)
print(moved == c, moved.co_firstlineno)
print([line for _, _, line in moved.co_lines()] == [
    None if line is None else line + 99 - c.co_firstlineno for _, _, line in c.co_lines()])
g = c.__replace__(co_name='h')
print(g.co_name, g == c)
renamed = c.replace(co_varnames=('p', 'q', 'y'))
print(renamed.co_varnames, renamed == c)
module = compile('word = "old"\nprint(word, len(word))\n', '<m>', 'exec')
print(module.co_consts)
exec(module.replace(co_consts=tuple('new!' if k == 'old' else k for k in module.co_consts)))
exec(module.replace(co_names=tuple('size' if n == 'word' else n for n in module.co_names)))
print(size)
print(c.replace(co_code=c.co_code) == c, c.replace(co_argcount=c.co_argcount) == c)
print(c.replace(co_names=c.co_names) == c, c.replace(co_nlocals=3).co_nlocals)
print(c.replace(co_linetable=c.co_linetable) == c)

for kw in [dict(co_name=1), dict(co_argcount='x'), dict(co_consts=[1]),
           dict(co_names=(1,)), dict(co_varnames=('a',)), dict(co_code=1),
           dict(co_flags=1.5), dict(bogus=1), dict(co_filename=None),
           dict(co_linetable='x'), dict(co_stacksize=-1), dict(co_nlocals=5),
           dict(co_argcount=-1), dict(co_flags=-1), dict(co_firstlineno=-5),
           dict(co_argcount=2**40), dict(co_varnames=('a', 'b', 'x', 'y'))]:
    try:
        c.replace(**kw)
        print(kw, 'ok')
    except Exception as e:
        print(kw, type(e).__name__, e)
try:
    c.replace(1)
except TypeError as e:
    print('TypeError', e)
