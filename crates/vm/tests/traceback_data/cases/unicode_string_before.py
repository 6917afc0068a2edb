s = "héllo wörld"
print("é" + "ü", s + 1)
