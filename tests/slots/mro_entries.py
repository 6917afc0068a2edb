# Class bases that are not classes supply them through __mro_entries__ (PEP 560).
class Proxy:
    def __init__(self, target):
        self.target = target
    def __mro_entries__(self, bases):
        print('mro_entries', [type(b).__name__ for b in bases])
        return (self.target,)
class A(Proxy(list)):
    pass
print(A.__bases__, A.__orig_bases__[0].target, A([1]))
class B(Proxy(dict), object):
    pass
print(B.__bases__, '__orig_bases__' in B.__dict__)
class C(int):
    pass
print('__orig_bases__' in C.__dict__)
class Empty:
    def __mro_entries__(self, bases):
        return ()
class D(Empty()):
    pass
print(D.__bases__)
