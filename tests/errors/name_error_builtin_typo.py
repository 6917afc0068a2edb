# NameError suggesting a builtin for a misspelled call.
items = [1, 2, 3]
print("items:", items)
print(lenn(items))
