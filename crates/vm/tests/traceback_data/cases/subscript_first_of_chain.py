data = [[1, 2], [3]]
i = 5
value = data[i][0] + 1
