a = 1
b = "two"
x = a \
    + b
