def f():
	if True:
		value = [1][
			5
		]

f()
