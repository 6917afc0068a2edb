items = []
first = items  [  0  ]
