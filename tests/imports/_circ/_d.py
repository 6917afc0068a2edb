import _circ._c
print(_circ._c.missing)
