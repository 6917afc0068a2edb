x = (lambda: 1 / 0)()
