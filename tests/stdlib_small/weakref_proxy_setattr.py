# Setting an attribute through a proxy stores the value as given (proxies stay proxies).
import weakref
class N: pass
a = N(); p = weakref.proxy(a)
p.next = p
print(type(a.next).__name__)
b = N(); p.other = b; print(a.other is b)
import inspect
print(inspect.signature(lambda x, *a, k=1: None))
from collections import OrderedDict
print(list(OrderedDict()), list(OrderedDict(a=1)))
