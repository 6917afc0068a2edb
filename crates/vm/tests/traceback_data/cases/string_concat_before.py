label = "a" "b"
print(label, label + 1)
