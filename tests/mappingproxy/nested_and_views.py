# Proxies over proxies and over other mappings; class namespaces as proxies.
import types
from collections import OrderedDict, ChainMap
M = types.MappingProxyType
inner = {'a': 1}
p = M(M(inner))
print(repr(p), str(p), p['a'], len(p), 'a' in p, p.get('b', 0), list(p.items()))
inner['b'] = 2
print(p, p == {'a': 1, 'b': 2}, p | M({'c': 3}), M({'z': 0}) | p)
print(M(OrderedDict(x=1)), M(ChainMap({'k': 1}, {'j': 2}))['j'])
print(type(p.copy()), type(M(OrderedDict(x=1)).copy()))
class Base:
    a = 1
class Child(Base):
    b = 2
print('a' in Child.__dict__, 'b' in Child.__dict__, Child.__dict__.get('a', 'missing'))
print(type(vars(Child)).__name__, vars(Child)['b'], list(k for k in vars(Child) if not k.startswith('__')))
print(Child.__dict__ == dict(Child.__dict__), isinstance(Child.__dict__, dict))
d = dict(Child.__dict__)
d['new'] = 1
print('new' in Child.__dict__, hasattr(Child, 'new'))
Child.new = 5
print(Child.__dict__['new'])
print(type(type.__dict__).__name__, '__dict__' in type.__dict__, type(object.__dict__['__init__']).__name__)
