data = [1, 2]
x = (data  # the list
     [5])
