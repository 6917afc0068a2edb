import types
M = types.MappingProxyType
for bad in (1, [1], (1,), "ab"):
    try: print(M(bad))
    except TypeError as e: print(e)
p = M({'a': 1, 'b': 2})
print(p, str(p), repr(p), type(p), type(p).__name__, type(p).__module__)
try: p['c'] = 3
except TypeError as e: print(e)
try: del p['a']
except TypeError as e: print(e)
try: p |= {}
except TypeError as e: print(e)
try: p.x = 1
except AttributeError as e: print(e)
print(p | {'c': 3}, {'z': 0} | p, p.copy(), p.get('a'), p.get('q'), p.get('q', 5))
try: p.get()
except TypeError as e: print(e)
print(list(p), list(reversed(p)), p.keys(), p.values(), p.items(), len(p), 'a' in p, 'z' in p)
print(p == {'a': 1, 'b': 2}, p != {'a': 1}, p == M({'a': 1, 'b': 2}))
try: hash(p)
except TypeError as e: print(e)
try: M()
except TypeError as e: print(e)
try: M(mapping={})
except TypeError as e: print(e)
print(M(mapping={'k': 1}))
try:
    class Sub(M): pass
except TypeError as e: print(e)
print(M[int, str])
class C:
    x = 1
    def f(self): pass
d = C.__dict__
print(type(d), d['x'], 'f' in d, type(vars(C)), sorted(C.__dict__.keys()))
print(type(int.__dict__), int.__dict__['real'])
try: C.__dict__['y'] = 2
except TypeError as e: print(e)
import collections
print(M(collections.OrderedDict(a=1)))
print(p['a'])
try: p['zz']
except KeyError as e: print(repr(e))
print(isinstance(p, collections.abc.Mapping))
