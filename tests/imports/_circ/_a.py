from _circ import _b
LATE = 1
