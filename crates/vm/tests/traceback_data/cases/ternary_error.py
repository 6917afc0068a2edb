d = {}
x = d["a"] if d else d["b"]
