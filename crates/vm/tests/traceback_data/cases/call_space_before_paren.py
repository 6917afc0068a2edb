def boom(x):
    raise KeyError(x)

y = [boom ("arg")]
