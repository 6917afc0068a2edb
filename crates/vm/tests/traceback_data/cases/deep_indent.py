def f():
    for i in range(1):
        if True:
            while True:
                try:
                    pass
                finally:
                    x = [1, 2][i + 5]

f()
