# Code objects compare equal when compiled from the same source (name, bytecode,
# constants, names and positions), whatever their file name; hash follows equality.
src = 'def f(a):\n    return a + 1\n'


def code_of(source, filename='<a>'):
    ns = {}
    exec(compile(source, filename, 'exec'), ns)
    return ns['f'].__code__


a = code_of(src)
b = code_of(src, '<b>')
print(a == b, a is b, hash(a) == hash(b), a != b)
print(code_of('def f(a):\n    return a + 2\n') == a)
print(code_of('def f(a):\n    return a + 1.0\n') == a)
print(code_of('def f(b):\n    return b + 1\n') == a)
print(code_of('\ndef f(a):\n    return a + 1\n') == a)
print(code_of('def f(a):\n    return a  +  1\n') == a)
print(code_of('def f(a):\n    return 0.0\n') == code_of('def f(a):\n    return -0.0\n'))
print(code_of('def f(a):\n    return (1, 2)\n') == code_of('def f(a):\n    return (1, 2)\n'))
print(code_of('def f(a):\n    def g(): pass\n    return g\n')
      == code_of('def f(a):\n    def g(): pass\n    return g\n'))
print(code_of('def f(a):\n    def g(): return 1\n    return g\n')
      == code_of('def f(a):\n    def g(): return 2\n    return g\n'))
print(len({a, b, code_of(src, '<c>')}))
print(a == 1, a == None)
