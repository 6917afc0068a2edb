a = 1
b = "s"
x = [a +
     b]
