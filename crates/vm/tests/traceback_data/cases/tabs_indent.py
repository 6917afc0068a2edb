def f():
	x = 1
	return x / 0

f()
