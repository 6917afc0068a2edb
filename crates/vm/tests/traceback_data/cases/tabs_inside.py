a = 1
b = "s"
print(a,	b,	a +	b)
