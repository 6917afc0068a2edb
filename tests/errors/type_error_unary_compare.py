# Ordering comparison between unrelated types.
values = [3, 1, "two"]
smallest = values[0]
for v in values:
    print("checking", v)
    if v < smallest:
        smallest = v
print(smallest)
