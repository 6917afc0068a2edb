# __annotations__ and __annotate__ of classes (PEP 649/749).
class A:
    x: int
print(sorted(k for k in A.__dict__ if 'annot' in k))
print(A.__annotations__, A.__annotate__.__name__)
print(sorted(k for k in A.__dict__ if 'annot' in k))
A.__annotations__ = {'y': 1}
print(sorted(k for k in A.__dict__ if 'annot' in k), A.__annotations__, A.__annotate__)
class B: pass
print(B.__annotations__, B.__annotate__, sorted(k for k in B.__dict__ if 'annot' in k))
class C(A): pass
print(C.__annotations__, C.__annotate__)
try: int.__annotations__
except AttributeError as e: print(e)
try: int.__annotate__
except AttributeError as e: print(e)
B.__annotate__ = lambda f: {'z': f}
print(B.__annotations__, sorted(k for k in B.__dict__ if 'annot' in k))
class D: pass
D.__annotate__ = lambda f: {'z': f}
print(D.__annotations__, sorted(k for k in D.__dict__ if 'annot' in k))
try: D.__annotate__ = 5
except TypeError as e: print(e)
class E:
    a: Undefined
print(type.__dict__['__annotations__'], type.__dict__['__annotate__'])
print(type.__dict__['__type_params__'])
class F:
    pass
F.__type_params__ = (1,)
print(F.__type_params__)
try:
    F.__type_params__ = [1]
except TypeError as e:
    print("TypeError:", e)
