a = [1]
x = [a@a]
