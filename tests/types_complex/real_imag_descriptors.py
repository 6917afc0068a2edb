# complex.real and complex.imag are member descriptors on the type.
d = complex.__dict__['real']
print(complex.real, complex.imag, type(d).__name__)
print(complex.real.__get__(3 + 4j), complex.imag.__get__(3 + 4j), d.__name__, d.__objclass__)
print((3 + 4j).real, (3 - 4j).imag, 'real' in vars(complex), 'imag' in dir(complex))
class C(complex):
    pass
print(C(1, 2).real, C(1, 2).imag, complex.real.__get__(C(5, 6)))
try:
    (1j).real = 2
except AttributeError as e:
    print(e)
try:
    complex.real.__set__(1j, 2)
except AttributeError as e:
    print(e)
try:
    complex.real.__get__(1.5)
except TypeError as e:
    print(e)
print(float.real, int.imag, type(float.__dict__['real']).__name__)
