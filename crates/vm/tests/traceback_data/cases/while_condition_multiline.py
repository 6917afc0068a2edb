d = {}
while (d["a"] and
       d["b"]):
    pass
