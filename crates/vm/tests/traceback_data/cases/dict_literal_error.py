d = {}
x = {"k": d["missing"],
     "j": 2}
