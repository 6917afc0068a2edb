import _circ._d
