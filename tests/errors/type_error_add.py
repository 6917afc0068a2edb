# Adding an int and a str raises TypeError with both type names.
count = 3
label = "items"
print(count, label)
message = count + label
print(message)
