from _circ._a import LATE
