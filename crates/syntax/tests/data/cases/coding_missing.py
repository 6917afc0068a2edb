x = 1
print("böse")
