import os
import os.path as p
from os import path, sep as s
x = os.getcwd()
print(x.upper(), len(x))
f(*a, **k)
f(1, *a, b=2)
x.method(1, key=2)
