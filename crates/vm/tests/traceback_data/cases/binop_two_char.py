a = 7
b = 0
print("r", a // b, "end")
